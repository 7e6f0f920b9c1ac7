package com.shopverse.recommendation.data;

import static com.shopverse.clickhouse.ClickHouseHttp.quote;

import com.shopverse.clickhouse.ClickHouseHttp;
import com.shopverse.events.InteractionType;
import com.shopverse.recommendation.model.ModelSettings;
import com.shopverse.recommendation.model.Neighbour;
import com.shopverse.recommendation.model.Popular;
import com.shopverse.recommendation.model.ShopperItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The model's inputs, read from the tables the Flink job keeps. Every read is a keyed lookup of
 * pre-aggregated rows (FINAL, so a row rewritten after a replay counts once), never a scan of raw
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

  /** What the shopper did, most recent first, at most {@code limit} products. */
  public List<ShopperItem> shopperItems(String shopperKey, int limit) {
    String sql =
        "SELECT product_id, category_id, score, last_type, last_ms, last_viewed_ms, removed_ms,"
            + " purchased FROM shopper_items FINAL WHERE shopper_id = "
            + quote(shopperKey)
            + " ORDER BY last_ms DESC LIMIT "
            + limit;
    List<ShopperItem> items = new ArrayList<>();
    for (List<String> row : clickHouse.query(sql)) {
      ShopperItem item = new ShopperItem(row.get(0));
      item.categoryId = row.get(1);
      item.score = Double.parseDouble(row.get(2));
      item.lastType = row.get(3);
      item.lastMs = Long.parseLong(row.get(4));
      item.lastViewedMs = Long.parseLong(row.get(5));
      item.removedMs = Long.parseLong(row.get(6));
      item.purchased = "1".equals(row.get(7));
      items.add(item);
    }
    return items;
  }

  /** The strongest co-visited neighbours of each product, strongest first. */
  public Map<String, List<Neighbour>> neighbours(Collection<String> productIds, int perProduct) {
    if (productIds.isEmpty()) {
      return Map.of();
    }
    String ids = productIds.stream().map(ClickHouseHttp::quote).collect(Collectors.joining(","));
    String sql =
        "SELECT product_id, neighbour_id, score FROM co_visitation FINAL WHERE product_id IN ("
            + ids
            + ") ORDER BY product_id, score DESC, neighbour_id LIMIT "
            + perProduct
            + " BY product_id";
    Map<String, List<Neighbour>> neighbours = new LinkedHashMap<>();
    for (List<String> row : clickHouse.query(sql)) {
      neighbours
          .computeIfAbsent(row.get(0), id -> new ArrayList<>())
          .add(new Neighbour(row.get(1), Double.parseDouble(row.get(2))));
    }
    return neighbours;
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
