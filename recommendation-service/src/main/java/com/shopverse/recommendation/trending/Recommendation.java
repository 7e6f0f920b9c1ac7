package com.shopverse.recommendation.trending;

/** One recommended product, its score and why it is recommended. */
record Recommendation(String productId, double score, String reason) {}
