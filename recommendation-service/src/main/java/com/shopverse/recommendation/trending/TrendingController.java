package com.shopverse.recommendation.trending;

import com.shopverse.defaults.ProblemException;
import com.shopverse.recommendation.RecommendationProperties;
import com.shopverse.recommendation.catalog.CatalogSnapshot;
import com.shopverse.recommendation.data.ModelData;
import com.shopverse.recommendation.model.Popular;
import com.shopverse.recommendation.model.ProductFacts;
import com.shopverse.recommendation.model.Scored;
import com.shopverse.recommendation.serving.PopularSnapshot;
import com.shopverse.recommendation.serving.Recommendations;
import com.shopverse.recommendation.serving.Requests;
import com.shopverse.recommendation.serving.Serving;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Trending products over a window, globally or in one category; active and in stock only. */
@RestController
class TrendingController {

  private final ModelData data;
  private final CatalogSnapshot catalog;
  private final PopularSnapshot popular;
  private final Serving serving;
  private final RecommendationProperties properties;

  TrendingController(
      ModelData data,
      CatalogSnapshot catalog,
      PopularSnapshot popular,
      Serving serving,
      RecommendationProperties properties) {
    this.data = data;
    this.catalog = catalog;
    this.popular = popular;
    this.serving = serving;
    this.properties = properties;
  }

  @GetMapping("/api/recommendations/trending")
  Recommendations trending(
      @RequestParam(defaultValue = "24h") String window,
      @RequestParam(required = false) String category,
      @RequestParam(defaultValue = "10") int limit) {
    Duration span = properties.windows().get(window);
    if (span == null) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          "window",
          "window must be one of " + properties.windows().keySet() + ".");
    }
    Requests.checkLimit(limit, properties.maxLimit());
    if (category != null) {
      Requests.checkId("category", category);
    }
    String reason =
        category == null
            ? "trending in the last " + window
            : "trending in " + category + " in the last " + window;
    return serving.serve(
        "trending",
        window,
        "trending/" + window + "/" + category + "/" + limit,
        // Over-fetch: some of the top products may be out of stock or inactive.
        () -> ranked(data.popular(span, category, limit * 3 + 20), category, reason, limit),
        () -> ranked(popular.get(), category, "popular", limit));
  }

  private List<Scored> ranked(List<Popular> items, String category, String reason, int limit) {
    return items.stream()
        .filter(
            item -> {
              ProductFacts facts = catalog.find(item.productId());
              return facts != null
                  && facts.recommendable()
                  && (category == null || category.equals(facts.categoryId()));
            })
        .limit(limit)
        .map(item -> new Scored(item.productId(), item.score(), reason, "trending"))
        .toList();
  }
}
