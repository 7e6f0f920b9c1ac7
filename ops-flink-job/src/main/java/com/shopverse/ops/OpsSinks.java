package com.shopverse.ops;

import org.apache.flink.api.connector.sink2.Sink;

/** Where the pipeline writes: anomalies to a table and a topic, forecasts to a table. */
public record OpsSinks(
    Sink<AnomalyRow> anomalyTable, Sink<AnomalyRow> anomalyTopic, Sink<ForecastRow> forecasts) {}
