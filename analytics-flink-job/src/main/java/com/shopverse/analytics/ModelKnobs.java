package com.shopverse.analytics;

import com.shopverse.events.InteractionType;
import com.shopverse.recommendation.model.ModelSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model settings the job's stored scores depend on (type weights, session gap and size,
 * half-life, decay epoch), from the same environment variables recommendation-service binds ({@code
 * SHOPVERSE_RECOMMENDATION_MODEL_HALFLIFE=3d}, {@code
 * SHOPVERSE_RECOMMENDATION_MODEL_WEIGHTS_ADDEDTOCART=5}), so one setting configures both. Durations
 * are written as Spring writes them ({@code 250ms}, {@code 30m}, {@code 7d}) or in ISO-8601.
 */
final class ModelKnobs {

  private static final String PREFIX = "SHOPVERSE_RECOMMENDATION_MODEL_";
  private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private ModelKnobs() {}

  static ModelSettings from(UnaryOperator<String> env) {
    ModelSettings d = ModelSettings.defaults();
    Map<InteractionType, Double> weights = new EnumMap<>(InteractionType.class);
    weights.putAll(d.weights());
    for (InteractionType type : InteractionType.values()) {
      String value = env.apply(PREFIX + "WEIGHTS_" + type.name().replace("_", ""));
      if (value != null && !value.isBlank()) {
        weights.put(type, Double.parseDouble(value.strip()));
      }
    }
    return new ModelSettings(
        weights,
        duration(env, "SESSIONGAP", d.sessionGap()),
        integer(env, "SESSIONITEMS", d.sessionItems()),
        duration(env, "HALFLIFE", d.halfLife()),
        instant(env, "DECAYEPOCH", d.decayEpoch()),
        d.historyItems(),
        d.neighboursPerItem(),
        d.ownItemWeight(),
        d.neighbourWeight(),
        d.trendingWeight(),
        d.categoryAffinityWeight(),
        d.maxPerCategory(),
        d.removedCooldown(),
        d.rebuyable());
  }

  static Duration parseDuration(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    Matcher simple = SIMPLE.matcher(value);
    if (!simple.matches()) {
      return Duration.parse(text.strip());
    }
    long amount = Long.parseLong(simple.group(1));
    return switch (simple.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  private static Duration duration(UnaryOperator<String> env, String name, Duration fallback) {
    String value = env.apply(PREFIX + name);
    return value == null || value.isBlank() ? fallback : parseDuration(value);
  }

  private static int integer(UnaryOperator<String> env, String name, int fallback) {
    String value = env.apply(PREFIX + name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
  }

  private static Instant instant(UnaryOperator<String> env, String name, Instant fallback) {
    String value = env.apply(PREFIX + name);
    return value == null || value.isBlank() ? fallback : Instant.parse(value.strip());
  }
}
