package com.shopverse.recommendation.serving;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.shopverse.clickhouse.ClickHouseException;
import com.shopverse.recommendation.RecommendationProperties;
import com.shopverse.recommendation.index.ModelIndex;
import com.shopverse.recommendation.model.Scored;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Serves every list, never with an error, and counts what it served, from where, and why each item
 * is there. Personalised and similar lists are ranked from the in-memory {@link ModelIndex} (marked
 * {@code fallback} when the index could not be refreshed lately, popular products before it ever
 * loaded). Trending lists query ClickHouse: from a short-lived cache; else computed live; and when
 * ClickHouse fails or is slower than the query timeout, the last good list for the same request,
 * else the popularity fallback.
 */
@Component
public class Serving {

  private static final Logger log = LoggerFactory.getLogger(Serving.class);

  /** What computes a list; may throw {@link ClickHouseException}. */
  @FunctionalInterface
  public interface Computation {
    List<Scored> compute();
  }

  private final Cache<String, List<Recommendation>> fresh;
  private final Cache<String, List<Recommendation>> lastGood;
  private final ServingMeters meters;
  private final ModelIndex index;

  Serving(RecommendationProperties properties, MeterRegistry meters, ModelIndex index) {
    this.index = index;
    this.fresh =
        Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(100_000).build();
    this.lastGood = Caffeine.newBuilder().maximumSize(properties.lastGoodEntries()).build();
    this.meters = new ServingMeters(meters);
  }

  /**
   * @param key everything the list depends on (kind, shopper or product, limit, window)
   * @param fallback what to serve when there is no last good list; must not touch ClickHouse
   */
  public Recommendations serve(
      String kind, String window, String key, Computation live, Supplier<List<Scored>> fallback) {
    long start = System.nanoTime();
    return counted(start, resolve(kind, window, key, live, fallback));
  }

  /**
   * @param ranked ranks from the index
   * @param coldStart what to serve before the index has ever loaded (popular products)
   */
  public Recommendations serveFromIndex(
      String kind, Supplier<List<Scored>> ranked, Supplier<List<Scored>> coldStart) {
    long start = System.nanoTime();
    Recommendations result;
    if (!index.loaded()) {
      result = new Recommendations(kind, of(coldStart.get()), true, "popular", null);
    } else if (index.stale()) {
      result = new Recommendations(kind, of(ranked.get()), true, "stale-index", null);
    } else {
      result = new Recommendations(kind, of(ranked.get()), false, "index", null);
    }
    if (result.fallback()) {
      meters.kind(kind).fallback();
    }
    return counted(start, result);
  }

  private static List<Recommendation> of(List<Scored> scored) {
    List<Recommendation> items = new ArrayList<>(scored.size());
    for (Scored item : scored) {
      items.add(Recommendation.of(item));
    }
    return Collections.unmodifiableList(items); // cached lists are shared between requests
  }

  private Recommendations counted(long startNanos, Recommendations result) {
    ServingMeters.Kind kind = meters.kind(result.kind());
    kind.served(result.source());
    for (Recommendation item : result.items()) {
      kind.reason(item.reasonCode());
    }
    kind.latency(startNanos);
    return result;
  }

  private Recommendations resolve(
      String kind, String window, String key, Computation live, Supplier<List<Scored>> fallback) {
    List<Recommendation> cached = fresh.getIfPresent(key);
    if (cached != null) {
      return new Recommendations(kind, cached, false, "cache", window);
    }
    try {
      List<Recommendation> items = of(live.compute());
      fresh.put(key, items);
      lastGood.put(key, items);
      return new Recommendations(kind, items, false, "live", window);
    } catch (ClickHouseException e) {
      log.warn("Recommendations fell back ({}): {}", kind, e.getMessage());
      meters.kind(kind).fallback();
      List<Recommendation> last = lastGood.getIfPresent(key);
      if (last != null) {
        return new Recommendations(kind, last, true, "last-good", window);
      }
      return new Recommendations(kind, of(fallback.get()), true, "popular", window);
    }
  }
}
