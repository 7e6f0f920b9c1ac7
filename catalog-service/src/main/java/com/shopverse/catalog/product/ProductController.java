package com.shopverse.catalog.product;

import com.shopverse.catalog.CatalogProperties;
import com.shopverse.defaults.ProblemException;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public browsing. Search, filters, sorting and admin writes come with the commerce issue. */
@RestController
class ProductController {

  record Page(List<Product> items, String next) {}

  private final Products products;
  private final CatalogProperties properties;

  ProductController(Products products, CatalogProperties properties) {
    this.products = products;
    this.properties = properties;
  }

  @GetMapping("/api/catalog/products")
  Page list(
      @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String category,
      @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String after,
      @RequestParam(defaultValue = "20") @Min(1) int limit) {
    if (limit > properties.maxPageSize()) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          "page-size",
          "limit must be at most " + properties.maxPageSize() + ".");
    }
    List<Product> items = products.page(category, after, limit);
    String next = items.size() == limit ? items.get(items.size() - 1).id() : null;
    return new Page(items, next);
  }

  @GetMapping("/api/catalog/products/{id}")
  Product one(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String id) {
    return products
        .byId(id)
        .orElseThrow(
            () ->
                new ProblemException(
                    HttpStatus.NOT_FOUND, "product-not-found", "No product " + id + "."));
  }
}
