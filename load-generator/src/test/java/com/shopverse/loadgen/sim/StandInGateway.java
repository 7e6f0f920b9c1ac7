package com.shopverse.loadgen.sim;

import com.shopverse.loadgen.sim.Catalog.Product;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's API as the simulator uses it, in one JDK HttpServer on loopback: the catalog pages,
 * login and register, cart, checkout and event ingest, answering as the real services do (401 for
 * unknown logins and tokenless carts, 400 for bad events and page sizes). It counts every request
 * per journey, classified from the request alone, and can stall product views for a while.
 */
final class StandInGateway implements AutoCloseable {

  private static final Pattern EMAIL = Pattern.compile("\"email\":\"([^\"]+)\"");
  private static final Pattern PASSWORD = Pattern.compile("\"password\":\"([^\"]+)\"");
  private static final Set<String> TYPES =
      Set.of(
          "PRODUCT_VIEWED",
          "PRODUCT_CLICKED",
          "ADDED_TO_CART",
          "REMOVED_FROM_CART",
          "SEARCHED",
          "PURCHASED");
  private static final Pattern TYPE = Pattern.compile("\"type\":\"([A-Z_]+)\"");

  final Map<String, LongAdder> journeys = new ConcurrentHashMap<>();
  final Set<String> addresses = ConcurrentHashMap.newKeySet();
  final LongAdder eventsAccepted = new LongAdder();
  final LongAdder anonymousEvents = new LongAdder();
  final LongAdder tokenlessCartCalls = new LongAdder();
  private final Map<String, String> accounts = new ConcurrentHashMap<>();
  private final List<Product> products = TestCatalog.products();
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(32);
  private final AtomicLong firstShopperNanos = new AtomicLong();
  private final long stallFromNanos;
  private final long stallToNanos;

  /**
   * Views due between {@code stallFrom} and {@code stallTo} after the first shopper wait until
   * then.
   */
  StandInGateway(long stallFromNanos, long stallToNanos) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.stallFromNanos = stallFromNanos;
    this.stallToNanos = stallToNanos;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  long count(String journey) {
    LongAdder n = journeys.get(journey);
    return n == null ? 0 : n.sum();
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String method = x.getRequestMethod();
      String path = x.getRequestURI().getPath();
      String query = x.getRequestURI().getRawQuery() == null ? "" : x.getRequestURI().getRawQuery();
      String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String client = x.getRequestHeaders().getFirst("X-Forwarded-For");
      String auth = x.getRequestHeaders().getFirst("Authorization");
      if (client != null) {
        addresses.add(client);
        firstShopperNanos.compareAndSet(0, System.nanoTime());
      }
      String journey = journey(client, method, path, query);
      journeys.computeIfAbsent(journey, j -> new LongAdder()).increment();
      if (path.startsWith("/api/catalog/products/")) {
        stallIfDue();
        Product p = byId(path.substring("/api/catalog/products/".length()));
        if (p == null) {
          problem(x, 404, "product-not-found");
        } else {
          json(x, 200, productJson(p));
        }
      } else if (path.equals("/api/catalog/products")) {
        catalogPage(x, query);
      } else if (path.equals("/api/auth/register")) {
        String email = match(EMAIL, body);
        json(
            x,
            accounts.putIfAbsent(email, match(PASSWORD, body)) == null ? 201 : 409,
            "{\"email\":\"" + email + "\"}");
      } else if (path.equals("/api/auth/login")) {
        String password = accounts.get(match(EMAIL, body));
        if (password != null && password.equals(match(PASSWORD, body))) {
          json(
              x,
              200,
              "{\"access_token\":\"tok-" + match(EMAIL, body) + "\",\"token_type\":\"Bearer\"}");
        } else {
          problem(x, 401, "invalid-credentials");
        }
      } else if (path.startsWith("/api/cart") || path.equals("/api/checkout")) {
        if (auth == null || !auth.startsWith("Bearer tok-")) {
          tokenlessCartCalls.increment();
          problem(x, 401, "unauthorized");
        } else if (path.equals("/api/checkout")) {
          boolean keyed = x.getRequestHeaders().getFirst("Idempotency-Key") != null;
          json(x, keyed ? 201 : 400, "{\"status\":\"PAID\"}");
        } else {
          json(x, method.equals("DELETE") ? 204 : 200, "{}");
        }
      } else if (path.startsWith("/api/events")) {
        events(x, body, auth);
      } else {
        problem(x, 404, "not-found");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String journey(String client, String method, String path, String query) {
    if (Simulator.BOT_VIEWS_ADDRESS.equals(client)) {
      return "bot-views";
    }
    if (Simulator.PASSWORD_BOT_ADDRESS.equals(client)) {
      return "password-bot";
    }
    if (Simulator.ERROR_BURST_ADDRESS.equals(client)) {
      return "error-burst";
    }
    if (path.startsWith("/api/auth/")) {
      return "login";
    }
    if (path.startsWith("/api/catalog/products/")) {
      return "view";
    }
    if (path.equals("/api/catalog/products")) {
      return query.contains("q=") ? "search" : query.contains("category=") ? "browse" : "setup";
    }
    if (path.startsWith("/api/cart")) {
      return "cart";
    }
    return path.equals("/api/checkout")
        ? "checkout"
        : path.startsWith("/api/events") ? "events" : "other " + path;
  }

  private void stallIfDue() throws InterruptedException {
    long first = firstShopperNanos.get();
    long now = System.nanoTime();
    if (first != 0 && now - first >= stallFromNanos && now - first < stallToNanos) {
      Thread.sleep((first + stallToNanos - now) / 1_000_000 + 1);
    }
  }

  private void catalogPage(HttpExchange x, String query) throws IOException {
    if (query.contains("limit=1000")) {
      problem(x, 400, "page-size");
      return;
    }
    if (query.contains("category=") || query.contains("q=")) {
      json(x, 200, "{\"items\":[" + productJson(products.get(0)) + "],\"next\":null}");
      return;
    }
    Matcher after = Pattern.compile("after=(P\\d+)").matcher(query);
    int from = 0;
    if (after.find()) {
      from = products.indexOf(byId(after.group(1))) + 1;
    }
    int to = Math.min(products.size(), from + 100);
    StringBuilder b = new StringBuilder("{\"items\":[");
    for (int i = from; i < to; i++) {
      b.append(i == from ? "" : ",").append(productJson(products.get(i)));
    }
    b.append("],\"next\":")
        .append(to < products.size() ? "\"" + products.get(to - 1).id() + "\"" : "null")
        .append('}');
    json(x, 200, b.toString());
  }

  private void events(HttpExchange x, String body, String auth) throws IOException {
    Matcher type = TYPE.matcher(body);
    int n = 0;
    while (type.find()) {
      if (!TYPES.contains(type.group(1))) {
        problem(x, 400, "validation");
        return;
      }
      n++;
    }
    if (n == 0 || !body.trim().endsWith("}") && !body.trim().endsWith("]")) {
      problem(x, 400, "malformed-request");
      return;
    }
    if (auth == null && !body.contains("\"anonymousId\"")) {
      problem(x, 400, "validation");
      return;
    }
    eventsAccepted.add(n);
    if (auth == null) {
      anonymousEvents.add(n);
    }
    json(x, 202, "{\"eventIds\":[]}");
  }

  private Product byId(String id) {
    return products.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
  }

  private static String productJson(Product p) {
    return "{\"id\":\"%s\",\"sku\":\"S\",\"name\":\"%s\",\"priceMinor\":%d,\"currency\":\"EUR\",\"categoryId\":\"%s\",\"stock\":5,\"inStock\":true}"
        .formatted(p.id(), p.name(), p.priceMinor(), p.categoryId());
  }

  private static String match(Pattern p, String body) {
    Matcher m = p.matcher(body);
    return m.find() ? m.group(1) : "";
  }

  private static void problem(HttpExchange x, int status, String type) throws IOException {
    x.getResponseHeaders().set("Content-Type", "application/problem+json");
    send(
        x,
        status,
        "{\"type\":\"https://shopverse.dev/problems/" + type + "\",\"status\":" + status + "}");
  }

  private static void json(HttpExchange x, int status, String body) throws IOException {
    x.getResponseHeaders().set("Content-Type", "application/json");
    send(x, status, body);
  }

  private static void send(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (status == 204) {
      x.sendResponseHeaders(204, -1);
      return;
    }
    x.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
