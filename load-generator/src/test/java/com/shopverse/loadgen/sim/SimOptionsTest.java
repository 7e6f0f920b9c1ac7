package com.shopverse.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimOptionsTest {

  @Test
  void defaultsAreTheContractsExampleRun() {
    SimOptions o = SimOptions.parse();
    assertThat(o.base()).isEqualTo("http://127.0.0.1:8080");
    assertThat(o.duration()).isEqualTo(Duration.ofMinutes(20));
    assertThat(o.rate()).isEqualTo(20);
    assertThat(o.seed()).isEqualTo(42);
    assertThat(o.day()).isEqualTo(Duration.ofMinutes(5));
    assertThat(o.scenarios()).isNull();
  }

  @Test
  void readsEveryOption() {
    SimOptions o =
        SimOptions.parse(
            "--gateway",
            "http://127.0.0.1:23080/",
            "--duration",
            "90s",
            "--rate",
            "2.5",
            "--seed",
            "7",
            "--day",
            "1m",
            "--scenarios",
            "default",
            "--truth",
            "t.jsonl",
            "--report",
            "r.md",
            "--forwarded-for",
            "false");
    assertThat(o.base()).isEqualTo("http://127.0.0.1:23080");
    assertThat(o.rate()).isEqualTo(2.5);
    assertThat(o.day()).isEqualTo(Duration.ofMinutes(1));
    assertThat(o.forwardedFor()).isFalse();
    assertThat(o.truth()).hasFileName("t.jsonl");
  }

  @Test
  void refusesWhatItCannotRun() {
    assertThatThrownBy(() -> SimOptions.parse("--rate", "fast"))
        .hasMessageContaining("--rate 'fast'");
    assertThatThrownBy(() -> SimOptions.parse("--day", "5"))
        .hasMessageContaining("is not a duration");
    assertThatThrownBy(() -> SimOptions.parse("--gateway", "ftp://x"))
        .hasMessageContaining("http://");
    assertThatThrownBy(() -> SimOptions.parse("--speed", "1"))
        .hasMessageContaining("unknown option --speed");
    assertThatThrownBy(() -> SimOptions.parse("--seed"))
        .hasMessageContaining("--seed needs a value");
  }
}
