package com.shopverse.recommendation.serving;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.shopverse.clickhouse.ClickHouseException;
import com.shopverse.recommendation.RecommendationProperties;
import com.shopverse.recommendation.model.Scored;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Serves every list the same way: from a short-lived cache; else computed live; and when ClickHouse
 * fails or is slower than the query timeout, the last good list for the same request, else the
 * popularity fallback — never an error. Counts what it served, from where, and why each item is
 * there.
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
  private final MeterRegistry meters;

  Serving(RecommendationProperties properties, MeterRegistry meters) {
    this.fresh =
        Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(100_000).build();
    this.lastGood = Caffeine.newBuilder().maximumSize(properties.lastGoodEntries()).build();
    this.meters = meters;
  }

  /**
   * @param key everything the list depends on (kind, shopper or product, limit, window)
   * @param fallback what to serve when there is no last good list; must not touch ClickHouse
   */
  public Recommendations serve(
      String kind, String window, String key, Computation live, Supplier<List<Scored>> fallback) {
    Timer.Sample sample = Timer.start(meters);
    Recommendations result = resolve(kind, window, key, live, fallback);
    sample.stop(meters.timer("shopverse.recommendations.latency", "kind", kind));
    meters
        .counter("shopverse.recommendations.served", "kind", kind, "source", result.source())
        .increment();
    for (Recommendation item : result.items()) {
      meters
          .counter("shopverse.recommendations.reasons", "kind", kind, "reason", item.reasonCode())
          .increment();
    }
    return result;
  }

  private Recommendations resolve(
      String kind, String window, String key, Computation live, Supplier<List<Scored>> fallback) {
    List<Recommendation> cached = fresh.getIfPresent(key);
    if (cached != null) {
      return new Recommendations(kind, cached, false, "cache", window);
    }
    try {
      List<Recommendation> items = live.compute().stream().map(Recommendation::of).toList();
      fresh.put(key, items);
      lastGood.put(key, items);
      return new Recommendations(kind, items, false, "live", window);
    } catch (ClickHouseException e) {
      log.warn("Recommendations fell back ({}): {}", kind, e.getMessage());
      meters.counter("shopverse.recommendations.fallbacks", "kind", kind).increment();
      List<Recommendation> last = lastGood.getIfPresent(key);
      if (last != null) {
        return new Recommendations(kind, last, true, "last-good", window);
      }
      List<Recommendation> popular = fallback.get().stream().map(Recommendation::of).toList();
      return new Recommendations(kind, popular, true, "popular", window);
    }
  }
}
