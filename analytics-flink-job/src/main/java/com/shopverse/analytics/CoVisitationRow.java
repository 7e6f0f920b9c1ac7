package com.shopverse.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One row of {@code co_visitation}: how strongly shoppers visit {@code neighbourId} in the same
 * session as {@code productId} (forward-decayed), as of {@code version}.
 */
public record CoVisitationRow(
    @JsonProperty("product_id") String productId,
    @JsonProperty("neighbour_id") String neighbourId,
    @JsonProperty("score") double score,
    @JsonProperty("updated_ms") long updatedMs,
    @JsonProperty("version") long version) {}
