package com.shopverse.loadgen.shop;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of {@link CheckoutLoad}, checked before anything is registered or ordered, so a
 * typo costs a message, not a half-spent catalog.
 *
 * @param products {@code all} (every in-stock product), a count (that many in-stock products, those
 *     with the most stock first) or product ids
 */
record CheckoutOptions(
    String gateway,
    String auth,
    String catalog,
    String order,
    int shoppers,
    double rate,
    Duration duration,
    Duration timeout,
    Products products,
    String out,
    String label,
    String cpu,
    List<String> args) {

  static final String USAGE =
      """
      Usage: java -cp load-generator.jar com.shopverse.loadgen.shop.CheckoutLoad --rate <orders/s> [options]

        --gateway <url>      default http://127.0.0.1:8080 (every shopper call goes through it)
        --auth <url>         where shoppers register and log in before the run (not timed); default
                             the gateway. auth-service direct keeps the gateway's auth timeout and
                             breaker out of the setup on a busy machine
        --catalog <url>      catalog-service, for stock reads and its outbox metrics; default :8082
        --order <url>        order-service, for the orders check and its outbox metrics; default :8083
        --shoppers <n>       registered before the run; each has one order in flight at most, so this
                             is also the cap on orders in flight; default 200
        --rate <orders/s>    required
        --duration <d>       default 30s (500ms, 30s, 2m)
        --timeout <d>        per request (connect, and each read), default 5s
        --products <p>       all (default) | a count of in-stock products, most stock first | P00001,P00002
        --label <text>       names the run in the report
        --out <file>         append the Markdown report
        --cpu <name=pid,…>   report each process's CPU (with its children) while ordering, per paid
                             order, from /proc (the generator's own is always added)
      """;

  private static final Set<String> NAMES =
      Set.of(
          "--gateway",
          "--auth",
          "--catalog",
          "--order",
          "--shoppers",
          "--rate",
          "--duration",
          "--timeout",
          "--products",
          "--label",
          "--out",
          "--cpu");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");
  private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  /**
   * Which products to order: {@code all}, the {@code count} with the most stock, or {@code ids}.
   */
  record Products(int count, List<String> ids) {

    static final Products ALL = new Products(0, List.of());

    boolean all() {
      return count == 0 && ids.isEmpty();
    }
  }

  static CheckoutOptions parse(String... args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!NAMES.contains(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      given.put(args[i], args[i + 1]);
    }
    if (!given.containsKey("--rate")) {
      throw new IllegalArgumentException("--rate is required");
    }
    double rate = positive("--rate", given.get("--rate"));
    Duration duration = duration("--duration", given.getOrDefault("--duration", "30s"));
    if (rate * duration.toNanos() / 1e9 < 1) {
      throw new IllegalArgumentException("--rate × --duration plans no order at all");
    }
    String gateway = url("--gateway", given.getOrDefault("--gateway", "http://127.0.0.1:8080"));
    return new CheckoutOptions(
        gateway,
        url("--auth", given.getOrDefault("--auth", gateway)),
        url("--catalog", given.getOrDefault("--catalog", "http://127.0.0.1:8082")),
        url("--order", given.getOrDefault("--order", "http://127.0.0.1:8083")),
        (int) wholeNumber("--shoppers", given.getOrDefault("--shoppers", "200"), 10_000),
        rate,
        duration,
        duration("--timeout", given.getOrDefault("--timeout", "5s")),
        products(given.getOrDefault("--products", "all")),
        given.get("--out"),
        given.get("--label"),
        given.get("--cpu"),
        List.of(args));
  }

  /** Orders in the schedule: order {@code i} is due at {@code start + i / rate}. */
  long plannedOrders() {
    return Math.round(rate * duration.toNanos() / 1e9);
  }

  private static Products products(String text) {
    if (text.equals("all")) {
      return Products.ALL;
    }
    if (text.matches("\\d+")) {
      return new Products((int) wholeNumber("--products", text, 1_000_000), List.of());
    }
    List<String> ids = Arrays.stream(text.split(",")).map(String::trim).distinct().toList();
    for (String id : ids) {
      if (!PRODUCT_ID.matcher(id).matches()) {
        throw new IllegalArgumentException("--products: '" + id + "' is not a product id");
      }
    }
    return new Products(0, ids);
  }

  private static String url(String option, String text) {
    if (!text.matches("https?://[^/\\s]+(/\\S*)?")) {
      throw new IllegalArgumentException(option + " '" + text + "' is not an http(s) URL");
    }
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static double positive(String option, String text) {
    try {
      double value = Double.parseDouble(text);
      if (value > 0 && value <= 100_000) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " '" + text + "' must be a number in (0, 100000]");
  }

  private static long wholeNumber(String option, String text, long max) {
    if (text.matches("\\d{1,9}")) {
      long value = Long.parseLong(text);
      if (value >= 1 && value <= max) {
        return value;
      }
    }
    throw new IllegalArgumentException(option + " '" + text + "' must be a whole number 1–" + max);
  }

  static Duration duration(String option, String text) {
    Matcher matcher = DURATION.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          option + " '" + text + "' is not a duration: write e.g. 500ms, 30s, 2m");
    }
    long amount = Long.parseLong(matcher.group(1));
    Duration duration =
        switch (matcher.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          default -> Duration.ofMinutes(amount);
        };
    if (duration.isZero() || duration.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(
          option + " '" + text + "' must be longer than 0, at most a day");
    }
    return duration;
  }
}
