package com.shopverse.recommendation.personal;

import com.shopverse.recommendation.RecommendationProperties;
import com.shopverse.recommendation.catalog.CatalogSnapshot;
import com.shopverse.recommendation.index.ModelIndex;
import com.shopverse.recommendation.model.HybridRecommender;
import com.shopverse.recommendation.model.Neighbour;
import com.shopverse.recommendation.model.Scored;
import com.shopverse.recommendation.model.ShopperItem;
import com.shopverse.recommendation.serving.PopularSnapshot;
import com.shopverse.recommendation.serving.Recommendations;
import com.shopverse.recommendation.serving.Requests;
import com.shopverse.recommendation.serving.Serving;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists for the calling shopper: the one from the token, or an anonymous shopper's session from
 * {@code X-Anonymous-Id}. A shopper the pipeline has not seen yet gets a cold-start list.
 */
@RestController
class PersonalController {

  private final ModelIndex index;
  private final HybridRecommender recommender;
  private final CatalogSnapshot catalog;
  private final PopularSnapshot popular;
  private final Serving serving;
  private final RecommendationProperties properties;

  PersonalController(
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

  @GetMapping("/api/recommendations/for-you")
  Recommendations forYou(
      @AuthenticationPrincipal Jwt token,
      @RequestHeader(name = "X-Anonymous-Id", required = false) String anonymousId,
      @RequestParam(defaultValue = "10") int limit) {
    Requests.checkLimit(limit, properties.maxLimit());
    String shopper = Requests.shopperKey(token, anonymousId);
    return serving.serveFromIndex(
        "for-you", () -> personalised(shopper, limit), () -> coldStart(limit));
  }

  @GetMapping("/api/recommendations/recently-viewed")
  Recommendations recentlyViewed(
      @AuthenticationPrincipal Jwt token,
      @RequestHeader(name = "X-Anonymous-Id", required = false) String anonymousId,
      @RequestParam(defaultValue = "10") int limit) {
    Requests.checkLimit(limit, properties.maxLimit());
    String shopper = Requests.shopperKey(token, anonymousId);
    return serving.serveFromIndex(
        "recently-viewed", () -> recentlyViewed(shopper, limit), List::of);
  }

  private List<Scored> personalised(String shopper, int limit) {
    List<ShopperItem> history = index.history(shopper);
    List<ShopperItem> recent = recommender.recent(history);
    List<String> seeds = new ArrayList<>(recent.size());
    for (ShopperItem item : recent) {
      seeds.add(item.productId);
    }
    Map<String, List<Neighbour>> neighbours = index.neighbours(seeds);
    return recommender.personalised(
        history, neighbours, popular.get(), catalog, System.currentTimeMillis(), limit);
  }

  private List<Scored> coldStart(int limit) {
    return recommender.personalised(
        List.of(), Map.of(), popular.get(), catalog, System.currentTimeMillis(), limit);
  }

  private List<Scored> recentlyViewed(String shopper, int limit) {
    return index.history(shopper).stream()
        .filter(item -> item.lastViewedMs > 0)
        .filter(item -> catalog.find(item.productId) != null)
        .sorted(Comparator.comparingLong((ShopperItem item) -> item.lastViewedMs).reversed())
        .limit(limit)
        .map(
            item ->
                new Scored(
                    item.productId,
                    item.lastViewedMs,
                    "you viewed this at " + Instant.ofEpochMilli(item.lastViewedMs),
                    "recently_viewed"))
        .toList();
  }
}
