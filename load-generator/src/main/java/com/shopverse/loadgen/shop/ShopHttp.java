package com.shopverse.loadgen.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few calls the shopper tools make, over the JDK client. */
final class ShopHttp {

  record Product(String id, String categoryId, boolean inStock) {}

  private static final Pattern PRODUCT =
      Pattern.compile(
          "\\{\"id\":\"([^\"]+)\"[^{}]*?\"categoryId\":\"([^\"]+)\"[^{}]*?\"inStock\":(true|false)");
  private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  /** Every active product, through catalog-service's public pages. */
  List<Product> products(String base) {
    List<Product> products = new ArrayList<>();
    String after = null;
    do {
      String body =
          get(base + "/api/catalog/products?limit=100" + (after == null ? "" : "&after=" + after))
              .body();
      Matcher product = PRODUCT.matcher(body);
      while (product.find()) {
        products.add(
            new Product(
                product.group(1), product.group(2), Boolean.parseBoolean(product.group(3))));
      }
      Matcher next = NEXT.matcher(body);
      after = next.find() ? next.group(1) : null;
    } while (after != null);
    return products;
  }

  HttpResponse<String> get(String url, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  HttpResponse<String> post(String url, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A ClickHouse query over HTTP, its TabSeparated answer trimmed. */
  String clickHouse(String base, String sql) {
    return post(
            base
                + "/?query="
                + URLEncoder.encode(sql + " FORMAT TabSeparated", StandardCharsets.UTF_8),
            "")
        .body()
        .strip();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One interaction as the ingest API takes it, from an anonymous shopper. */
  static String event(String type, Product product, String anonymousId) {
    return "{\"type\":\"%s\",\"productId\":\"%s\",\"categoryId\":\"%s\",\"anonymousId\":\"%s\",\"source\":\"web\"}"
        .formatted(type, product.id(), product.categoryId(), anonymousId);
  }
}
