package com.shopverse.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A real PostgreSQL server (zonky's binaries from Maven Central) on a free loopback port. */
public final class LocalPostgres implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private LocalPostgres(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static LocalPostgres start() {
    try {
      return new LocalPostgres(
          EmbeddedPostgres.builder()
              .setPort(LocalProcess.freePort())
              .setOverrideWorkingDirectory(LocalProcess.workDir("postgres-").toFile())
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
    }
  }

  /** JDBC URL of the {@code postgres} database, user {@code postgres}, no password. */
  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  public int port() {
    return postgres.getPort();
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
