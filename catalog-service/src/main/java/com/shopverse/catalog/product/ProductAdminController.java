package com.shopverse.catalog.product;

import com.shopverse.catalog.Problems;
import com.shopverse.defaults.ProblemException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Admin writes (role ADMIN, enforced in CatalogSecurity). */
@RestController
class ProductAdminController {

  private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

  private final ProductAdmin admin;

  ProductAdminController(ProductAdmin admin) {
    this.admin = admin;
  }

  @PostMapping("/api/catalog/products")
  ResponseEntity<ProductDetails> create(@Valid @RequestBody ProductForm form) {
    ProductDetails product = admin.create(form);
    return ResponseEntity.created(URI.create("/api/catalog/products/" + product.id()))
        .eTag(product.etag())
        .body(product);
  }

  /** Replaces the editable fields; needs {@code If-Match} with the version read before. */
  @PutMapping("/api/catalog/products/{id}")
  ResponseEntity<ProductDetails> update(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody ProductForm form) {
    if (ifMatch == null) {
      throw new ProblemException(
          HttpStatus.PRECONDITION_REQUIRED,
          "if-match-required",
          "Send If-Match with the ETag of the product you read.");
    }
    ProductDetails product = admin.update(id, version(ifMatch), form);
    return ResponseEntity.ok().eTag(product.etag()).body(product);
  }

  @DeleteMapping("/api/catalog/products/{id}")
  ResponseEntity<Void> deactivate(
      @PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    admin.deactivate(id, ifMatch == null ? null : version(ifMatch));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/catalog/products/{id}/stock")
  Map<String, Object> adjustStock(
      @PathVariable String id, @Valid @RequestBody ProductForm.StockAdjustment adjustment) {
    return Map.of("productId", id, "stock", admin.adjustStock(id, adjustment.delta()));
  }

  private static long version(String ifMatch) {
    Matcher m = ETAG.matcher(ifMatch.strip());
    if (!m.matches()) {
      throw Problems.badField("validation", "If-Match", "is not an ETag of this API.");
    }
    return Long.parseLong(m.group(1));
  }
}
