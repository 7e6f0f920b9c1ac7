package com.shopverse.recommendation.model;

/**
 * Co-visitation of two products grew by {@code delta} (forward-decayed, see {@link
 * ModelSettings#boost}). Always emitted in both directions.
 */
public record PairIncrement(String productId, String neighbourId, double delta) {}
