package com.shopverse.order;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * catalog-service's contract as order-service uses it, honestly: public product reads, and an
 * inventory API that counts stock, reserves all lines or none, and makes reserve (by id), confirm
 * and release idempotent. It also plays auth-service's {@code /oauth2/token} for the
 * client_credentials grant, and the inventory API accepts only the tokens it issued there. The real
 * catalog-service and auth-service are what the end-to-end tests use.
 */
public final class CatalogStandIn implements AutoCloseable {

  public static final String CLIENT_ID = "order-service";
  public static final String CLIENT_SECRET = "test-client-secret";

  private record Product(String name, long priceMinor, String currency, boolean active) {}

  private record Line(
      String productId, int quantity, long unitPriceMinor, String currency, String name) {}

  private static final class Held {
    final List<Line> lines;
    final Instant expiresAt;
    String status = "RESERVED";

    Held(List<Line> lines, Instant expiresAt) {
      this.lines = lines;
      this.expiresAt = expiresAt;
    }
  }

  private final JsonMapper json = new JsonMapper();
  private final Map<String, Product> products = new ConcurrentHashMap<>();
  private final Map<String, Integer> stock = new HashMap<>();
  private final Map<UUID, Held> reservations = new HashMap<>();
  private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private volatile Duration tokenDelay = Duration.ZERO;
  private volatile Duration reservationDelay = Duration.ZERO;
  private volatile boolean down;
  private final HttpServer server;

  public CatalogStandIn() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/oauth2/token", this::token);
    server.createContext("/api/catalog/products/", this::product);
    server.createContext("/api/catalog/reservations", this::reservations);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public CatalogStandIn product(String id, String name, long priceMinor, int units) {
    products.put(id, new Product(name, priceMinor, "EUR", true));
    synchronized (this) {
      stock.put(id, units);
    }
    return this;
  }

  public CatalogStandIn price(String id, long priceMinor) {
    products.computeIfPresent(
        id, (k, p) -> new Product(p.name(), priceMinor, p.currency(), p.active()));
    return this;
  }

  public synchronized int stock(String id) {
    return stock.getOrDefault(id, 0);
  }

  public synchronized long reservationsWithStatus(String status) {
    return reservations.values().stream().filter(r -> r.status.equals(status)).count();
  }

  public int tokenRequests() {
    return tokenRequests.get();
  }

  /** Makes every token answer take this long (a busy auth-service). */
  public void delayTokens(Duration delay) {
    tokenDelay = delay;
  }

  /** Makes every reservation take this long (a slow catalog). */
  public void delayReservations(Duration delay) {
    reservationDelay = delay;
  }

  /** Answers 503 to everything while down. */
  public void down(boolean down) {
    this.down = down;
  }

  private void token(HttpExchange exchange) throws IOException {
    tokenRequests.incrementAndGet();
    sleep(tokenDelay);
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      send(exchange, 401, "{\"error\":\"invalid_client\"}", "application/json");
      return;
    }
    if (!form.contains("grant_type=client_credentials") || !form.contains("scope=inventory")) {
      send(exchange, 400, "{\"error\":\"invalid_request\"}", "application/json");
      return;
    }
    String token = UUID.randomUUID().toString();
    tokens.put(token, true);
    send(
        exchange,
        200,
        "{\"access_token\":\""
            + token
            + "\",\"token_type\":\"Bearer\",\"expires_in\":900,\"scope\":\"inventory\"}",
        "application/json");
  }

  private void product(HttpExchange exchange) throws IOException {
    if (down) {
      problem(exchange, 503, "unavailable", "down");
      return;
    }
    String id = exchange.getRequestURI().getPath().substring("/api/catalog/products/".length());
    Product product = products.get(id);
    if (product == null || !product.active()) {
      problem(exchange, 404, "product-not-found", "No product " + id + ".");
      return;
    }
    int units = stock(id);
    send(
        exchange,
        200,
        json.writeValueAsString(
            Map.of(
                "id",
                id,
                "name",
                product.name(),
                "priceMinor",
                product.priceMinor(),
                "currency",
                product.currency(),
                "categoryId",
                "c-test",
                "stock",
                units,
                "inStock",
                units > 0)),
        "application/json");
  }

  private void reservations(HttpExchange exchange) throws IOException {
    if (down) {
      problem(exchange, 503, "unavailable", "down");
      return;
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || !tokens.containsKey(auth.substring(7))) {
      problem(exchange, 401, "unauthorized", "A bearer token with scope inventory is required.");
      return;
    }
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/api/catalog/reservations")) {
      sleep(reservationDelay);
      reserve(exchange, json.readTree(exchange.getRequestBody()));
      return;
    }
    String[] parts = path.split("/");
    UUID id = UUID.fromString(parts[4]);
    String action = parts[5];
    Held held;
    synchronized (this) {
      held = reservations.get(id);
      if (held != null && action.equals("confirm") && held.status.equals("RESERVED")) {
        held.status = "CONFIRMED";
      } else if (held != null && action.equals("release") && !held.status.equals("RELEASED")) {
        held.lines.forEach(l -> stock.merge(l.productId(), l.quantity(), Integer::sum));
        held.status = "RELEASED";
      }
    }
    if (held == null) {
      problem(exchange, 404, "reservation-not-found", "No reservation " + id + ".");
      return;
    }
    send(exchange, 200, view(id, held), "application/json");
  }

  private void reserve(HttpExchange exchange, JsonNode body) throws IOException {
    UUID id = UUID.fromString(body.get("reservationId").asString());
    List<Line> lines = new ArrayList<>();
    int status;
    Held held;
    synchronized (this) {
      held = reservations.get(id);
      if (held != null) {
        status = 200;
      } else {
        for (JsonNode line : body.get("lines")) {
          String productId = line.get("productId").asString();
          int quantity = line.get("quantity").asInt();
          Product product = products.get(productId);
          if (product == null || !product.active()) {
            problem(exchange, 422, "unknown-product", "Unknown product " + productId + ".");
            return;
          }
          if (quantity < 1) {
            problem(exchange, 400, "validation", "quantity must be positive");
            return;
          }
          if (stock.getOrDefault(productId, 0) < quantity) {
            problem(exchange, 409, "out-of-stock", "Not enough stock of " + productId + ".");
            return;
          }
          lines.add(
              new Line(
                  productId, quantity, product.priceMinor(), product.currency(), product.name()));
        }
        lines.forEach(l -> stock.merge(l.productId(), -l.quantity(), Integer::sum));
        held = new Held(lines, Instant.now().plusSeconds(600));
        reservations.put(id, held);
        status = 201;
      }
    }
    send(exchange, status, view(id, held), "application/json");
  }

  private String view(UUID id, Held held) {
    return json.writeValueAsString(
        Map.of(
            "reservationId", id.toString(),
            "status", held.status,
            "expiresAt", held.expiresAt.toString(),
            "lines",
                held.lines.stream()
                    .map(
                        l ->
                            Map.of(
                                "productId", l.productId(),
                                "quantity", l.quantity(),
                                "unitPriceMinor", l.unitPriceMinor(),
                                "currency", l.currency(),
                                "name", l.name()))
                    .toList()));
  }

  private void problem(HttpExchange exchange, int status, String type, String detail)
      throws IOException {
    send(
        exchange,
        status,
        json.writeValueAsString(
            Map.of(
                "type", "https://shopverse.dev/problems/" + type,
                "status", status,
                "detail", detail)),
        "application/problem+json");
  }

  private static void send(HttpExchange exchange, int status, String body, String type)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static void sleep(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
