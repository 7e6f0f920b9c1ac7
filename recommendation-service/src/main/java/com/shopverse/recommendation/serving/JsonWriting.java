package com.shopverse.recommendation.serving;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamWriteFeature;

/**
 * Every list item carries a double score. The JDK's {@code Double.toString} (Jackson's default) was
 * the largest single allocation of a serving request; Jackson's Schubfach writer prints the
 * shortest text that reads back as the same double, with less garbage.
 */
@Configuration(proxyBeanMethods = false)
class JsonWriting {

  @Bean
  JsonMapperBuilderCustomizer fastDoubles() {
    return builder -> builder.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
  }
}
