package com.shopverse.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClickHouseHttpTest {

  @Test
  void unescapesTabSeparatedValues() {
    assertThat(ClickHouseHttp.unescape("a\\tb\\nc\\\\d")).isEqualTo("a\tb\nc\\d");
    assertThat(ClickHouseHttp.unescape("plain")).isEqualTo("plain");
  }

  @Test
  void quotesValuesSoNoneCanEndTheLiteral() {
    assertThat(ClickHouseHttp.quote("P00042")).isEqualTo("'P00042'");
    assertThat(ClickHouseHttp.quote("x' OR 1=1 --")).isEqualTo("'x\\' OR 1=1 --'");
    assertThat(ClickHouseHttp.quote("a\\'b")).isEqualTo("'a\\\\\\'b'");
  }
}
