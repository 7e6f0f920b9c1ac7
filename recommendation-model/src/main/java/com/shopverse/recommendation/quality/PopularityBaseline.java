package com.shopverse.recommendation.quality;

import com.shopverse.recommendation.model.Popular;
import java.util.List;

/** The same list for everyone: the most popular products right now. */
final class PopularityBaseline implements Recommender {

  @Override
  public String name() {
    return "Popularity";
  }

  @Override
  public List<String> recommend(OnlineModel model, String shopperId, long nowMs, int limit) {
    return model.popular(nowMs).stream().limit(limit).map(Popular::productId).toList();
  }
}
