package com.shopverse.recommendation.data;

import static com.shopverse.clickhouse.ClickHouseHttp.quote;

import com.shopverse.clickhouse.ClickHouseHttp;
import com.shopverse.events.InteractionType;
import com.shopverse.recommendation.model.ModelSettings;
import com.shopverse.recommendation.model.Popular;
import com.shopverse.recommendation.model.ShopperItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The model's inputs, read from the tables the Flink job keeps: rows changed since a version (for
 * the in-memory index) and per-window popularity from the per-minute counts, never a scan of raw
 * events. Values are quoted with {@link ClickHouseHttp#quote}: 18.16 has no bound parameters.
 */
@Component
public class ModelData {

  private final ClickHouseHttp clickHouse;
  private final ModelSettings model;

  ModelData(ClickHouseHttp clickHouse, com.shopverse.recommendation.RecommendationProperties p) {
    this.clickHouse = clickHouse;
    this.model = p.modelSettings();
  }

  /** A {@code shopper_items} row with its version. */
  public record ShopperRow(String shopperId, ShopperItem item, long version) {}

  /** A {@code co_visitation} row with its version. */
  public record PairRow(String productId, String neighbourId, double score, long version) {}

  /**
   * Shopper rows written after {@code version} whose newest interaction is not older than {@code
   * sinceMs}. Without FINAL: a key may come back in several versions, and the reader keeps the
   * highest.
   */
  public List<ShopperRow> shopperRowsAfter(long version, long sinceMs) {
    String sql =
        "SELECT shopper_id, product_id, category_id, score, last_type, last_ms, last_viewed_ms,"
            + " removed_ms, purchased, version FROM shopper_items WHERE version > "
            + version
            + " AND last_ms >= "
            + sinceMs;
    List<ShopperRow> rows = new ArrayList<>();
    for (List<String> row : clickHouse.query(sql)) {
      ShopperItem item = new ShopperItem(row.get(1));
      item.categoryId = row.get(2);
      item.score = Double.parseDouble(row.get(3));
      item.lastType = row.get(4);
      item.lastMs = Long.parseLong(row.get(5));
      item.lastViewedMs = Long.parseLong(row.get(6));
      item.removedMs = Long.parseLong(row.get(7));
      item.purchased = "1".equals(row.get(8));
      rows.add(new ShopperRow(row.get(0), item, Long.parseLong(row.get(9))));
    }
    return rows;
  }

  /** Co-visitation rows written after {@code version}; several versions of a pair may come back. */
  public List<PairRow> pairRowsAfter(long version) {
    String sql =
        "SELECT product_id, neighbour_id, score, version FROM co_visitation WHERE version > "
            + version;
    return clickHouse.query(sql).stream()
        .map(
            row ->
                new PairRow(
                    row.get(0),
                    row.get(1),
                    Double.parseDouble(row.get(2)),
                    Long.parseLong(row.get(3))))
        .toList();
  }

  /**
   * The most interacted-with products in the last {@code window}, by the model's type weights, from
   * the per-minute counts; optionally within one category.
   */
  public List<Popular> popular(Duration window, String categoryId, int limit) {
    String sql =
        "SELECT product_id, "
            + weight(InteractionType.PRODUCT_VIEWED)
            + " * sum(views) + "
            + weight(InteractionType.PRODUCT_CLICKED)
            + " * sum(clicks) + "
            + weight(InteractionType.ADDED_TO_CART)
            + " * sum(carts) + "
            + weight(InteractionType.PURCHASED)
            + " * sum(purchases) AS score"
            + " FROM product_minute_stats FINAL"
            + " WHERE minute >= now() - "
            + window.toSeconds()
            + (categoryId == null ? "" : " AND category_id = " + quote(categoryId))
            + " GROUP BY product_id HAVING score > 0 ORDER BY score DESC, product_id LIMIT "
            + limit;
    return clickHouse.query(sql).stream()
        .map(row -> new Popular(row.get(0), Double.parseDouble(row.get(1))))
        .toList();
  }

  private String weight(InteractionType type) {
    return String.format(Locale.ROOT, "%f", model.weight(type));
  }
}
