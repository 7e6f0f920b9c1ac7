package com.shopverse.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopverse.analytics.functions.DeduplicateByEventId;
import com.shopverse.analytics.functions.ParseInteraction;
import com.shopverse.analytics.sink.ClickHouseSink;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The pipeline, apart from where it reads and writes: tests pass their own source and sink, {@link
 * AnalyticsJob} passes Kafka and ClickHouse.
 */
public final class InteractionsPipeline {

  private static final ObjectMapper JSON = new ObjectMapper();

  private InteractionsPipeline() {}

  public static void build(
      StreamExecutionEnvironment env,
      Source<String, ?, ?> interactions,
      Sink<InteractionRow> rawSink,
      Duration dedupRetention) {
    DataStream<String> records =
        env.fromSource(interactions, WatermarkStrategy.noWatermarks(), "user-interactions")
            .uid("source-user-interactions");

    SingleOutputStreamOperator<InteractionRow> parsed =
        records.process(new ParseInteraction()).name("parse-interaction").uid("parse-interaction");

    parsed
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<InteractionRow>forBoundedOutOfOrderness(Duration.ofSeconds(5))
                .withTimestampAssigner((row, ts) -> row.occurredMs())
                .withIdleness(Duration.ofSeconds(30)))
        .name("event-time")
        .uid("event-time")
        .keyBy(InteractionRow::eventId)
        .process(new DeduplicateByEventId(dedupRetention))
        .name("deduplicate-by-event-id")
        .uid("deduplicate-by-event-id")
        .sinkTo(rawSink)
        .name("clickhouse-interactions")
        .uid("clickhouse-interactions");
  }

  /** The sink for the raw {@code interactions} table. */
  public static Sink<InteractionRow> interactionsSink(
      ClickHouseSink.ClickHouseSinkSettings settings) {
    return new ClickHouseSink<>(settings, "interactions", InteractionsPipeline::toJson);
  }

  private static String toJson(InteractionRow row) throws Exception {
    return JSON.writeValueAsString(row);
  }
}
