package com.shopverse.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** Creates the ShopVerse database and tables if they are missing; safe to run on every start. */
public final class ClickHouseSchema {

  private ClickHouseSchema() {}

  public static void apply(String url, String database, Duration timeout) {
    if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("Not a database name: " + database);
    }
    ClickHouseHttp.of(url, "default", timeout).execute("CREATE DATABASE IF NOT EXISTS " + database);
    ClickHouseHttp db = ClickHouseHttp.of(url, database, timeout);
    Arrays.stream(script().split("(?m)^;\\s*$"))
        .map(ClickHouseSchema::withoutComments)
        .filter(statement -> !statement.isBlank())
        .forEach(db::execute);
  }

  private static String withoutComments(String statement) {
    return statement
        .lines()
        .filter(line -> !line.strip().startsWith("--"))
        .reduce("", (a, b) -> a + b + "\n")
        .strip();
  }

  private static String script() {
    try (InputStream in = ClickHouseSchema.class.getResourceAsStream("schema.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
