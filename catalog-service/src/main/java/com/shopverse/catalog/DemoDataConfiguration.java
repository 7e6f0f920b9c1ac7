package com.shopverse.catalog;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DemoDataConfiguration {

  /** Adds the repeatable demo-catalog migration when {@code shopverse.catalog.demo-data} is on. */
  @Bean
  FlywayConfigurationCustomizer demoCatalog(CatalogProperties properties) {
    return flyway -> {
      if (properties.demoData()) {
        var locations =
            Stream.concat(
                    Arrays.stream(flyway.getLocations()).map(Object::toString),
                    Stream.of("classpath:db/demo"))
                .toArray(String[]::new);
        flyway.locations(locations);
      }
    };
  }
}
