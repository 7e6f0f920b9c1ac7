package com.shopverse.recommendation.similar;

import com.shopverse.recommendation.RecommendationProperties;
import com.shopverse.recommendation.catalog.CatalogSnapshot;
import com.shopverse.recommendation.data.ModelData;
import com.shopverse.recommendation.model.HybridRecommender;
import com.shopverse.recommendation.model.Neighbour;
import com.shopverse.recommendation.serving.PopularSnapshot;
import com.shopverse.recommendation.serving.Recommendations;
import com.shopverse.recommendation.serving.Requests;
import com.shopverse.recommendation.serving.Serving;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Products shoppers visit together with a product ("customers also viewed / bought"), filled up
 * with what is popular in its category. An unknown product gets popular products, not an error.
 */
@RestController
class SimilarController {

  /** Read more neighbours than asked for: some may be filtered out (out of stock, inactive). */
  private static final int OVER_FETCH = 3;

  private final ModelData data;
  private final HybridRecommender recommender;
  private final CatalogSnapshot catalog;
  private final PopularSnapshot popular;
  private final Serving serving;
  private final RecommendationProperties properties;

  SimilarController(
      ModelData data,
      HybridRecommender recommender,
      CatalogSnapshot catalog,
      PopularSnapshot popular,
      Serving serving,
      RecommendationProperties properties) {
    this.data = data;
    this.recommender = recommender;
    this.catalog = catalog;
    this.popular = popular;
    this.serving = serving;
    this.properties = properties;
  }

  @GetMapping("/api/recommendations/similar/{productId}")
  Recommendations similar(
      @PathVariable String productId, @RequestParam(defaultValue = "10") int limit) {
    Requests.checkId("productId", productId);
    Requests.checkLimit(limit, properties.maxLimit());
    return serving.serve(
        "similar",
        null,
        "similar/" + productId + "/" + limit,
        () -> {
          List<Neighbour> neighbours =
              data.neighbours(Set.of(productId), limit * OVER_FETCH + 10)
                  .getOrDefault(productId, List.of());
          return recommender.similar(productId, neighbours, popular.get(), catalog, limit);
        },
        () -> recommender.similar(productId, List.of(), popular.get(), catalog, limit));
  }
}
