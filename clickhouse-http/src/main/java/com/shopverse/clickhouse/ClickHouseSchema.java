package com.shopverse.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Versioned ClickHouse migrations: the files listed in {@code migrations/index.txt}, each applied
 * once and recorded in {@code schema_migrations}. Safe to run on every start. Statements use only
 * what ClickHouse 18.16 and current servers both accept, and {@code IF NOT EXISTS}, so a migration
 * interrupted half-way can simply run again.
 */
public final class ClickHouseSchema {

  private ClickHouseSchema() {}

  /** Creates the database if needed and applies every migration not applied yet. */
  public static List<String> apply(String url, String database, Duration timeout) {
    if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("Not a database name: " + database);
    }
    ClickHouseHttp.of(url, "default", timeout).execute("CREATE DATABASE IF NOT EXISTS " + database);
    ClickHouseHttp db = ClickHouseHttp.of(url, database, timeout);
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name String, applied_at DateTime)"
            + " ENGINE = MergeTree ORDER BY name");
    Set<String> applied = new HashSet<>();
    db.query("SELECT name FROM schema_migrations").forEach(row -> applied.add(row.get(0)));
    List<String> pending = migrations().stream().filter(name -> !applied.contains(name)).toList();
    for (String name : pending) {
      statements(read("migrations/" + name)).forEach(statement -> execute(db, statement));
      db.insert(
          "INSERT INTO schema_migrations FORMAT TabSeparated",
          name + "\t" + (System.currentTimeMillis() / 1000) + "\n");
    }
    return pending;
  }

  /**
   * Runs one statement. ClickHouse 18.16 has no {@code ADD COLUMN IF NOT EXISTS}, so a migration
   * that stopped after its {@code ADD COLUMN} ran but before it was recorded finds the column there
   * when it runs again: that is the statement's work already done, not an error.
   */
  private static void execute(ClickHouseHttp db, String statement) {
    try {
      db.execute(statement);
    } catch (ClickHouseException e) {
      if (!(ADD_COLUMN.matcher(statement).find()
          && String.valueOf(e.getMessage()).contains("column with this name already exists"))) {
        throw e;
      }
    }
  }

  private static final Pattern ADD_COLUMN =
      Pattern.compile("^ALTER\\s+TABLE\\s+\\S+\\s+ADD\\s+COLUMN\\s", Pattern.CASE_INSENSITIVE);

  static List<String> migrations() {
    return read("migrations/index.txt")
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  static List<String> statements(String script) {
    return Arrays.stream(script.split("(?m)^;\\s*$"))
        .map(
            statement ->
                String.join(
                        "\n",
                        statement.lines().filter(line -> !line.strip().startsWith("--")).toList())
                    .strip())
        .filter(statement -> !statement.isEmpty())
        .toList();
  }

  private static String read(String resource) {
    try (InputStream in = ClickHouseSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing ClickHouse migration resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
