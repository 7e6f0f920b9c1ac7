package com.shopverse.recommendation;

import com.shopverse.clickhouse.ClickHouseHttp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClickHouseConfiguration {

  @Bean
  ClickHouseHttp clickHouse(RecommendationProperties properties) {
    return ClickHouseHttp.of(
        properties.clickhouseUrl(), properties.clickhouseDatabase(), properties.queryTimeout());
  }
}
