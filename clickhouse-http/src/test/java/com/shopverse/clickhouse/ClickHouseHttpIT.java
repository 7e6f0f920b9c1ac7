package com.shopverse.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopverse.testsupport.LocalClickHouse;
import com.shopverse.testsupport.LocalProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClickHouseHttpIT {

  static LocalClickHouse server;
  static ClickHouseHttp clickHouse;

  @BeforeAll
  static void startServer() {
    server = LocalClickHouse.start();
    clickHouse = ClickHouseHttp.of(server.httpUrl(), "default", Duration.ofSeconds(5));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void insertsJsonRowsAndReadsThemBack() {
    clickHouse.execute(
        "CREATE TABLE t_rows (id String, n UInt32, note String) ENGINE = MergeTree ORDER BY id");

    clickHouse.insert(
        "INSERT INTO t_rows FORMAT JSONEachRow",
        "{\"id\":\"a\",\"n\":1,\"note\":\"tab\\there\"}\n{\"id\":\"b\",\"n\":2,\"note\":\"plain\"}\n");

    assertThat(clickHouse.query("SELECT id, n, note FROM t_rows ORDER BY id"))
        .containsExactly(List.of("a", "1", "tab\there"), List.of("b", "2", "plain"));
  }

  @Test
  void aQuotedValueComesBackAsItWasWhateverItHolds() {
    String hostile = "x' OR 1=1 -- \\ \\' done";

    assertThat(clickHouse.query("SELECT " + ClickHouseHttp.quote(hostile)))
        .containsExactly(List.of(hostile));
  }

  @Test
  void replacingMergeTreeWithFinalKeepsOneRowPerKey() {
    clickHouse.execute(
        "CREATE TABLE t_replace (id String, v UInt64) ENGINE = ReplacingMergeTree(v) ORDER BY id");

    clickHouse.insert("INSERT INTO t_replace FORMAT JSONEachRow", "{\"id\":\"k\",\"v\":1}\n");
    clickHouse.insert("INSERT INTO t_replace FORMAT JSONEachRow", "{\"id\":\"k\",\"v\":2}\n");

    assertThat(clickHouse.query("SELECT id, v FROM t_replace FINAL"))
        .containsExactly(List.of("k", "2"));
  }

  @Test
  void reportsSqlErrorsAsNotRetryable() {
    assertThatThrownBy(() -> clickHouse.query("SELECT * FROM no_such_table"))
        .isInstanceOf(ClickHouseException.class)
        .hasMessageContaining("no_such_table")
        .satisfies(e -> assertThat(((ClickHouseException) e).retryable()).isFalse());
  }

  @Test
  void reportsAnUnreachableServerAsRetryable() {
    var nobody =
        ClickHouseHttp.of(
            "http://127.0.0.1:" + LocalProcess.freePort(), "default", Duration.ofSeconds(1));

    assertThat(nobody.ping()).isFalse();
    assertThatThrownBy(() -> nobody.query("SELECT 1"))
        .isInstanceOf(ClickHouseException.class)
        .satisfies(e -> assertThat(((ClickHouseException) e).retryable()).isTrue());
  }

  @Test
  void appliesEachMigrationOnceAndRecordsIt() {
    assertThat(ClickHouseSchema.apply(server.httpUrl(), "schema_it", Duration.ofSeconds(5)))
        .containsExactlyElementsOf(ClickHouseSchema.migrations());
    assertThat(ClickHouseSchema.apply(server.httpUrl(), "schema_it", Duration.ofSeconds(5)))
        .isEmpty();

    var db = ClickHouseHttp.of(server.httpUrl(), "schema_it", Duration.ofSeconds(5));
    assertThat(db.query("SELECT count() FROM interactions")).containsExactly(List.of("0"));
    assertThat(db.query("SELECT count() FROM product_minute_stats")).containsExactly(List.of("0"));
    assertThat(db.query("SELECT count() FROM schema_migrations"))
        .containsExactly(List.of(Integer.toString(ClickHouseSchema.migrations().size())));
  }

  @Test
  void finishesAnAddColumnMigrationThatStoppedBeforeItWasRecorded() {
    ClickHouseSchema.apply(server.httpUrl(), "schema_rerun", Duration.ofSeconds(5));
    var db = ClickHouseHttp.of(server.httpUrl(), "schema_rerun", Duration.ofSeconds(5));
    // As if the process died after V5's ALTER ran and before its row in schema_migrations.
    db.execute("ALTER TABLE schema_migrations DELETE WHERE name = 'V5__interactions_trace_id.sql'");
    awaitMutations(db);

    assertThat(ClickHouseSchema.apply(server.httpUrl(), "schema_rerun", Duration.ofSeconds(5)))
        .containsExactly("V5__interactions_trace_id.sql");
    assertThat(
            db.query(
                "SELECT type, default_expression FROM system.columns WHERE database = 'schema_rerun'"
                    + " AND table = 'interactions' AND name = 'trace_id'"))
        .containsExactly(List.of("String", "''"));
  }

  private static void awaitMutations(ClickHouseHttp db) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!db.query("SELECT count() FROM system.mutations WHERE is_done = 0")
        .equals(List.of(List.of("0")))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("mutation still running");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
