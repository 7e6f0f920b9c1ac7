package com.shopverse.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.shopverse.analytics.ProductActivity;
import com.shopverse.analytics.ProductMinuteRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The lateness of an event must not depend on whether the job has just been restored: Flink starts
 * a restored operator without a watermark, and until one arrives a late event would reopen a minute
 * already written, replacing its counts in ClickHouse with a row holding only that event.
 */
class ProductMinuteStatsTest {

  static final long MINUTE = Instant.parse("2026-11-25T10:00:00Z").toEpochMilli();
  static final Duration LATENESS = Duration.ofMinutes(1);

  @Test
  void anEventForAClosedMinuteStaysLateRightAfterARestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var before = harness()) {
      before.open();
      before.processElement(view("P1", MINUTE + 1_000), MINUTE + 1_000);
      before.processWatermark(MINUTE + 60_000 + LATENESS.toMillis());
      assertThat(before.extractOutputValues())
          .as("the closed minute is written once, with its count")
          .extracting(ProductMinuteRow::productId, ProductMinuteRow::views)
          .containsExactly(tuple("P1", 1L));
      snapshot = before.snapshot(1, 0);
    }

    try (var after = harness()) {
      after.initializeState(snapshot);
      after.open();
      // No watermark has reached the restored operator yet.
      after.processElement(view("P1", MINUTE + 2_000), MINUTE + 2_000);
      after.processElement(view("P2", MINUTE + 3_000), MINUTE + 3_000);
      after.processElement(view("P1", MINUTE + 10 * 60_000), MINUTE + 10 * 60_000);
      after.processWatermark(Long.MAX_VALUE);

      List<ProductMinuteRow> rows = after.extractOutputValues();
      assertThat(rows)
          .as("nothing for the closed minute, the later minute counted")
          .extracting(
              ProductMinuteRow::productId, r -> r.minuteEpochSecond() * 1000, r -> r.views())
          .containsExactly(tuple("P1", MINUTE + 10 * 60_000, 1L));
    }
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, ProductActivity, ProductMinuteRow>
      harness() throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new ProductMinuteStats(LATENESS, Duration.ofSeconds(1))),
        ProductActivity::productId,
        Types.STRING);
  }

  private static ProductActivity view(String product, long eventTimeMs) {
    return new ProductActivity(product, ProductActivity.VIEW, "C1", 1, 0, null, eventTimeMs);
  }
}
