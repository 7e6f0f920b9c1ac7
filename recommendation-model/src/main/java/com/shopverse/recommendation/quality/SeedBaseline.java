package com.shopverse.recommendation.quality;

import com.shopverse.recommendation.model.ShopperItem;
import java.util.Comparator;
import java.util.List;

/**
 * The seed's recommender: the shopper's own products by weighted score (view or click +1, cart +3,
 * order +5), forward-decayed so recent ones weigh more. Nothing else; nothing filtered.
 */
final class SeedBaseline implements Recommender {

  @Override
  public String name() {
    return "Seed weighted score";
  }

  @Override
  public List<String> recommend(OnlineModel model, String shopperId, long nowMs, int limit) {
    return model.seedHistory(shopperId).stream()
        .sorted(
            Comparator.comparingDouble((ShopperItem item) -> item.score)
                .reversed()
                .thenComparing(item -> item.productId))
        .limit(limit)
        .map(item -> item.productId)
        .toList();
  }
}
