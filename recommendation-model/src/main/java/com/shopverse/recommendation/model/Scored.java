package com.shopverse.recommendation.model;

/**
 * One recommended product with its score and why it was recommended.
 *
 * @param reason a short human-readable explanation ("because you viewed P00042")
 * @param reasonCode a stable machine-readable kind: {@code co_visitation}, {@code history}, {@code
 *     category_affinity}, {@code trending}
 */
public record Scored(String productId, double score, String reason, String reasonCode) {}
