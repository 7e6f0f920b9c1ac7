package com.shopverse.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real ClickHouse server (Debian's {@code clickhouse-server}, 18.16 here) with a private config
 * and data folder. The same config template is used by {@code ./shopverse up}.
 */
public final class LocalClickHouse extends LocalProcess {

  public static final String BINARY =
      System.getProperty("shopverse.clickhouse.binary", "/usr/sbin/clickhouse-server");

  private final int httpPort;

  private LocalClickHouse(Path dir, int httpPort) {
    super("clickhouse", List.of(BINARY, "--config-file=" + dir.resolve("config.xml")), dir);
    this.httpPort = httpPort;
  }

  /** Starts a server on free ports and waits until its HTTP interface answers. */
  public static LocalClickHouse start() {
    Path dir = workDir("clickhouse-");
    return startIn(dir, freePort(), freePort());
  }

  /** Starts (or restarts) a server whose data lives in {@code dir}. */
  public static LocalClickHouse startIn(Path dir, int httpPort, int tcpPort) {
    try {
      Files.createDirectories(dir.resolve("log"));
      Files.writeString(
          dir.resolve("config.xml"),
          template("clickhouse-config.xml")
              .replace("@DATA@", dir.toAbsolutePath().toString())
              .replace("@HTTP_PORT@", Integer.toString(httpPort))
              .replace("@TCP_PORT@", Integer.toString(tcpPort)));
      Files.writeString(dir.resolve("users.xml"), template("clickhouse-users.xml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LocalClickHouse server = new LocalClickHouse(dir, httpPort);
    server.awaitPort(httpPort, Duration.ofSeconds(30));
    return server;
  }

  public int httpPort() {
    return httpPort;
  }

  public String httpUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  private static String template(String name) throws IOException {
    try (InputStream in = LocalClickHouse.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
