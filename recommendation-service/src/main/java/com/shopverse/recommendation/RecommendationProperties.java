package com.shopverse.recommendation;

import com.shopverse.events.InteractionType;
import com.shopverse.recommendation.model.ModelSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param clickhouseUrl ClickHouse's HTTP interface
 * @param clickhouseDatabase the database the Flink job writes
 * @param queryTimeout the longest a shopper waits for ClickHouse before getting a fallback
 * @param cacheTtl how long a computed list is served from memory (short: freshness first)
 * @param lastGoodEntries how many last good lists are kept for fallbacks (least recently used go)
 * @param maxLimit the most items one request may ask for
 * @param windows trending windows by their public name ({@code 1h}, {@code 24h})
 * @param catalogUrl catalog-service, whose products (active, in stock, category) filter every list
 * @param catalogRefresh how often the product facts are re-read
 * @param popularWindow the window of the popularity snapshot used for cold start and fallbacks
 * @param popularRefresh how often that snapshot is recomputed
 * @param popularSize how many products the snapshot holds
 * @param index how the in-memory model index follows the Flink job's tables
 * @param model the model's weights and windows; unset ones take {@link ModelSettings#defaults()}
 */
@ConfigurationProperties("shopverse.recommendation")
public record RecommendationProperties(
    String clickhouseUrl,
    String clickhouseDatabase,
    Duration queryTimeout,
    Duration cacheTtl,
    int lastGoodEntries,
    int maxLimit,
    Map<String, Duration> windows,
    String catalogUrl,
    Duration catalogRefresh,
    Duration popularWindow,
    Duration popularRefresh,
    int popularSize,
    Index index,
    Model model) {

  /**
   * The in-memory index personalised and similar lists are ranked from (ClickHouse stays off the
   * request path).
   *
   * @param refresh how often rows changed since the newest version seen are read
   * @param reconcileEvery how often a read goes back to the last settled version, to catch rows
   *     that became visible out of version order (several sink writers)
   * @param reconcileOverlap the longest a written row may take to become visible in ClickHouse
   * @param staleAfter after this long without a successful read lists are marked {@code fallback}
   * @param retention shoppers whose newest interaction is older than this are dropped (the Flink
   *     job forgets them after the same time)
   * @param neighbours how many strongest neighbours are kept per product
   */
  public record Index(
      Duration refresh,
      Duration reconcileEvery,
      Duration reconcileOverlap,
      Duration staleAfter,
      Duration retention,
      int neighbours) {}

  /**
   * The model knobs (see docs/recommendations.md); each may be set on its own, e.g. {@code
   * SHOPVERSE_RECOMMENDATION_MODEL_HALFLIFE=3d}. The Flink job reads the same variables, and the
   * two must agree on weights, half-life, decay epoch and session settings.
   */
  public record Model(
      Map<InteractionType, Double> weights,
      Duration sessionGap,
      Integer sessionItems,
      Duration halfLife,
      Instant decayEpoch,
      Integer historyItems,
      Integer neighboursPerItem,
      Double ownItemWeight,
      Double neighbourWeight,
      Double trendingWeight,
      Double categoryAffinityWeight,
      Integer maxPerCategory,
      Duration removedCooldown,
      Boolean rebuyable) {

    public ModelSettings settings() {
      ModelSettings d = ModelSettings.defaults();
      return new ModelSettings(
          weights == null || weights.isEmpty() ? d.weights() : weights,
          or(sessionGap, d.sessionGap()),
          or(sessionItems, d.sessionItems()),
          or(halfLife, d.halfLife()),
          or(decayEpoch, d.decayEpoch()),
          or(historyItems, d.historyItems()),
          or(neighboursPerItem, d.neighboursPerItem()),
          or(ownItemWeight, d.ownItemWeight()),
          or(neighbourWeight, d.neighbourWeight()),
          or(trendingWeight, d.trendingWeight()),
          or(categoryAffinityWeight, d.categoryAffinityWeight()),
          or(maxPerCategory, d.maxPerCategory()),
          or(removedCooldown, d.removedCooldown()),
          or(rebuyable, d.rebuyable()));
    }

    private static <T> T or(T value, T fallback) {
      return value != null ? value : fallback;
    }
  }

  public ModelSettings modelSettings() {
    return model == null ? ModelSettings.defaults() : model.settings();
  }
}
