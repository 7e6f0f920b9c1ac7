package com.shopverse.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClickHouseSchemaTest {

  @Test
  void splitsAScriptIntoStatementsWithoutComments() {
    String script =
        "-- a comment\nCREATE TABLE a (x UInt8) ENGINE = Log\n;\n\n-- b\nCREATE TABLE b (y UInt8) ENGINE = Log\n;\n";

    assertThat(ClickHouseSchema.statements(script))
        .containsExactly(
            "CREATE TABLE a (x UInt8) ENGINE = Log", "CREATE TABLE b (y UInt8) ENGINE = Log");
  }

  @Test
  void listsMigrationsInVersionOrder() {
    var migrations = ClickHouseSchema.migrations();
    assertThat(migrations).isNotEmpty().allMatch(name -> name.matches("V\\d+__\\w+\\.sql"));
    assertThat(
            migrations.stream()
                .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                .toList())
        .isSorted()
        .doesNotHaveDuplicates();
  }
}
