package com.shopverse.ops;

import com.shopverse.ops.functions.CountInBucket;
import com.shopverse.ops.functions.LateEvents;
import com.shopverse.ops.functions.ParseSeries;
import com.shopverse.ops.functions.PeerBuckets;
import com.shopverse.ops.functions.SeriesForecaster;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The job's dataflow, with its sources and sinks as parameters so tests can hand in their own:
 *
 * <pre>
 * user-interactions ─parse─┐
 * order-events ─────parse──┼─ count per series key and bucket ─┬─ aggregate series ─ Holt-Winters ─▶ forecasts, anomalies
 * auth-events ──────parse──┘                 │                 └─ keyed series ─ peers per bucket ─▶ anomalies
 *                                             └─ too late for its bucket ─▶ counted (late_events)
 * </pre>
 */
public final class OpsPipeline {

  private static final OutputTag<SeriesEvent> LATE = new OutputTag<>("late-events") {};

  private OpsPipeline() {}

  public static void build(
      StreamExecutionEnvironment env,
      Source<String, ?, ?> interactions,
      Source<String, ?, ?> orders,
      Source<String, ?, ?> auth,
      OpsSinks sinks,
      PipelineSettings settings) {
    DataStream<SeriesEvent> interactionSeries =
        timed(
            env.fromSource(interactions, WatermarkStrategy.noWatermarks(), "user-interactions")
                .uid("source-user-interactions")
                .flatMap(ParseSeries.interactions())
                .name("parse-interactions")
                .uid("parse-interactions"),
            settings,
            "interactions");
    DataStream<SeriesEvent> orderSeries =
        timed(
            env.fromSource(orders, WatermarkStrategy.noWatermarks(), "order-events")
                .uid("source-order-events")
                .flatMap(ParseSeries.orders())
                .name("parse-orders")
                .uid("parse-orders"),
            settings,
            "orders");
    // Idle almost always (failed logins are rare): the idleness setting keeps it from holding
    // back the other sources' watermark.
    DataStream<SeriesEvent> authSeries =
        timed(
            env.fromSource(auth, WatermarkStrategy.noWatermarks(), "auth-events")
                .uid("source-auth-events")
                .flatMap(ParseSeries.auth())
                .name("parse-auth")
                .uid("parse-auth"),
            settings,
            "auth");

    SingleOutputStreamOperator<BucketCount> counts =
        interactionSeries
            .union(orderSeries, authSeries)
            .keyBy(CountInBucket::keyOf)
            .window(TumblingEventTimeWindows.of(settings.bucket()))
            .sideOutputLateData(LATE)
            .aggregate(new CountInBucket.Count(), new CountInBucket.Label())
            .name("count-per-bucket")
            .uid("count-per-bucket");
    counts
        .getSideOutput(LATE)
        .process(new LateEvents())
        .name("late-events")
        .uid("late-events")
        .sinkTo(new DiscardingSink<>())
        .name("late-events-counted")
        .uid("sink-late-events");

    SingleOutputStreamOperator<ForecastRow> forecasts =
        counts
            .filter(c -> SeriesEvent.AGGREGATE.equals(c.key()))
            .name("aggregate-series")
            .uid("aggregate-series")
            .keyBy(BucketCount::series)
            .process(new SeriesForecaster(settings.model(), settings.bucket()))
            .name("seasonal-forecast")
            .uid("seasonal-forecast");

    DataStream<AnomalyRow> peerAnomalies =
        counts
            .filter(c -> !SeriesEvent.AGGREGATE.equals(c.key()))
            .name("keyed-series")
            .uid("keyed-series")
            .keyBy(BucketCount::series)
            .window(TumblingEventTimeWindows.of(settings.bucket()))
            .process(new PeerBuckets(settings.model(), settings.keyRetention()))
            .name("peer-detector")
            .uid("peer-detector");

    DataStream<AnomalyRow> anomalies =
        forecasts.getSideOutput(SeriesForecaster.ANOMALIES).union(peerAnomalies);

    forecasts.sinkTo(sinks.forecasts()).name("clickhouse-series_forecasts").uid("sink-forecasts");
    anomalies.sinkTo(sinks.anomalyTable()).name("clickhouse-anomalies").uid("sink-anomalies");
    anomalies.sinkTo(sinks.anomalyTopic()).name("kafka-anomalies").uid("sink-anomalies-topic");
  }

  private static DataStream<SeriesEvent> timed(
      DataStream<SeriesEvent> stream, PipelineSettings settings, String name) {
    return stream
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<SeriesEvent>forBoundedOutOfOrderness(settings.outOfOrderness())
                .withTimestampAssigner((e, ts) -> e.timeMs())
                .withIdleness(settings.idleness()))
        .name("event-time-" + name)
        .uid("event-time-" + name);
  }
}
