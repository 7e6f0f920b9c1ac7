package com.shopverse.recommendation.model;

import com.shopverse.events.InteractionType;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every weight and window of the model. The Flink job and the service must agree on {@link
 * #weights}, {@link #halfLife} and {@link #decayEpoch}: the stored scores are computed with them.
 *
 * @param weights how much each interaction type says about a shopper's interest; a type without a
 *     weight (searches, removals) adds nothing
 * @param sessionGap inactivity that ends a shopper's session (co-visitation pairs only form within
 *     one session)
 * @param sessionItems the most recent distinct products of a session that pair with a new one
 * @param halfLife time for an interaction's weight to halve
 * @param decayEpoch reference time of the stored forward-decayed scores; scores grow by 2^(age /
 *     halfLife) from here, so it must be within a few years of the data (a double holds 2^1000)
 * @param historyItems how many of a shopper's most recent products seed a personalised list
 * @param neighboursPerItem how many co-visited neighbours of each product are read
 * @param ownItemWeight weight of a shopper's own (not bought) products in the personalised list
 * @param neighbourWeight weight of co-visited neighbours of the shopper's products
 * @param trendingWeight weight of trending products (cold start and filler)
 * @param categoryAffinityWeight how much a shopper's category affinity boosts a trending product
 * @param maxPerCategory diversity: the most products of one category in one list (relaxed only when
 *     there are not enough others)
 * @param removedCooldown a product removed from the cart is not recommended for this long
 * @param rebuyable whether products already bought may be recommended again
 */
public record ModelSettings(
    Map<InteractionType, Double> weights,
    Duration sessionGap,
    int sessionItems,
    Duration halfLife,
    Instant decayEpoch,
    int historyItems,
    int neighboursPerItem,
    double ownItemWeight,
    double neighbourWeight,
    double trendingWeight,
    double categoryAffinityWeight,
    int maxPerCategory,
    Duration removedCooldown,
    boolean rebuyable)
    implements Serializable {

  public ModelSettings {
    weights = Map.copyOf(weights);
  }

  /** The defaults the quality report was measured with (see docs/recommendations.md). */
  public static ModelSettings defaults() {
    Map<InteractionType, Double> weights = new EnumMap<>(InteractionType.class);
    weights.put(InteractionType.PRODUCT_VIEWED, 1.0);
    weights.put(InteractionType.PRODUCT_CLICKED, 1.0);
    weights.put(InteractionType.ADDED_TO_CART, 1.0);
    weights.put(InteractionType.PURCHASED, 1.0);
    return new ModelSettings(
        weights,
        Duration.ofMinutes(30),
        3,
        Duration.ofDays(28),
        Instant.parse("2026-01-01T00:00:00Z"),
        2,
        80,
        0.02,
        1.0,
        0.02,
        3.0,
        5,
        Duration.ofDays(1),
        false);
  }

  /** The weight of one interaction type; 0 for types that say nothing about interest. */
  public double weight(InteractionType type) {
    return weights.getOrDefault(type, 0.0);
  }

  /** Forward decay (Cormode et al., ICDE 2009): a weight at {@code timeMs}, scaled to the epoch. */
  public double boost(long timeMs) {
    return Math.pow(2.0, (timeMs - decayEpoch.toEpochMilli()) / (double) halfLife.toMillis());
  }

  /** A stored forward-decayed score as its value at {@code nowMs}. */
  public double valueAt(double storedScore, long nowMs) {
    return storedScore / boost(nowMs);
  }
}
