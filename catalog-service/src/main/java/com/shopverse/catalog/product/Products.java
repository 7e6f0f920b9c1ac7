package com.shopverse.catalog.product;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Products {

  private static final String COLUMNS =
      "id, sku, name, description, price_minor, currency, category_id, stock";
  private static final RowMapper<Product> ROW =
      (rs, n) ->
          new Product(
              rs.getString("id"),
              rs.getString("sku"),
              rs.getString("name"),
              rs.getString("description"),
              rs.getLong("price_minor"),
              rs.getString("currency"),
              rs.getString("category_id"),
              rs.getInt("stock"),
              rs.getInt("stock") > 0);

  private final JdbcClient jdbc;

  Products(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Active products after {@code afterId} in id order (keyset pagination), optionally in one
   * category.
   */
  List<Product> page(String categoryId, String afterId, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM products WHERE active"
                + " AND (CAST(:category AS VARCHAR) IS NULL OR category_id = :category)"
                + " AND (CAST(:after AS VARCHAR) IS NULL OR id > :after)"
                + " ORDER BY id LIMIT :limit")
        .param("category", categoryId)
        .param("after", afterId)
        .param("limit", limit)
        .query(ROW)
        .list();
  }

  Optional<Product> byId(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE active AND id = ?")
        .param(id)
        .query(ROW)
        .optional();
  }
}
