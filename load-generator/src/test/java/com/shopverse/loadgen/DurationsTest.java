package com.shopverse.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @Test
  void readsMillisecondsSecondsMinutesAndHours() {
    assertThat(Durations.parse("--duration", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("--duration", "30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("--duration", "2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("--duration", "1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("--duration", "1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("--warmup", "0s")).isZero();
  }

  @Test
  void asksForAUnitWhenThereIsNone() {
    assertThatThrownBy(() -> Durations.parse("--duration", "30"))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "--duration '30' has no unit: write a number and a unit, e.g. 500ms, 30s, 2m, 1h");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "s", "-1s", "1d", "ten seconds", "1 s", "1e3ms"})
  void rejectsWhatIsNotADuration(String text) {
    assertThatThrownBy(() -> Durations.parse("--timeout", text))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--timeout '" + text + "'")
        .hasMessageContaining("e.g. 500ms, 30s, 2m");
  }

  @Test
  void rejectsMoreThanADay() {
    assertThatThrownBy(() -> Durations.parse("--duration", "25h"))
        .hasMessage("--duration '25h' is longer than a day");
  }

  @Test
  void formatsInTheShortestExactUnit() {
    assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Durations.format(Duration.ofSeconds(30))).isEqualTo("30s");
    assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
  }
}
