package com.shopverse.recommendation;

import com.shopverse.events.InteractionType;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param clickhouseUrl ClickHouse's HTTP interface
 * @param clickhouseDatabase the database the Flink job writes
 * @param queryTimeout the longest a shopper waits for ClickHouse before getting a fallback
 * @param cacheTtl how long a computed list is served from memory
 * @param maxLimit the most items one request may ask for
 * @param windows trending windows by their public name ({@code 1h}, {@code 24h})
 * @param weights how much each interaction type counts towards a score
 */
@ConfigurationProperties("shopverse.recommendation")
public record RecommendationProperties(
    String clickhouseUrl,
    String clickhouseDatabase,
    Duration queryTimeout,
    Duration cacheTtl,
    int maxLimit,
    Map<String, Duration> windows,
    Map<InteractionType, Double> weights) {}
