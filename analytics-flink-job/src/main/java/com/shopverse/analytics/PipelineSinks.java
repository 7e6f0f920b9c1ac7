package com.shopverse.analytics;

import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the pipeline writes: one sink per ClickHouse table, and the dead-letter topics. With {@code
 * deadLetters} null (tests without Kafka) refused records are only counted.
 */
public record PipelineSinks(
    Sink<InteractionRow> interactions,
    Sink<ProductMinuteRow> productMinuteStats,
    Sink<CoVisitationRow> coVisitation,
    Sink<ShopperItemRow> shopperItems,
    Sink<ProductRow> products,
    Sink<DeadLetter> deadLetters) {

  /** The same sinks, refused records going to {@code deadLetters}. */
  public PipelineSinks withDeadLetters(Sink<DeadLetter> sink) {
    return new PipelineSinks(
        interactions, productMinuteStats, coVisitation, shopperItems, products, sink);
  }

  /** The same sinks, per-minute statistics going to {@code sink}. */
  public PipelineSinks withProductMinuteStats(Sink<ProductMinuteRow> sink) {
    return new PipelineSinks(interactions, sink, coVisitation, shopperItems, products, deadLetters);
  }
}
