package com.shopverse.recommendation.trending;

import com.shopverse.clickhouse.ClickHouseException;
import com.shopverse.defaults.ProblemException;
import com.shopverse.recommendation.RecommendationProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trending products. Served from a short-lived cache; when ClickHouse fails or is slow, the last
 * good list (or an empty one) is served with {@code fallback: true} instead of an error.
 */
@RestController
class TrendingController {

  private static final Logger log = LoggerFactory.getLogger(TrendingController.class);

  private record Cached(Recommendations value, long computedAtNanos) {}

  private final TrendingQuery query;
  private final RecommendationProperties properties;
  private final MeterRegistry meters;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  TrendingController(
      TrendingQuery query, RecommendationProperties properties, MeterRegistry meters) {
    this.query = query;
    this.properties = properties;
    this.meters = meters;
  }

  @GetMapping("/api/recommendations/trending")
  Recommendations trending(
      @RequestParam(defaultValue = "24h") String window,
      @RequestParam(defaultValue = "10") int limit) {
    Duration span = properties.windows().get(window);
    if (span == null) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          "window",
          "window must be one of " + properties.windows().keySet() + ".");
    }
    if (limit < 1 || limit > properties.maxLimit()) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          "limit",
          "limit must be between 1 and " + properties.maxLimit() + ".");
    }
    String key = window + "/" + limit;
    Cached cached = cache.get(key);
    if (cached != null
        && System.nanoTime() - cached.computedAtNanos() < properties.cacheTtl().toNanos()) {
      meters
          .counter("shopverse.recommendations.served", "kind", "trending", "source", "cache")
          .increment();
      return cached.value();
    }
    try {
      List<Recommendation> items = query.top(span, "trending in the last " + window, limit);
      Recommendations result = new Recommendations(window, items, false);
      cache.put(key, new Cached(result, System.nanoTime()));
      meters
          .counter("shopverse.recommendations.served", "kind", "trending", "source", "clickhouse")
          .increment();
      return result;
    } catch (ClickHouseException e) {
      log.warn("Trending fell back: {}", e.getMessage());
      meters.counter("shopverse.recommendations.fallbacks", "kind", "trending").increment();
      List<Recommendation> last = cached != null ? cached.value().items() : List.of();
      return new Recommendations(window, last, true);
    }
  }
}
