package com.shopverse.recommendation.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.shopverse.recommendation.RecommendationProperties;
import com.shopverse.recommendation.data.ModelData;
import com.shopverse.recommendation.data.ModelData.PairRow;
import com.shopverse.recommendation.model.Neighbour;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read cursors, against a stand-in table whose visible rows the test controls (unit test). */
class ModelIndexTest {

  private static final long START_MS = 1_800_000_000_000L;

  private final List<PairRow> visible = new ArrayList<>();
  private final List<Long> pairReadsAfter = new ArrayList<>();
  private final MutableClock clock = new MutableClock();
  private final ModelIndex index = index();

  @Test
  void aRowThatBecomesVisibleAfterAHigherVersionIsReadAtTheNextReconcile() {
    visible.add(pair("B", 5, micros(START_MS)));
    index.refresh(); // first read is a reconcile
    visible.add(pair("C", 7, micros(START_MS + 2_000)));
    clock.advance(2_100);
    index.refresh();
    visible.add(pair("D", 9, micros(START_MS + 1_000))); // written before C, visible after it
    clock.advance(200);
    index.refresh();
    assertThat(neighboursOfA()).containsExactly("C", "B");

    clock.advance(5_000);
    index.refresh();

    assertThat(neighboursOfA()).containsExactly("D", "C", "B");
  }

  @Test
  void onceWritesStopAReconcileReadsNothingAgain() {
    visible.add(pair("B", 5, micros(START_MS)));
    index.refresh();
    clock.advance(5_000);
    index.refresh(); // reconcile: settles below the newest version seen
    clock.advance(5_000);
    index.refresh();

    assertThat(pairReadsAfter.get(pairReadsAfter.size() - 1)).isEqualTo(micros(START_MS));
    assertThat(index.stale()).isFalse();
  }

  private List<String> neighboursOfA() {
    return index.neighbours(List.of("A")).getOrDefault("A", List.of()).stream()
        .map(Neighbour::productId)
        .toList();
  }

  private ModelIndex index() {
    ModelData data = mock(ModelData.class);
    when(data.shopperRowsAfter(anyLong(), anyLong())).thenReturn(List.of());
    when(data.pairRowsAfter(anyLong()))
        .thenAnswer(
            call -> {
              long after = call.getArgument(0);
              pairReadsAfter.add(after);
              return visible.stream().filter(row -> row.version() > after).toList();
            });
    RecommendationProperties.Index settings =
        new RecommendationProperties.Index(
            Duration.ofMillis(200),
            Duration.ofSeconds(5),
            Duration.ofSeconds(3),
            Duration.ofSeconds(5),
            Duration.ofDays(30),
            10);
    return new ModelIndex(data, settings, new SimpleMeterRegistry(), clock);
  }

  private static PairRow pair(String neighbour, double score, long version) {
    return new PairRow("A", neighbour, score, version);
  }

  private static long micros(long millis) {
    return millis * 1_000;
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private long millis = START_MS;

    void advance(long ms) {
      millis += ms;
    }

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
