package com.shopverse.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClickHouseHttpTest {

  @Test
  void unescapesTabSeparatedValues() {
    assertThat(ClickHouseHttp.unescape("a\\tb\\nc\\\\d")).isEqualTo("a\tb\nc\\d");
    assertThat(ClickHouseHttp.unescape("plain")).isEqualTo("plain");
  }
}
