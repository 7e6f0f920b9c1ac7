package com.shopverse.recommendation.quality;

import java.util.List;

/** One way of ranking products for a shopper from the replayed model. */
interface Recommender {

  String name();

  /** Product ids, best first, at most {@code limit}. */
  List<String> recommend(OnlineModel model, String shopperId, long nowMs, int limit);
}
