package com.shopverse.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real HTTP server standing in for every service behind the gateway; it records each request that
 * reaches it ("METHOD /path"), so a test can prove that a refused request went nowhere.
 */
final class RecordingBackend implements AutoCloseable {

  final List<String> reached = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  RecordingBackend() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          reached.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          exchange.getRequestBody().readAllBytes();
          byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  /** Points every route of the gateway at this server. */
  void route(DynamicPropertyRegistry registry) {
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    for (String service :
        List.of("AUTH_URL", "CATALOG_URL", "ORDER_URL", "INGEST_URL", "RECOMMENDATION_URL")) {
      registry.add(service, () -> url);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
