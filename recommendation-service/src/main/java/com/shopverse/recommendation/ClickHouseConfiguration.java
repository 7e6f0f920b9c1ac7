package com.shopverse.recommendation;

import com.shopverse.clickhouse.ClickHouseHttp;
import com.shopverse.recommendation.model.HybridRecommender;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ClickHouseConfiguration {

  @Bean
  ClickHouseHttp clickHouse(RecommendationProperties properties) {
    return ClickHouseHttp.of(
        properties.clickhouseUrl(), properties.clickhouseDatabase(), properties.queryTimeout());
  }

  @Bean
  HybridRecommender recommender(RecommendationProperties properties) {
    return new HybridRecommender(properties.modelSettings());
  }
}
