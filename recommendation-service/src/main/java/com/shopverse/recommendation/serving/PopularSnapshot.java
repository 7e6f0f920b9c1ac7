package com.shopverse.recommendation.serving;

import com.shopverse.clickhouse.ClickHouseException;
import com.shopverse.recommendation.RecommendationProperties;
import com.shopverse.recommendation.data.ModelData;
import com.shopverse.recommendation.model.Popular;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The most popular products of the last {@code popular-window}, recomputed in the background: the
 * cold-start candidates of every personalised list (so a request costs no extra query) and what is
 * served when ClickHouse is down. Keeps the last good snapshot when a refresh fails.
 */
@Component
public class PopularSnapshot {

  private static final Logger log = LoggerFactory.getLogger(PopularSnapshot.class);

  private final ModelData data;
  private final RecommendationProperties properties;
  private volatile List<Popular> popular = List.of();

  PopularSnapshot(ModelData data, RecommendationProperties properties) {
    this.data = data;
    this.properties = properties;
  }

  public List<Popular> get() {
    return popular;
  }

  @Scheduled(initialDelay = 0, fixedDelayString = "${shopverse.recommendation.popular-refresh}")
  void refresh() {
    try {
      popular = data.popular(properties.popularWindow(), null, properties.popularSize());
    } catch (ClickHouseException e) {
      log.warn("Popularity snapshot kept ({} products): {}", popular.size(), e.getMessage());
    }
  }
}
