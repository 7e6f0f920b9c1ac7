package com.shopverse.recommendation.serving;

import com.shopverse.recommendation.model.Scored;

/**
 * One recommended product, its score and why it is recommended.
 *
 * @param reasonCode {@code co_visitation}, {@code history}, {@code category_affinity}, {@code
 *     trending} or {@code recently_viewed}
 */
public record Recommendation(String productId, double score, String reason, String reasonCode) {

  static Recommendation of(Scored scored) {
    return new Recommendation(
        scored.productId(), scored.score(), scored.reason(), scored.reasonCode());
  }
}
