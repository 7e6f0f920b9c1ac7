package com.shopverse.recommendation.quality;

import com.shopverse.recommendation.model.HybridRecommender;
import com.shopverse.recommendation.model.ModelSettings;
import com.shopverse.recommendation.model.Neighbour;
import com.shopverse.recommendation.model.Scored;
import com.shopverse.recommendation.model.ShopperItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hybrid, exactly as the service calls it: the shopper's items, the neighbours of the recent
 * ones, the popular list.
 */
final class HybridRanking implements Recommender {

  private final String name;
  private final HybridRecommender recommender;

  HybridRanking(String name, ModelSettings settings) {
    this.name = name;
    this.recommender = new HybridRecommender(settings);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> recommend(OnlineModel model, String shopperId, long nowMs, int limit) {
    List<ShopperItem> history = model.history(shopperId);
    Map<String, List<Neighbour>> neighbours = new HashMap<>();
    for (ShopperItem item : recommender.recent(history)) {
      neighbours.put(item.productId, model.neighbours(item.productId));
    }
    return recommender
        .personalised(history, neighbours, model.popular(nowMs), model.catalog(), nowMs, limit)
        .stream()
        .map(Scored::productId)
        .toList();
  }
}
