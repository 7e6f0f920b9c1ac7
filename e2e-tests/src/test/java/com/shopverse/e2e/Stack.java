package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Drives {@code ./shopverse} as a developer would, with its own state folder and port offset. */
final class Stack {

  /** What one {@code ./shopverse} command printed and how it ended. */
  record Result(int exitCode, String output) {}

  static final Path ROOT =
      Path.of(System.getProperty("shopverse.root", "..")).toAbsolutePath().normalize();

  final Path home;
  final int portOffset;

  Stack(String name, int portOffset) {
    this.home = ROOT.resolve("e2e-tests/target/" + name).toAbsolutePath();
    this.portOffset = portOffset;
  }

  /**
   * The base ports of every part (services, Flink's REST API and its Prometheus metrics, Kafka,
   * PostgreSQL, Redis, ClickHouse).
   */
  static final List<Integer> PORTS =
      List.of(
          8080, 8081, 8082, 8083, 8084, 8085, 8086, 9249, 8087, 9250, 9092, 9093, 5432, 6379, 8123,
          9000);

  /** Running, and not a zombie waiting to be reaped. */
  static boolean alive(long pid) {
    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether something accepts connections on the part's port (base port plus this offset). */
  boolean portOpen(int base) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port(base)), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  int port(int base) {
    return base + portOffset;
  }

  Result run(String... args) {
    try {
      Path out = Files.createTempFile("shopverse-", ".out");
      ProcessBuilder builder =
          new ProcessBuilder(
                  Stream.concat(
                          Stream.of("bash", ROOT.resolve("shopverse").toString()), Stream.of(args))
                      .toList())
              .directory(ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      builder.environment().put("SHOPVERSE_HOME", home.toString());
      builder.environment().put("SHOPVERSE_PORT_OFFSET", Integer.toString(portOffset));
      // The reactor has just packaged every jar; the stack must run exactly those.
      builder.environment().put("SHOPVERSE_SKIP_BUILD", "1");
      // Every test shopper registers and logs in from 127.0.0.1: the stricter per-IP limit on
      // those routes (tested in the gateway's own ITs) would otherwise end the suite early.
      builder.environment().put("GATEWAY_RATE_LIMIT_AUTH_BURST", "1000");
      // Key rotation in seconds, not minutes: a rotated-in key signs 10 s after it is published,
      // and the gateway re-reads the JWKS at most every second (IdentityIT). 10 s, not 3 s: an
      // Argon2 login on the loaded CI machine took over 3 s (CI of 6eb6a49).
      builder.environment().put("KEY_ACTIVATION_DELAY", "10s");
      builder.environment().put("GATEWAY_JWKS_MAX_AGE", "2s");
      builder.environment().put("GATEWAY_JWKS_REFETCH_INTERVAL", "1s");
      Process process = builder.start();
      if (!process.waitFor(6, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(
            "./shopverse " + String.join(" ", args) + " hung:\n" + Files.readString(out));
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      System.out.println("./shopverse " + String.join(" ", args) + " ->\n" + output);
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final HttpClient CLICKHOUSE =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * ClickHouse's HTTP answer to {@code sql} on the stack's {@code shopverse} database, any status.
   */
  HttpResponse<String> clickHouse(String sql) throws IOException, InterruptedException {
    return CLICKHOUSE.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port(8123) + "/?database=shopverse"))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(sql))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The rows of a query that must succeed, each split into its tab-separated columns. */
  List<String[]> clickHouseRows(String sql) throws IOException, InterruptedException {
    HttpResponse<String> response = clickHouse(sql + " FORMAT TabSeparated");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body().lines().map(line -> line.split("\t")).toList();
  }

  /** Pids the stack recorded that still run. */
  List<Long> livePids() {
    Path run = home.resolve("run");
    if (!Files.isDirectory(run)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(run)) {
      return files.map(Stack::readPid).filter(Stack::alive).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void wipe() {
    if (!Files.exists(home)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(home)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long readPid(Path file) {
    try {
      return Long.parseLong(Files.readString(file).strip());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }
}
