package com.shopverse.catalog.product;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.shopverse.catalog.CatalogProperties;
import com.shopverse.catalog.Problems;
import com.shopverse.defaults.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public browsing and search: no token needed. */
@RestController
class ProductController {

  static final int MAX_QUERY_LENGTH = 200;

  /**
   * A page of products. {@code next} is the cursor for {@code after} (null on the last page);
   * {@code search} tells how a search matched: {@code full_text} or {@code fuzzy} (the
   * typo-tolerant fallback).
   */
  record Page(
      List<ProductSummary> items,
      String next,
      @JsonInclude(JsonInclude.Include.NON_NULL) String search) {}

  private final Products products;
  private final CatalogProperties properties;

  ProductController(Products products, CatalogProperties properties) {
    this.products = products;
    this.properties = properties;
  }

  @GetMapping("/api/catalog/products")
  Page list(
      @RequestParam(required = false) String category,
      @RequestParam(required = false) Long minPrice,
      @RequestParam(required = false) Long maxPrice,
      @RequestParam(required = false) Boolean inStock,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "20") int limit) {
    Browse browse = browse(category, minPrice, maxPrice, inStock, q, sort, after, limit);
    Products.Found found = products.browse(browse);
    List<Products.Row> rows = found.rows();
    boolean more = rows.size() > limit;
    List<Products.Row> page = more ? rows.subList(0, limit) : rows;
    String next =
        more
            ? Products.cursorAfter(page.get(limit - 1), browse.sort(), found.mode()).encode()
            : null;
    String search =
        found.mode() == SearchMode.NONE
            ? null
            : found.mode().name().toLowerCase(java.util.Locale.ROOT);
    return new Page(page.stream().map(Products.Row::product).toList(), next, search);
  }

  @GetMapping("/api/catalog/products/{id}")
  ResponseEntity<ProductDetails> one(@PathVariable String id) {
    ProductDetails product =
        (Cursor.ID.matcher(id).matches()
                ? products.details(id, true)
                : java.util.Optional.<ProductDetails>empty())
            .orElseThrow(() -> notFound(id));
    return ResponseEntity.ok().eTag(product.etag()).body(product);
  }

  static ProblemException notFound(String id) {
    return Problems.aboutProduct(
        HttpStatus.NOT_FOUND, "product-not-found", id, "No product " + id + ".");
  }

  private Browse browse(
      String category,
      Long minPrice,
      Long maxPrice,
      Boolean inStock,
      String q,
      String sortName,
      String after,
      int limit) {
    if (limit > properties.maxPageSize()) {
      throw Problems.badField(
          "page-size", "limit", "must be at most " + properties.maxPageSize() + ".");
    }
    if (limit < 1) {
      throw Problems.badField("validation", "limit", "must be at least 1.");
    }
    if (category != null && !Cursor.ID.matcher(category).matches()) {
      throw Problems.badField("validation", "category", "is not a category id.");
    }
    if (minPrice != null && minPrice < 0) {
      throw Problems.badField("validation", "minPrice", "must not be negative.");
    }
    if (maxPrice != null && maxPrice < 0) {
      throw Problems.badField("validation", "maxPrice", "must not be negative.");
    }
    if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
      throw Problems.badField("validation", "maxPrice", "must not be below minPrice.");
    }
    String text = q == null || q.isBlank() ? null : q.strip();
    if (text != null && text.length() > MAX_QUERY_LENGTH) {
      throw Problems.badField(
          "validation", "q", "must be at most " + MAX_QUERY_LENGTH + " characters.");
    }
    Sort sort =
        sortName == null ? (text == null ? Sort.ID : Sort.RELEVANCE) : Sort.fromWire(sortName);
    if (sort == null) {
      throw Problems.badField("validation", "sort", "must be one of " + Sort.wireNames() + ".");
    }
    if (sort == Sort.RELEVANCE && text == null) {
      throw Problems.badField("validation", "sort", "relevance needs a search text q.");
    }
    SearchMode mode = text == null ? SearchMode.NONE : SearchMode.FULL_TEXT;
    Cursor cursor = null;
    if (after != null) {
      cursor = Cursor.decode(after, sort, mode);
      if (cursor == null) {
        throw Problems.badField(
            "validation",
            "after",
            "is not a cursor of this listing (use the previous page's next).");
      }
    }
    return new Browse(category, minPrice, maxPrice, inStock, text, sort, cursor, limit);
  }
}
