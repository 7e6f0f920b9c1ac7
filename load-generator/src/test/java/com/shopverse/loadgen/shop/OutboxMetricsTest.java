package com.shopverse.loadgen.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OutboxMetricsTest {

  static String scrape(
      long under1ms, long under5ms, long under50ms, long all, double sum, long published) {
    return """
        # HELP shopverse_outbox_lag_seconds From the outbox insert to the broker's acknowledgement
        # TYPE shopverse_outbox_lag_seconds histogram
        shopverse_outbox_lag_seconds_bucket{application="order-service",le="0.001"} %d
        shopverse_outbox_lag_seconds_bucket{application="order-service",le="0.005"} %d
        shopverse_outbox_lag_seconds_bucket{application="order-service",le="0.05"} %d
        shopverse_outbox_lag_seconds_bucket{application="order-service",le="+Inf"} %d
        shopverse_outbox_lag_seconds_count{application="order-service"} %d
        shopverse_outbox_lag_seconds_sum{application="order-service"} %s
        # TYPE shopverse_outbox_lag_seconds_max gauge
        shopverse_outbox_lag_seconds_max{application="order-service"} 0.042
        # TYPE shopverse_outbox_published_total counter
        shopverse_outbox_published_total{application="order-service",topic="order-events"} %d.0
        shopverse_outbox_published_total{application="order-service",topic="other"} 1.0
        shopverse_outbox_pending{application="order-service"} 3.0
        http_server_requests_seconds_count{uri="/api/checkout"} 99.0
        """
        .formatted(under1ms, under5ms, under50ms, all, all, Double.toString(sum), published);
  }

  @Test
  void readsTheRelaysMeters() {
    OutboxMetrics metrics = OutboxMetrics.parse(scrape(1, 2, 3, 4, 0.5, 10));

    assertThat(metrics.buckets())
        .containsEntry(0.005, 2.0)
        .containsEntry(Double.POSITIVE_INFINITY, 4.0);
    assertThat(metrics.count()).isEqualTo(4);
    assertThat(metrics.sumSeconds()).isEqualTo(0.5);
    assertThat(metrics.max()).isEqualTo(0.042);
    assertThat(metrics.published()).isEqualTo(11);
    assertThat(metrics.pending()).isEqualTo(3);
  }

  @Test
  void measuresOnlyWhatHappenedBetweenTwoScrapes() {
    OutboxMetrics before = OutboxMetrics.parse(scrape(100, 100, 100, 100, 0.05, 100));
    // 100 more events: 50 under 1 ms, 48 under 5 ms, 2 under 50 ms.
    OutboxMetrics run = OutboxMetrics.parse(scrape(150, 198, 200, 200, 0.35, 300)).since(before);

    assertThat(run.count()).isEqualTo(100);
    assertThat(run.published()).isEqualTo(200);
    assertThat(run.meanSeconds()).isCloseTo(0.003, within(1e-9));
    assertThat(run.quantileAtMost(0.5)).isEqualTo(0.001);
    assertThat(run.quantileAtMost(0.9)).isEqualTo(0.005);
    assertThat(run.quantileAtMost(0.99)).isEqualTo(0.05);
  }

  @Test
  void saysSoWhenOnlyTheOpenBucketHoldsTheQuantile() {
    OutboxMetrics run =
        OutboxMetrics.parse(scrape(0, 0, 0, 10, 100, 10)).since(OutboxMetrics.parse(""));

    assertThat(run.quantileAtMost(0.99)).isInfinite();
  }

  @Test
  void hasNoQuantileWithoutSamples() {
    OutboxMetrics idle = OutboxMetrics.parse(scrape(5, 5, 5, 5, 0.01, 5));

    assertThat(idle.since(idle).quantileAtMost(0.99)).isNaN();
    assertThat(idle.since(idle).meanSeconds()).isNaN();
  }
}
