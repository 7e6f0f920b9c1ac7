package com.shopverse.recommendation.serving;

import com.shopverse.recommendation.index.ModelIndex;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Freshness as a metric: {@code shopverse.recommendations.data.age} is how old the newest shopper
 * interaction is that recommendations can see (event time of the newest row in the model index). It
 * grows when the pipeline or the index stalls — or when nobody shops, so alert on it together with
 * the ingest rate. NaN until the index holds a row.
 */
@Component
class DataFreshness {

  DataFreshness(ModelIndex index, MeterRegistry meters) {
    Gauge.builder(
            "shopverse.recommendations.data.age",
            index,
            i ->
                i.newestEventMs() == 0
                    ? Double.NaN
                    : System.currentTimeMillis() - i.newestEventMs())
        .baseUnit("milliseconds")
        .description("Age of the newest shopper interaction visible to recommendations")
        .register(meters);
  }
}
