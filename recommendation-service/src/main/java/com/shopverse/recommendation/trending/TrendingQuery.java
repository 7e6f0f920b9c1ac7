package com.shopverse.recommendation.trending;

import com.shopverse.clickhouse.ClickHouseHttp;
import com.shopverse.events.InteractionType;
import com.shopverse.recommendation.RecommendationProperties;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Scores products by their weighted interactions in a time window, from the per-minute counts the
 * Flink job keeps ({@code product_minute_stats}, read with FINAL so each product-minute counts at
 * its latest version, never twice). A window of a day reads at most 1,440 rows per product.
 */
@Component
class TrendingQuery {

  private final ClickHouseHttp clickHouse;
  private final RecommendationProperties properties;

  TrendingQuery(ClickHouseHttp clickHouse, RecommendationProperties properties) {
    this.clickHouse = clickHouse;
    this.properties = properties;
  }

  List<Recommendation> top(Duration window, String reason, int limit) {
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
            + " GROUP BY product_id HAVING score > 0 ORDER BY score DESC, product_id LIMIT "
            + limit;
    return clickHouse.query(sql).stream()
        .map(row -> new Recommendation(row.get(0), Double.parseDouble(row.get(1)), reason))
        .toList();
  }

  private String weight(InteractionType type) {
    return String.format(Locale.ROOT, "%f", properties.weights().getOrDefault(type, 0.0));
  }
}
