/**
 * The offline quality harness: replays shopper sessions through the model's own code (the same
 * {@code Session}, {@code ShopperItem} and {@code HybridRecommender} the Flink job and the service
 * run) and measures how well each recommender predicts what shoppers did next. See
 * docs/recommendations.md.
 */
package com.shopverse.recommendation.quality;
