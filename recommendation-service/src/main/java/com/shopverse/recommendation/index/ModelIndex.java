package com.shopverse.recommendation.index;

import com.shopverse.clickhouse.ClickHouseException;
import com.shopverse.recommendation.RecommendationProperties;
import com.shopverse.recommendation.data.ModelData;
import com.shopverse.recommendation.data.ModelData.PairRow;
import com.shopverse.recommendation.data.ModelData.ShopperRow;
import com.shopverse.recommendation.model.Neighbour;
import com.shopverse.recommendation.model.ShopperItem;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The model's inputs held in memory, so that ranking a list costs no ClickHouse round trip: every
 * shopper's items and every product's strongest neighbours. A background read every {@code
 * index.refresh} takes the rows the Flink job wrote since the newest version seen; a key's highest
 * version wins, so reading a row twice changes nothing. Readers see immutable values published
 * through concurrent maps; one scheduler thread writes.
 *
 * <p>When ClickHouse is down the index keeps what it has: lists stay personal, and are marked
 * {@code fallback} once the last good read is older than {@code index.stale-after}.
 */
@Component
public class ModelIndex {

  private static final Logger log = LoggerFactory.getLogger(ModelIndex.class);
  private static final long MICROS_PER_MILLI = 1_000;

  private final ModelData data;
  private final RecommendationProperties.Index settings;
  private final Clock clock;
  private final Timer readTime;
  private final MeterRegistry meters;

  private final Map<String, ShopperHistory> shoppers = new ConcurrentHashMap<>();
  private final Map<String, Neighbours> neighbours = new ConcurrentHashMap<>();
  private final Cursor shopperCursor = new Cursor();
  private final Cursor pairCursor = new Cursor();
  private long lastReconcileMs;
  private volatile long newestEventMs;
  private volatile long lastReadMs;

  @Autowired
  ModelIndex(ModelData data, RecommendationProperties properties, MeterRegistry meters) {
    this(data, properties.index(), meters, Clock.systemUTC());
  }

  ModelIndex(
      ModelData data, RecommendationProperties.Index settings, MeterRegistry meters, Clock clock) {
    this.data = data;
    this.settings = settings;
    this.clock = clock;
    this.meters = meters;
    this.readTime = meters.timer("shopverse.recommendations.index.read");
    Gauge.builder("shopverse.recommendations.index.shoppers", shoppers, Map::size)
        .description("Shoppers held in the in-memory model index")
        .register(meters);
    Gauge.builder("shopverse.recommendations.index.products", neighbours, Map::size)
        .description("Products with co-visited neighbours in the in-memory model index")
        .register(meters);
    Gauge.builder(
            "shopverse.recommendations.index.age",
            this,
            index -> index.lastReadMs == 0 ? Double.NaN : clock.millis() - index.lastReadMs)
        .baseUnit("milliseconds")
        .description("Time since the model index last read ClickHouse successfully")
        .register(meters);
  }

  /** True once the first read succeeded: before that there is nothing personal to rank. */
  public boolean loaded() {
    return lastReadMs != 0;
  }

  /** True when the last good read is older than {@code stale-after}. */
  public boolean stale() {
    return !loaded() || clock.millis() - lastReadMs > settings.staleAfter().toMillis();
  }

  /** Event time of the newest shopper interaction the index holds (0 before any). */
  public long newestEventMs() {
    return newestEventMs;
  }

  /** The shopper's items, most recent first; empty for a shopper never seen. */
  public List<ShopperItem> history(String shopperKey) {
    ShopperHistory history = shopperKey == null ? null : shoppers.get(shopperKey);
    return history == null ? List.of() : history.recentFirst();
  }

  /** The strongest neighbours of each product, strongest first (products without any omitted). */
  public Map<String, List<Neighbour>> neighbours(Collection<String> productIds) {
    Map<String, List<Neighbour>> found = new LinkedHashMap<>();
    for (String productId : productIds) {
      Neighbours top = neighbours.get(productId);
      if (top != null) {
        found.put(productId, top.strongestFirst());
      }
    }
    return found;
  }

  @Scheduled(initialDelay = 0, fixedDelayString = "${shopverse.recommendation.index.refresh}")
  void refresh() {
    try {
      readTime.record(this::read);
    } catch (ClickHouseException e) {
      meters.counter("shopverse.recommendations.index.failures").increment();
      log.warn("Model index kept as it is ({} shoppers): {}", shoppers.size(), e.getMessage());
    }
  }

  private void read() {
    long now = clock.millis();
    boolean reconcile = now - lastReconcileMs >= settings.reconcileEvery().toMillis();
    long sinceMs = now - settings.retention().toMillis();
    List<ShopperRow> shopperRows =
        data.shopperRowsAfter(shopperCursor.readAfter(reconcile), sinceMs);
    List<PairRow> pairRows = data.pairRowsAfter(pairCursor.readAfter(reconcile));
    applyShoppers(shopperRows);
    applyPairs(pairRows);
    if (reconcile) {
      long settled = (now - settings.reconcileOverlap().toMillis()) * MICROS_PER_MILLI;
      shopperCursor.settle(settled);
      pairCursor.settle(settled);
      shoppers.values().removeIf(history -> history.newestMs() < sinceMs);
      lastReconcileMs = now;
    }
    lastReadMs = now;
  }

  /**
   * Where the next read of one table starts. Versions are the writer's clock in microseconds, and a
   * row becomes visible in ClickHouse some time after its version was taken; with several sink
   * writers a row can appear after a higher version was read. The frequent read takes rows above
   * the highest version seen; the periodic reconcile read takes everything above the settled
   * version — below which every row was visible at the last reconcile, assuming no row takes longer
   * than the reconcile overlap to appear — so it re-reads a bounded tail, and nothing once writes
   * stop.
   */
  private static final class Cursor {
    private long newest;
    private long settled;

    long readAfter(boolean reconcile) {
      return reconcile ? settled : newest;
    }

    void seen(long version) {
      newest = Math.max(newest, version);
    }

    void settle(long visibleBefore) {
      settled = Math.max(settled, Math.min(newest, visibleBefore));
    }
  }

  private void applyShoppers(List<ShopperRow> rows) {
    Map<String, List<ShopperRow>> byShopper = new HashMap<>();
    for (ShopperRow row : rows) {
      byShopper.computeIfAbsent(row.shopperId(), id -> new ArrayList<>()).add(row);
      shopperCursor.seen(row.version());
      newestEventMs = Math.max(newestEventMs, row.item().lastMs);
    }
    byShopper.forEach(
        (shopper, changed) ->
            shoppers.put(shopper, ShopperHistory.with(shoppers.get(shopper), changed)));
  }

  private void applyPairs(List<PairRow> rows) {
    Map<String, List<PairRow>> byProduct = new HashMap<>();
    for (PairRow row : rows) {
      byProduct.computeIfAbsent(row.productId(), id -> new ArrayList<>()).add(row);
      pairCursor.seen(row.version());
    }
    byProduct.forEach(
        (product, changed) ->
            neighbours.put(
                product, Neighbours.with(neighbours.get(product), changed, settings.neighbours())));
  }
}
