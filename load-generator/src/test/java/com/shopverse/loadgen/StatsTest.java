package com.shopverse.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatsTest {

  private static final long MS = 1_000_000;

  // 1000 req/s from t=0: request i is due at i ms; requests 0 and 1 are the warm-up.
  private final Schedule schedule =
      Schedule.startingAt(0, 1000, Duration.ofMillis(2), Duration.ofMillis(10));

  @Test
  void measuresFromTheIntendedStartNotFromWhenTheRequestWentOut() {
    Stats stats = new Stats(schedule, Set.of());

    stats.response(3, 10 * MS, 11 * MS, 200); // due at 3 ms, queued for 7 ms, answered in 1 ms

    Result result = stats.result(Duration.ofMillis(10));
    assertThat(result.latency().getMaxValue()).isBetween(7_990_000L, 8_010_000L);
    assertThat(result.sendLag().getMaxValue()).isBetween(6_990_000L, 7_010_000L);
  }

  @Test
  void leavesTheWarmupOut() {
    Stats stats = new Stats(schedule, Set.of());

    stats.response(0, 0, 50 * MS, 500);
    stats.response(1, MS, 50 * MS, 500);
    stats.response(2, 2 * MS, 3 * MS, 200);

    Result result = stats.result(Duration.ofMillis(10));
    assertThat(result.scheduled()).isEqualTo(10);
    assertThat(result.sent()).isEqualTo(1);
    assertThat(result.ok()).isEqualTo(1);
    assertThat(result.errorStatuses()).isEmpty();
    assertThat(result.latency().getTotalCount()).isEqualTo(1);
  }

  @Test
  void countsEveryScheduledRequestThatIsNotOkAsAnError() {
    Stats stats = new Stats(schedule, Set.of());

    stats.response(2, 2 * MS, 3 * MS, 200);
    stats.response(3, 3 * MS, 4 * MS, 204);
    stats.response(4, 4 * MS, 5 * MS, 503);
    stats.response(5, 5 * MS, 6 * MS, 404);
    stats.timeout(6, 6 * MS, 2006 * MS);
    stats.expired(7, 2007 * MS);
    stats.failure(8, 0, new ConnectException("Connection refused"));
    stats.failure(9, 9 * MS, new IOException("reset"));
    // request 10 and 11 never finished

    Result result = stats.result(Duration.ofMillis(10));
    assertThat(result.ok()).isEqualTo(2);
    assertThat(result.errors()).isEqualTo(8);
    assertThat(result.errorRate()).isEqualTo(0.8);
    assertThat(result.errorStatuses()).containsExactly(entry(404), entry(503));
    assertThat(result.exceptions()).containsOnlyKeys("ConnectException", "IOException");
    assertThat(result.timeouts()).isEqualTo(1);
    assertThat(result.expired()).isEqualTo(1);
    assertThat(result.unfinished()).isEqualTo(2);
    assertThat(result.sent()).isEqualTo(6); // not the expired one, not the refused connection
    // answered, timed out and expired requests have a latency; failed ones do not
    assertThat(result.latency().getTotalCount()).isEqualTo(6);
    assertThat(result.maxLatencyMillis()).isBetween(1999.0, 2001.0);
  }

  @Test
  void countsOnlyTheExpectedStatusesAsOk() {
    Stats stats = new Stats(schedule, Set.of(202));

    stats.response(2, 2 * MS, 3 * MS, 200);
    stats.response(3, 3 * MS, 4 * MS, 202);

    Result result = stats.result(Duration.ofMillis(10));
    assertThat(result.ok()).isEqualTo(1);
    assertThat(result.errorStatuses()).containsExactly(entry(200));
  }

  @Test
  void achievesTheRateOnlyIfEveryRequestWentOutInTime() {
    Stats onTime = new Stats(schedule, Set.of());
    Stats late = new Stats(schedule, Set.of());
    for (long request = 2; request < 12; request++) {
      onTime.response(request, request * MS, request * MS + 1, 200);
      late.response(request, request * MS * 2, request * MS * 2 + 1, 200);
    }

    assertThat(onTime.result(Duration.ofMillis(10)).achievedRate()).isEqualTo(1000);
    // the last one went out at 22 ms instead of 11 ms: 10 requests in 20 ms
    assertThat(late.result(Duration.ofMillis(10)).achievedRate()).isEqualTo(500);
  }

  private static java.util.Map.Entry<Integer, Long> entry(int status) {
    return java.util.Map.entry(status, 1L);
  }
}
