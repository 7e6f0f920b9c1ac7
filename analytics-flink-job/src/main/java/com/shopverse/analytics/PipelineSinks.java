package com.shopverse.analytics;

import org.apache.flink.api.connector.sink2.Sink;

/** Where the pipeline writes: one sink per ClickHouse table. */
public record PipelineSinks(
    Sink<InteractionRow> interactions,
    Sink<ProductMinuteRow> productMinuteStats,
    Sink<CoVisitationRow> coVisitation,
    Sink<ShopperItemRow> shopperItems) {}
