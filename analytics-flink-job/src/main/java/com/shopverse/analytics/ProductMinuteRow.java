package com.shopverse.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One row of {@code product_minute_stats}: the exact counts of one product in one minute of event
 * time, as of {@code version}. A later version of the same (minute, product) replaces it. {@code
 * purchases} and {@code revenueMinor} (in minor units of {@code currency}) come from paid orders.
 */
public record ProductMinuteRow(
    @JsonProperty("minute") long minuteEpochSecond,
    @JsonProperty("event_date") String eventDate,
    @JsonProperty("product_id") String productId,
    @JsonProperty("category_id") String categoryId,
    @JsonProperty("views") long views,
    @JsonProperty("clicks") long clicks,
    @JsonProperty("carts") long carts,
    @JsonProperty("removes") long removes,
    @JsonProperty("purchases") long purchases,
    @JsonProperty("revenue_minor") long revenueMinor,
    @JsonProperty("currency") String currency,
    @JsonProperty("version") long version) {}
