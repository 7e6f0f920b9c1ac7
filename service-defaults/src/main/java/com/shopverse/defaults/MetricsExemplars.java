package com.shopverse.defaults;

import io.prometheus.metrics.tracer.common.SpanContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * {@code shopverse.metrics.exemplars=false} ({@code METRICS_EXEMPLARS=false}) scrapes without trace
 * exemplars. Micrometer puts an exemplar on every timer's {@code _count} line, and Prometheus
 * before 2.43 (Debian 12 ships 2.42) drops the whole scrape over it ("does not support exemplars").
 * Boot samples exemplars through a {@link SpanContext} bean it defines only when none exists; this
 * one never offers a span, so no exemplar is written. Default: on.
 */
@AutoConfiguration(
    beforeName =
        "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration")
@ConditionalOnClass(SpanContext.class)
@ConditionalOnProperty(name = "shopverse.metrics.exemplars", havingValue = "false")
public class MetricsExemplars {

  @Bean
  SpanContext noExemplars() {
    return new SpanContext() {
      @Override
      public String getCurrentTraceId() {
        return null;
      }

      @Override
      public String getCurrentSpanId() {
        return null;
      }

      @Override
      public boolean isCurrentSpanSampled() {
        return false;
      }

      @Override
      public void markCurrentSpanAsExemplar() {}
    };
  }
}
