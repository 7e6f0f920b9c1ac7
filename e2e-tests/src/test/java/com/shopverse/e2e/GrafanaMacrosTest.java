package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrafanaMacrosTest {

  @Test
  void grafanaTimeMacrosBecomeLiteralDateTimes() {
    assertThat(
            GrafanaMacros.expand(
                "SELECT 1 FROM t WHERE $__timeFilter( minute ) AND x < $__toTime", 100, 200))
        .isEqualTo(
            "SELECT 1 FROM t WHERE minute >= toDateTime(100) AND minute <= toDateTime(200)"
                + " AND x < toDateTime(200)");
  }

  @Test
  void anUnknownGrafanaMacroIsRefusedRatherThanSentToClickHouse() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> GrafanaMacros.expand("SELECT $__timeInterval(t) FROM x", 1, 2))
        .hasMessageContaining("$__timeInterval");
  }
}
