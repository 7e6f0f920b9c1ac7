package com.shopverse.recommendation;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Answers {@code GET /api/catalog/products} in catalog-service's page format (one page, active
 * products only), so these tests choose what is in stock. The real catalog-service is what the
 * end-to-end tests use.
 */
final class CatalogStandIn implements AutoCloseable {

  private record Product(String categoryId, boolean inStock) {}

  private final Map<String, Product> products = new ConcurrentHashMap<>();
  private final HttpServer server;

  CatalogStandIn() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/api/catalog/products",
        exchange -> {
          byte[] body = page().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  CatalogStandIn product(String id, String categoryId, boolean inStock) {
    products.put(id, new Product(categoryId, inStock));
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private String page() {
    return products.entrySet().stream()
        .map(
            e ->
                "{\"id\":\"%s\",\"categoryId\":\"%s\",\"inStock\":%s}"
                    .formatted(e.getKey(), e.getValue().categoryId(), e.getValue().inStock()))
        .collect(Collectors.joining(",", "{\"items\":[", "],\"next\":null}"));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
