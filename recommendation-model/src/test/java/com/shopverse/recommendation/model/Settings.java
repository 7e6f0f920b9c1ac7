package com.shopverse.recommendation.model;

import com.shopverse.events.InteractionType;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Object mother: explicit model settings, so tests do not move when the defaults are tuned. */
final class Settings {

  static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  static final long T0 = EPOCH.toEpochMilli();
  static final long MINUTE = 60_000;
  static final long DAY = 86_400_000;

  private Settings() {}

  static ModelSettings standard() {
    return withCap(4);
  }

  static ModelSettings withCap(int maxPerCategory) {
    Map<InteractionType, Double> weights = new EnumMap<>(InteractionType.class);
    weights.put(InteractionType.PRODUCT_VIEWED, 1.0);
    weights.put(InteractionType.PRODUCT_CLICKED, 2.0);
    weights.put(InteractionType.ADDED_TO_CART, 4.0);
    weights.put(InteractionType.PURCHASED, 6.0);
    return new ModelSettings(
        weights,
        Duration.ofMinutes(30),
        20,
        Duration.ofDays(7),
        EPOCH,
        20,
        20,
        1.0,
        1.0,
        0.2,
        1.0,
        maxPerCategory,
        Duration.ofDays(1),
        false);
  }
}
