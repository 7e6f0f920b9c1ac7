package com.shopverse.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void spacesRequestsEvenlyFromTheStartWhateverHappensToThem() {
    Schedule schedule = Schedule.startingAt(1_000, 1000, Duration.ZERO, Duration.ofSeconds(2));

    assertThat(schedule.totalRequests()).isEqualTo(2000);
    assertThat(schedule.intendedStart(0)).isEqualTo(1_000);
    assertThat(schedule.intendedStart(1)).isEqualTo(1_001_000);
    assertThat(schedule.intendedStart(1999)).isEqualTo(1_999_001_000L);
    assertThat(schedule.endNanos()).isEqualTo(2_000_001_000L);
  }

  @Test
  void keepsFractionalRatesExactOverTheRun() {
    Schedule schedule = Schedule.startingAt(0, 3, Duration.ZERO, Duration.ofSeconds(10));

    assertThat(schedule.totalRequests()).isEqualTo(30);
    assertThat(schedule.intendedStart(1)).isEqualTo(333_333_333);
    assertThat(schedule.intendedStart(30)).isEqualTo(10_000_000_000L);
  }

  @Test
  void sendsTheWarmupFirstAtTheSameRateWithoutRecordingIt() {
    Schedule schedule = Schedule.startingAt(0, 500, Duration.ofMillis(500), Duration.ofSeconds(2));

    assertThat(schedule.warmupRequests()).isEqualTo(250);
    assertThat(schedule.measuredRequests()).isEqualTo(1000);
    assertThat(schedule.isWarmup(249)).isTrue();
    assertThat(schedule.isWarmup(250)).isFalse();
    assertThat(schedule.measurementStart()).isEqualTo(500_000_000);
    assertThat(schedule.endNanos()).isEqualTo(2_500_000_000L);
  }
}
