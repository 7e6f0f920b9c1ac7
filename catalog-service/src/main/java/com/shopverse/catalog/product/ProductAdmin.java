package com.shopverse.catalog.product;

import com.shopverse.catalog.CatalogEvents;
import com.shopverse.catalog.Problems;
import com.shopverse.defaults.ProblemDetailsAdvice;
import com.shopverse.defaults.ProblemException;
import com.shopverse.events.catalog.CatalogEvent;
import com.shopverse.events.catalog.ProductChanged;
import com.shopverse.events.catalog.StockChanged;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admin writes. Each one commits with a catalog event in the outbox; updates are optimistic ({@code
 * version} must match the caller's {@code If-Match}).
 */
@Service
@Transactional
class ProductAdmin {

  private final JdbcClient jdbc;
  private final Products products;
  private final CatalogEvents events;
  private final JsonMapper json;

  ProductAdmin(JdbcClient jdbc, Products products, CatalogEvents events, JsonMapper json) {
    this.jdbc = jdbc;
    this.products = products;
    this.events = events;
    this.json = json;
  }

  ProductDetails create(ProductForm form) {
    requireCategory(form.categoryId());
    String id;
    try {
      id =
          jdbc.sql(
                  "INSERT INTO products (id, sku, name, description, price_minor, currency,"
                      + " category_id, stock, attributes, image_urls)"
                      + " VALUES ('P' || nextval('product_ids'), ?, ?, ?, ?, ?, ?, ?,"
                      + " CAST(? AS jsonb), CAST(? AS jsonb)) RETURNING id")
              .params(
                  form.sku(),
                  form.name(),
                  form.description(),
                  form.priceMinor(),
                  form.currency(),
                  form.categoryId(),
                  form.stock() == null ? 0 : form.stock(),
                  json.writeValueAsString(form.attributes()),
                  json.writeValueAsString(form.imageUrls()))
              .query(String.class)
              .single();
    } catch (DuplicateKeyException e) {
      throw skuTaken(form.sku());
    }
    return changed(id, ProductChanged.Change.CREATED);
  }

  ProductDetails update(String id, long expectedVersion, ProductForm form) {
    requireCategory(form.categoryId());
    int updated;
    try {
      updated =
          jdbc.sql(
                  "UPDATE products SET sku = ?, name = ?, description = ?, price_minor = ?,"
                      + " currency = ?, category_id = ?, attributes = CAST(? AS jsonb),"
                      + " image_urls = CAST(? AS jsonb), version = version + 1, updated_at = now()"
                      + " WHERE id = ? AND version = ?")
              .params(
                  form.sku(),
                  form.name(),
                  form.description(),
                  form.priceMinor(),
                  form.currency(),
                  form.categoryId(),
                  json.writeValueAsString(form.attributes()),
                  json.writeValueAsString(form.imageUrls()),
                  id,
                  expectedVersion)
              .update();
    } catch (DuplicateKeyException e) {
      throw skuTaken(form.sku());
    }
    if (updated == 0) {
      throw staleOrMissing(id);
    }
    return changed(id, ProductChanged.Change.UPDATED);
  }

  /** Soft delete: the product leaves browsing and cannot be reserved; its rows stay. */
  void deactivate(String id, Long expectedVersion) {
    int updated =
        jdbc.sql(
                "UPDATE products SET active = false, version = version + 1, updated_at = now()"
                    + " WHERE id = :id AND active"
                    + (expectedVersion == null ? "" : " AND version = :version"))
            .param("id", id)
            .param("version", expectedVersion)
            .update();
    if (updated == 1) {
      changed(id, ProductChanged.Change.DEACTIVATED);
      return;
    }
    ProductDetails current =
        products.details(id, false).orElseThrow(() -> ProductController.notFound(id));
    if (current.active()) {
      throw stale(current);
    }
    // Already inactive: nothing to do, no event.
  }

  int adjustStock(String id, int delta) {
    Optional<Integer> stock =
        jdbc.sql(
                "UPDATE products SET stock = stock + :delta WHERE id = :id AND stock + :delta >= 0"
                    + " RETURNING stock")
            .param("delta", delta)
            .param("id", id)
            .query(Integer.class)
            .optional();
    if (stock.isEmpty()) {
      ProductDetails current =
          products.details(id, false).orElseThrow(() -> ProductController.notFound(id));
      throw Problems.aboutProduct(
          HttpStatus.CONFLICT,
          "stock-negative",
          id,
          "Stock of " + id + " is " + current.stock() + "; it cannot change by " + delta + ".");
    }
    events.stockChanged(id, delta, stock.get(), StockChanged.Reason.ADJUSTED, null);
    return stock.get();
  }

  /** Publishes the product as it is now (see {@link ProductAnnouncer}). */
  void announce(String id, ProductChanged.Change change) {
    changed(id, change);
  }

  private ProductDetails changed(String id, ProductChanged.Change change) {
    ProductDetails p = products.details(id, false).orElseThrow();
    // In the write's transaction: the announcer must not publish this version a second time.
    jdbc.sql("UPDATE products SET announced_version = ? WHERE id = ?")
        .params(p.version(), id)
        .update();
    events.record(
        new ProductChanged(
            UUID.randomUUID(),
            events.now(),
            CatalogEvent.SCHEMA_VERSION,
            change,
            p.id(),
            p.sku(),
            p.name(),
            p.categoryId(),
            p.priceMinor(),
            p.currency(),
            p.active(),
            p.stock(),
            p.inStock(),
            p.version()));
    return p;
  }

  private void requireCategory(String categoryId) {
    boolean exists =
        jdbc.sql("SELECT EXISTS (SELECT 1 FROM categories WHERE id = ?)")
            .param(categoryId)
            .query(Boolean.class)
            .single();
    if (!exists) {
      var problem =
          ProblemDetailsAdvice.problem(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "unknown-category",
              "No category " + categoryId + ".");
      problem.setProperty("categoryId", categoryId);
      throw new ProblemException(problem, new HttpHeaders());
    }
  }

  private ProblemException staleOrMissing(String id) {
    return stale(products.details(id, false).orElseThrow(() -> ProductController.notFound(id)));
  }

  private static ProblemException stale(ProductDetails current) {
    HttpHeaders headers = new HttpHeaders();
    headers.setETag(current.etag());
    return new ProblemException(
        ProblemDetailsAdvice.problem(
            HttpStatus.PRECONDITION_FAILED,
            "stale-version",
            "Product "
                + current.id()
                + " changed meanwhile (now version "
                + current.version()
                + "); read it again and reapply the change."),
        headers);
  }

  private static ProblemException skuTaken(String sku) {
    return new ProblemException(HttpStatus.CONFLICT, "sku-taken", "SKU " + sku + " is taken.");
  }
}
