package com.shopverse.loadgen.shop;

import com.shopverse.loadgen.shop.ShopHttp.Product;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * End-to-end freshness, measured open-loop under a steady background load of interactions.
 *
 * <p>At a constant rate a new anonymous shopper views a product A that has co-visited neighbours
 * (other shoppers' sessions, seeded beforehand) through the gateway. From the 202, two clocks run
 * (each polled every 50 ms, so figures carry up to 50 ms of polling delay; the polls go to the
 * recommendation service and ClickHouse directly, to keep the probe's own load off the gateway):
 *
 * <ul>
 *   <li><b>recommendations</b>: until the shopper's {@code for-you} list shows any of A's
 *       co-visited neighbours, i.e. an item with the reason "because you viewed A" ;
 *   <li><b>aggregates</b>: until a view of a probe-only product, sent at the same moment, is
 *       counted in ClickHouse's {@code product_minute_stats} .
 * </ul>
 *
 * A probe that takes longer than 10 s counts as a miss (and as 10 s in the percentiles).
 *
 * <pre>java -cp load-generator.jar com.shopverse.loadgen.shop.FreshnessProbe
 *     --gateway http://127.0.0.1:8080 --recommendations http://127.0.0.1:8085 --ingest http://127.0.0.1:8084
 *     --clickhouse http://127.0.0.1:8123 --rate 4 --duration 60s --background 2000 --out f.md</pre>
 */
public final class FreshnessProbe {

  private static final long GIVE_UP_MS = 10_000;
  private static final long POLL_MS = 50;

  private final ShopHttp http = new ShopHttp();
  private final String gateway;
  private final String recommendations;
  private final String ingest;
  private final String clickHouse;
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final Histogram listed = new ConcurrentHistogram(60_000, 3);
  private final Histogram aggregates = new ConcurrentHistogram(60_000, 3);
  private final AtomicInteger misses = new AtomicInteger();
  private final AtomicInteger backgroundEvents = new AtomicInteger();

  private FreshnessProbe(String gateway, String recommendations, String ingest, String clickHouse) {
    this.gateway = gateway;
    this.recommendations = recommendations;
    this.ingest = ingest;
    this.clickHouse = clickHouse;
  }

  public static void main(String[] args) throws Exception {
    java.util.Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    FreshnessProbe probe =
        new FreshnessProbe(
            options.getOrDefault("--gateway", "http://127.0.0.1:8080"),
            options.getOrDefault("--recommendations", "http://127.0.0.1:8085"),
            options.getOrDefault("--ingest", "http://127.0.0.1:8084"),
            options.getOrDefault("--clickhouse", "http://127.0.0.1:8123"));
    double rate = Double.parseDouble(options.getOrDefault("--rate", "4"));
    Duration duration =
        Duration.ofSeconds(
            Long.parseLong(options.getOrDefault("--duration", "60s").replace("s", "")));
    int background = Integer.parseInt(options.getOrDefault("--background", "2000"));
    String report = probe.run(rate, duration, background);
    System.out.println(report);
    if (options.containsKey("--out")) {
      Files.writeString(
          Path.of(options.get("--out")),
          report + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  private String run(double rate, Duration duration, int backgroundPerSecond) throws Exception {
    List<Product> products = http.products(gateway).stream().filter(Product::inStock).toList();
    List<String> withNeighbours = withNeighbours(products);
    if (withNeighbours.isEmpty()) {
      throw new IllegalStateException("no product has co-visited neighbours: seed sessions first");
    }
    ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
    ExecutorService probes = Executors.newCachedThreadPool();
    Random random = new Random(7);
    if (backgroundPerSecond > 0) {
      long periodMicros = 100 * 1_000_000L / backgroundPerSecond; // batches of 100
      clock.scheduleAtFixedRate(
          () -> probes.submit(() -> backgroundBatch(products, new Random())),
          0,
          periodMicros,
          TimeUnit.MICROSECONDS);
    }
    int total = (int) (rate * duration.toSeconds());
    long periodNanos = (long) (1_000_000_000L / rate);
    long start = System.nanoTime();
    List<java.util.concurrent.Future<?>> running = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      long wait = start + i * periodNanos - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      String viewed = withNeighbours.get(random.nextInt(withNeighbours.size()));
      int n = i;
      running.add(probes.submit(() -> guarded(() -> probeRecommendations(viewed, n))));
      running.add(probes.submit(() -> guarded(() -> probeAggregates(n))));
    }
    for (var future : running) {
      future.get();
    }
    clock.shutdownNow();
    probes.shutdownNow();
    return report(rate, duration, backgroundPerSecond, total, withNeighbours.size());
  }

  /**
   * A probe whose request failed (timeout, connection refused) is a miss, not the end of the run.
   */
  private void guarded(Runnable probe) {
    try {
      probe.run();
    } catch (RuntimeException e) {
      misses.incrementAndGet();
      System.err.println("probe failed: " + e);
    }
  }

  /** Products whose similar list has a co-visited neighbour. */
  private List<String> withNeighbours(List<Product> products) {
    List<String> ids = new ArrayList<>();
    for (Product product : products) {
      String body = http.get(gateway + "/api/recommendations/similar/" + product.id()).body();
      if (body.contains("\"reasonCode\":\"co_visitation\"")) {
        ids.add(product.id());
      }
    }
    return ids;
  }

  private void probeRecommendations(String a, int n) {
    String shopper = "probe-" + run + "-" + n;
    String view =
        "{\"type\":\"PRODUCT_VIEWED\",\"productId\":\""
            + a
            + "\",\"anonymousId\":\""
            + shopper
            + "\"}";
    if (http.post(gateway + "/api/events", view).statusCode() != 202) {
      misses.incrementAndGet();
      return;
    }
    long accepted = System.nanoTime();
    String wanted = "because you viewed " + a;
    record(
        listed,
        accepted,
        () -> {
          String body =
              http.get(
                      recommendations + "/api/recommendations/for-you?limit=20",
                      "X-Anonymous-Id",
                      shopper)
                  .body();
          return body.contains(wanted);
        });
  }

  private void probeAggregates(int n) {
    String product = "PROBE-" + run + "-" + n;
    String view =
        "{\"type\":\"PRODUCT_VIEWED\",\"productId\":\""
            + product
            + "\",\"anonymousId\":\"probe-agg\"}";
    if (http.post(gateway + "/api/events", view).statusCode() != 202) {
      misses.incrementAndGet();
      return;
    }
    long accepted = System.nanoTime();
    record(
        aggregates,
        accepted,
        () ->
            "1"
                .equals(
                    http.clickHouse(
                        clickHouse,
                        "SELECT sum(views) FROM shopverse.product_minute_stats FINAL WHERE product_id = '"
                            + product
                            + "'")));
  }

  private void record(
      Histogram histogram, long acceptedNanos, java.util.function.BooleanSupplier done) {
    while (true) {
      long millis = (System.nanoTime() - acceptedNanos) / 1_000_000;
      if (millis > GIVE_UP_MS) {
        misses.incrementAndGet();
        histogram.recordValue(GIVE_UP_MS);
        return;
      }
      if (done.getAsBoolean()) {
        histogram.recordValue(Math.max(1, (System.nanoTime() - acceptedNanos) / 1_000_000));
        return;
      }
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void backgroundBatch(List<Product> products, Random random) {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 100; i++) {
      Product product = products.get(random.nextInt(products.size()));
      batch
          .append(i == 0 ? "" : ",")
          .append(ShopHttp.event("PRODUCT_VIEWED", product, "bg-" + random.nextInt(5_000)));
    }
    try {
      if (http.post(ingest + "/api/events/batch", batch.append("]").toString()).statusCode()
          == 202) {
        backgroundEvents.addAndGet(100);
      }
    } catch (UncheckedIOException e) {
      // Counted by its absence in backgroundEvents.
    }
  }

  private String report(double rate, Duration duration, int background, int probes, int products) {
    return """
        | Freshness (from the 202) | probes | p50 ms | p90 ms | p99 ms | max ms |
        |---|---|---|---|---|---|
        | view (gateway) -> neighbours in the shopper's for-you list | %d | %d | %d | %d | %d |
        | view (gateway) -> counted in product_minute_stats | %d | %d | %d | %d | %d |

        - %.1f probes/s for %d s over %d products with co-visited neighbours; background load %d events/s
          requested, %d events accepted (%.0f/s); misses (no 202, or over %d s): %d.
        """
        .formatted(
            listed.getTotalCount(),
            listed.getValueAtPercentile(50),
            listed.getValueAtPercentile(90),
            listed.getValueAtPercentile(99),
            listed.getMaxValue(),
            aggregates.getTotalCount(),
            aggregates.getValueAtPercentile(50),
            aggregates.getValueAtPercentile(90),
            aggregates.getValueAtPercentile(99),
            aggregates.getMaxValue(),
            rate,
            duration.toSeconds(),
            products,
            background,
            backgroundEvents.get(),
            backgroundEvents.get() / (double) duration.toSeconds(),
            GIVE_UP_MS / 1000,
            misses.get())
        .strip();
  }
}
