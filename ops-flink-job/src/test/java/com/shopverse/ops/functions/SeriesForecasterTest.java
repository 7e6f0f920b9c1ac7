package com.shopverse.ops.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.ops.AnomalyRow;
import com.shopverse.ops.BucketCount;
import com.shopverse.ops.ForecastRow;
import com.shopverse.ops.model.ModelSettings;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SeriesForecasterTest {

  static final int[] DAY = {10, 20, 30, 20};

  KeyedOneInputStreamOperatorTestHarness<String, BucketCount, ForecastRow> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new SeriesForecaster(
                ModelSettings.defaults(4).withHorizons(1, 2), Duration.ofSeconds(1)),
            BucketCount::series,
            Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private void bucket(int b, long count) throws Exception {
    harness.processElement(new BucketCount("orders", "*", b * 1000L, count), b * 1000L + 999);
    harness.processWatermark(b * 1000L + 999);
  }

  private List<AnomalyRow> anomalies() {
    var records = harness.getSideOutput(SeriesForecaster.ANOMALIES);
    // The harness has no queue for a side output nothing was sent to yet.
    return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void feedsAZeroForABucketWithNoEventsAndFlagsTheDrop() throws Exception {
    for (int b = 0; b < 12; b++) {
      bucket(b, DAY[b % 4]);
    }
    assertThat(anomalies()).isEmpty();

    harness.processWatermark(14_000); // bucket 12 ended with no count, and so did 13
    List<ForecastRow> rows = harness.extractOutputValues();
    assertThat(rows)
        .filteredOn(r -> r.bucketMs() == 12_000)
        .extracting(ForecastRow::horizon, ForecastRow::actual, ForecastRow::targetMs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 0.0, 13_000L),
            org.assertj.core.groups.Tuple.tuple(2, 0.0, 14_000L));
    assertThat(anomalies())
        .first()
        .satisfies(
            a -> {
              assertThat(a.series()).isEqualTo("orders");
              assertThat(a.bucketMs()).isEqualTo(12_000);
              assertThat(a.direction()).isEqualTo("down");
              assertThat(a.kind()).isEqualTo(AnomalyRow.LEVEL);
              assertThat(a.expected()).isCloseTo(10, org.assertj.core.data.Offset.offset(3.0));
              assertThat(a.explanation()).contains("orders").contains("down");
            });
  }

  @Test
  void forecastsTheSeasonAheadPerHorizon() throws Exception {
    for (int b = 0; b < 12; b++) {
      bucket(b, DAY[b % 4]);
    }
    ForecastRow last =
        harness.extractOutputValues().stream()
            .filter(r -> r.bucketMs() == 11_000 && r.horizon() == 2)
            .findFirst()
            .orElseThrow();
    // Bucket 13 is slot 1 of the day: 20.
    assertThat(last.forecast()).isCloseTo(20, org.assertj.core.data.Offset.offset(2.0));
    assertThat(last.bucketLengthSeconds()).isEqualTo(1);
  }

  @Test
  void fillsNothingOnceTheInputHasEnded() throws Exception {
    for (int b = 0; b < 12; b++) {
      bucket(b, DAY[b % 4]);
    }
    int before = harness.extractOutputValues().size();
    harness.processWatermark(Long.MAX_VALUE);
    assertThat(harness.extractOutputValues()).hasSize(before);
    assertThat(anomalies()).isEmpty();
  }
}
