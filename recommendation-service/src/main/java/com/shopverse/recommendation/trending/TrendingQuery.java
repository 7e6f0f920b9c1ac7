package com.shopverse.recommendation.trending;

import com.shopverse.clickhouse.ClickHouseHttp;
import com.shopverse.recommendation.RecommendationProperties;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Scores products by their weighted interactions in a time window, straight from the raw {@code
 * interactions} table (FINAL, so a replayed event counts once). Good enough for the walking
 * skeleton; the recommendation issue moves this onto pre-aggregated tables.
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
        "SELECT product_id, sum(w) AS score FROM ("
            + " SELECT product_id, "
            + weightExpression()
            + " AS w FROM interactions FINAL"
            + " WHERE occurred_at >= now() - "
            + window.toSeconds()
            + " AND product_id != '')"
            + " WHERE w > 0 GROUP BY product_id ORDER BY score DESC, product_id LIMIT "
            + limit;
    return clickHouse.query(sql).stream()
        .map(row -> new Recommendation(row.get(0), Double.parseDouble(row.get(1)), reason))
        .toList();
  }

  /** {@code multiIf(type = 'PURCHASED', 5, ..., 0)} from the configured weights. */
  private String weightExpression() {
    String cases =
        properties.weights().entrySet().stream()
            .sorted(java.util.Map.Entry.comparingByKey())
            .map(
                e ->
                    "type = '"
                        + e.getKey().name()
                        + "', "
                        + String.format(Locale.ROOT, "%f", e.getValue()))
            .collect(Collectors.joining(", "));
    return cases.isEmpty() ? "0" : "multiIf(" + cases + ", 0)";
  }
}
