package com.shopverse.gateway;

import com.shopverse.testsupport.LocalProcess;
import com.shopverse.testsupport.LocalRedis;
import java.time.Duration;
import java.util.List;

/**
 * A real Redis (the same binary as {@link LocalRedis}) on a port chosen by the test, so it can be
 * killed and started again where the gateway expects it — LocalRedis picks a new port each start.
 */
public final class RedisOnPort extends LocalProcess {

  private RedisOnPort(int port) {
    super(
        "redis",
        List.of(
            LocalRedis.BINARY,
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no"),
        workDir("redis-"));
    awaitPort(port, Duration.ofSeconds(10));
  }

  public static RedisOnPort start(int port) {
    return new RedisOnPort(port);
  }
}
