package com.shopverse.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real HTTP backend for gateway tests that records every request it receives and can be told, per
 * path, to be slow or to fail a number of times before answering 200.
 */
public final class TestBackend implements AutoCloseable {

  /** What reached the backend: method, path, headers (lower-case names) and body size. */
  public record Received(String method, String path, Map<String, String> headers, long bodyBytes) {
    public String line() {
      return method + " " + path;
    }
  }

  private record Script(Duration delay, int status, AtomicInteger failuresLeft) {}

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Script> scripts = new ConcurrentHashMap<>();

  public TestBackend() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Points every route of the gateway at this server. */
  public void route(DynamicPropertyRegistry registry) {
    for (String service :
        List.of("AUTH_URL", "CATALOG_URL", "ORDER_URL", "INGEST_URL", "RECOMMENDATION_URL")) {
      registry.add(service, this::url);
    }
  }

  /** Answers {@code path} only after {@code delay}. */
  public void slow(String path, Duration delay) {
    scripts.put(path, new Script(delay, 200, new AtomicInteger()));
  }

  /** Answers {@code path} with {@code status} the next {@code times} times, then 200. */
  public void fail(String path, int status, int times) {
    scripts.put(path, new Script(Duration.ZERO, status, new AtomicInteger(times)));
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public List<String> lines() {
    return received.stream().map(Received::line).toList();
  }

  public void forget() {
    received.clear();
    scripts.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long bytes;
    try (InputStream body = exchange.getRequestBody()) {
      bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
    }
    Map<String, String> headers =
        exchange.getRequestHeaders().entrySet().stream()
            .collect(
                Collectors.toMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT),
                    e -> String.join(",", e.getValue()),
                    (a, b) -> a + "," + b));
    String path = exchange.getRequestURI().getPath();
    received.add(new Received(exchange.getRequestMethod(), path, headers, bytes));
    int status = 200;
    Script script = scripts.get(path);
    if (script != null) {
      if (!script.delay().isZero()) {
        try {
          Thread.sleep(script.delay().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (script.failuresLeft().getAndDecrement() > 0) {
        status = script.status();
      }
    }
    byte[] body = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
    } catch (IOException clientGone) {
      // The gateway gave up (timeout): nothing to answer.
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
