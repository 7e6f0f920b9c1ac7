package com.shopverse.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void readsShortAndIsoDurations() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("24h")).isEqualTo(Duration.ofHours(24));
    assertThat(Durations.parse("PT5S")).isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> Durations.parse("5w")).isInstanceOf(IllegalArgumentException.class);
  }
}
