package com.shopverse.catalog.product;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Products as PostgreSQL holds them: browsing, search and single products. */
@Repository
class Products {

  /** One row of a page, with the sort keys the next cursor needs. */
  record Row(ProductSummary product, Instant createdAt, float rank) {}

  /** A page of rows and the search mode that produced it. */
  record Found(List<Row> rows, SearchMode mode) {}

  private static final String SUMMARY =
      "id, sku, name, price_minor, currency, category_id, stock, created_at,"
          + " image_urls ->> 0 AS image_url";
  private static final String DETAILS =
      "id, sku, name, description, price_minor, currency, category_id, stock, active,"
          + " attributes::text AS attributes, image_urls::text AS image_urls, version, created_at,"
          + " updated_at";
  private static final String SUBTREE =
      "category_id IN (WITH RECURSIVE sub(id) AS (SELECT id FROM categories WHERE id = :category"
          + " UNION ALL SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id)"
          + " SELECT id FROM sub)";
  private static final String TSQUERY = "websearch_to_tsquery('english', :q)";

  /** pg_trgm's {@code <%}: some word of the name is similar to the query (threshold 0.6). */
  private static final String FUZZY_MATCH = ":q <% name";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  Products(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * One page of active products, one row more than asked for (so the caller knows if there is a
   * next page). A search tries full text first; when that finds nothing on the first page it falls
   * back to trigram similarity of the name, which forgives typos.
   */
  Found browse(Browse browse) {
    if (browse.q() == null) {
      return new Found(page(browse, SearchMode.NONE), SearchMode.NONE);
    }
    if (browse.after() != null) {
      return new Found(page(browse, browse.after().mode()), browse.after().mode());
    }
    List<Row> rows = page(browse, SearchMode.FULL_TEXT);
    if (!rows.isEmpty()) {
      return new Found(rows, SearchMode.FULL_TEXT);
    }
    return new Found(page(browse, SearchMode.FUZZY), SearchMode.FUZZY);
  }

  private List<Row> page(Browse browse, SearchMode mode) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where = new StringBuilder("active");
    if (browse.category() != null) {
      where.append(" AND ").append(SUBTREE);
      params.put("category", browse.category());
    }
    if (browse.minPrice() != null) {
      where.append(" AND price_minor >= :minPrice");
      params.put("minPrice", browse.minPrice());
    }
    if (browse.maxPrice() != null) {
      where.append(" AND price_minor <= :maxPrice");
      params.put("maxPrice", browse.maxPrice());
    }
    if (browse.inStock() != null) {
      where.append(browse.inStock() ? " AND stock > 0" : " AND stock = 0");
    }
    String rank =
        switch (mode) {
          case NONE -> "CAST(0 AS real)";
          case FULL_TEXT -> "ts_rank(search, " + TSQUERY + ")";
          case FUZZY -> "word_similarity(:q, name)";
        };
    switch (mode) {
      case FULL_TEXT -> where.append(" AND search @@ ").append(TSQUERY);
      case FUZZY -> where.append(" AND ").append(FUZZY_MATCH);
      case NONE -> {}
    }
    if (mode != SearchMode.NONE) {
      params.put("q", browse.q());
    }
    String keyset = keyset(browse.sort(), browse.after(), params);
    params.put("limit", browse.limit() + 1);
    String sql =
        "SELECT * FROM (SELECT "
            + SUMMARY
            + ", "
            + rank
            + " AS rank FROM products WHERE "
            + where
            + ") p WHERE "
            + keyset
            + " ORDER BY "
            + browse.sort().orderBy
            + " LIMIT :limit";
    return jdbc.sql(sql).params(params).query((rs, n) -> row(rs)).list();
  }

  private static String keyset(Sort sort, Cursor after, Map<String, Object> params) {
    if (after == null) {
      return "TRUE";
    }
    params.put("afterId", after.id());
    switch (sort) {
      case ID:
        return "id > :afterId";
      case PRICE:
        params.put("afterValue", Long.parseLong(after.value()));
        return "(price_minor, id) > (:afterValue, :afterId)";
      case PRICE_DESC:
        params.put("afterValue", Long.parseLong(after.value()));
        return "(price_minor < :afterValue OR (price_minor = :afterValue AND id > :afterId))";
      case NAME:
        params.put("afterValue", after.value());
        return "(name, id) > (CAST(:afterValue AS varchar), :afterId)";
      case NEWEST:
        params.put("afterValue", fromMicros(Long.parseLong(after.value())));
        return "(created_at < :afterValue OR (created_at = :afterValue AND id > :afterId))";
      case RELEVANCE:
        params.put("afterValue", after.value());
        return "(rank < CAST(:afterValue AS real)"
            + " OR (rank = CAST(:afterValue AS real) AND id > :afterId))";
      default:
        throw new IllegalStateException(sort.toString());
    }
  }

  /** The cursor that continues after {@code row}. */
  static Cursor cursorAfter(Row row, Sort sort, SearchMode mode) {
    ProductSummary p = row.product();
    String value =
        switch (sort) {
          case ID -> null;
          case PRICE, PRICE_DESC -> Long.toString(p.priceMinor());
          case NAME -> p.name();
          case NEWEST -> Long.toString(toMicros(row.createdAt()));
          case RELEVANCE -> Float.toString(row.rank());
        };
    return new Cursor(sort, mode, value, p.id());
  }

  Optional<ProductDetails> details(String id, boolean activeOnly) {
    return jdbc.sql(
            "SELECT " + DETAILS + " FROM products WHERE id = ?" + (activeOnly ? " AND active" : ""))
        .param(id)
        .query((rs, n) -> details(rs))
        .optional();
  }

  ProductDetails details(ResultSet rs) throws SQLException {
    int stock = rs.getInt("stock");
    return new ProductDetails(
        rs.getString("id"),
        rs.getString("sku"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getLong("price_minor"),
        rs.getString("currency"),
        rs.getString("category_id"),
        stock,
        stock > 0,
        rs.getBoolean("active"),
        json.readValue(rs.getString("attributes"), new TypeReference<Map<String, String>>() {}),
        json.readValue(rs.getString("image_urls"), new TypeReference<List<String>>() {}),
        rs.getLong("version"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  static String detailColumns() {
    return DETAILS;
  }

  private static Row row(ResultSet rs) throws SQLException {
    int stock = rs.getInt("stock");
    return new Row(
        new ProductSummary(
            rs.getString("id"),
            rs.getString("sku"),
            rs.getString("name"),
            rs.getLong("price_minor"),
            rs.getString("currency"),
            rs.getString("category_id"),
            stock,
            stock > 0,
            rs.getString("image_url")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getFloat("rank"));
  }

  private static long toMicros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static OffsetDateTime fromMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
