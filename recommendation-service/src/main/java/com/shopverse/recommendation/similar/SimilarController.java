package com.shopverse.recommendation.similar;

import com.shopverse.recommendation.RecommendationProperties;
import com.shopverse.recommendation.catalog.CatalogSnapshot;
import com.shopverse.recommendation.index.ModelIndex;
import com.shopverse.recommendation.model.HybridRecommender;
import com.shopverse.recommendation.model.Neighbour;
import com.shopverse.recommendation.serving.PopularSnapshot;
import com.shopverse.recommendation.serving.Recommendations;
import com.shopverse.recommendation.serving.Requests;
import com.shopverse.recommendation.serving.Serving;
import java.util.List;
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

  private final ModelIndex index;
  private final HybridRecommender recommender;
  private final CatalogSnapshot catalog;
  private final PopularSnapshot popular;
  private final Serving serving;
  private final RecommendationProperties properties;

  SimilarController(
      ModelIndex index,
      HybridRecommender recommender,
      CatalogSnapshot catalog,
      PopularSnapshot popular,
      Serving serving,
      RecommendationProperties properties) {
    this.index = index;
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
    return serving.serveFromIndex(
        "similar",
        () -> {
          List<Neighbour> neighbours =
              index.neighbours(List.of(productId)).getOrDefault(productId, List.of());
          return recommender.similar(productId, neighbours, popular.get(), catalog, limit);
        },
        () -> recommender.similar(productId, List.of(), popular.get(), catalog, limit));
  }
}
