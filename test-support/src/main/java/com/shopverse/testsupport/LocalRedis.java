package com.shopverse.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Redis server (Debian's {@code redis-server}) on a free loopback port, without persistence.
 */
public final class LocalRedis extends LocalProcess {

  public static final String BINARY =
      System.getProperty("shopverse.redis.binary", "/usr/bin/redis-server");

  private final int port;

  private LocalRedis(Path dir, int port) {
    super(
        "redis",
        List.of(
            BINARY,
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            dir.toAbsolutePath().toString()),
        dir);
    this.port = port;
  }

  public static LocalRedis start() {
    LocalRedis redis = new LocalRedis(workDir("redis-"), freePort());
    redis.awaitPort(redis.port, Duration.ofSeconds(10));
    return redis;
  }

  public int port() {
    return port;
  }
}
