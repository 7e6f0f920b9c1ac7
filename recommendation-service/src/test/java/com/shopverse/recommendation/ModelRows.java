package com.shopverse.recommendation;

import com.shopverse.clickhouse.ClickHouseHttp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Writes rows as the Flink job does (JSONEachRow, rising versions), for the service to read. */
final class ModelRows {

  private static final AtomicLong version = new AtomicLong();

  private final ClickHouseHttp clickHouse;

  ModelRows(ClickHouseHttp clickHouse) {
    this.clickHouse = clickHouse;
  }

  void coVisitation(String productId, String neighbourId, double score) {
    clickHouse.insert(
        "INSERT INTO co_visitation FORMAT JSONEachRow",
        "{\"product_id\":\"%s\",\"neighbour_id\":\"%s\",\"score\":%s,\"version\":%d}\n"
            .formatted(productId, neighbourId, score, version.incrementAndGet()));
  }

  void shopperItem(
      String shopperId,
      String productId,
      String category,
      double score,
      String lastType,
      Instant last,
      boolean purchased,
      Instant removed) {
    clickHouse.insert(
        "INSERT INTO shopper_items FORMAT JSONEachRow",
        ("{\"shopper_id\":\"%s\",\"product_id\":\"%s\",\"category_id\":\"%s\",\"score\":%s,"
                + "\"last_type\":\"%s\",\"last_ms\":%d,\"last_viewed_ms\":%d,\"removed_ms\":%d,"
                + "\"purchased\":%d,\"version\":%d}\n")
            .formatted(
                shopperId,
                productId,
                category,
                score,
                lastType,
                last.toEpochMilli(),
                lastType.equals("PRODUCT_VIEWED") ? last.toEpochMilli() : 0,
                removed == null ? 0 : removed.toEpochMilli(),
                purchased ? 1 : 0,
                version.incrementAndGet()));
  }

  /** A per-minute row; a later version of the same (minute, product) replaces an earlier one. */
  void stats(String productId, String category, Instant minute, int views, int carts) {
    clickHouse.insert(
        "INSERT INTO product_minute_stats FORMAT JSONEachRow",
        ("{\"minute\":%d,\"event_date\":\"%s\",\"product_id\":\"%s\",\"category_id\":\"%s\","
                + "\"views\":%d,\"carts\":%d,\"version\":%d}\n")
            .formatted(
                minute.getEpochSecond() / 60 * 60,
                minute.toString().substring(0, 10),
                productId,
                category,
                views,
                carts,
                version.incrementAndGet()));
  }
}
