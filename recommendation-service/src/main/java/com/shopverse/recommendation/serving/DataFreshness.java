package com.shopverse.recommendation.serving;

import com.shopverse.clickhouse.ClickHouseException;
import com.shopverse.clickhouse.ClickHouseHttp;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Freshness as a metric: {@code shopverse.recommendations.data.age} is how old the newest shopper
 * interaction is that recommendations can see (event time of the newest {@code shopper_items} row).
 * It grows when the pipeline stalls — or when nobody shops, so alert on it together with the ingest
 * rate. NaN until first read.
 */
@Component
class DataFreshness {

  private final ClickHouseHttp clickHouse;
  private volatile long newestMs;

  DataFreshness(ClickHouseHttp clickHouse, MeterRegistry meters) {
    this.clickHouse = clickHouse;
    Gauge.builder(
            "shopverse.recommendations.data.age",
            this,
            f -> f.newestMs == 0 ? Double.NaN : System.currentTimeMillis() - f.newestMs)
        .baseUnit("milliseconds")
        .description("Age of the newest shopper interaction visible to recommendations")
        .register(meters);
  }

  @Scheduled(initialDelay = 0, fixedDelayString = "${shopverse.recommendation.popular-refresh}")
  void refresh() {
    try {
      List<List<String>> rows = clickHouse.query("SELECT max(last_ms) FROM shopper_items");
      if (!rows.isEmpty()) {
        newestMs = Long.parseLong(rows.get(0).get(0));
      }
    } catch (ClickHouseException | NumberFormatException e) {
      // Keep the last value: the gauge then shows the data growing old, which is the truth.
    }
  }
}
