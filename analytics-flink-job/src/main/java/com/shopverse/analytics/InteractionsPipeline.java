package com.shopverse.analytics;

import com.shopverse.analytics.functions.CoVisitationScores;
import com.shopverse.analytics.functions.CoVisitationSessions;
import com.shopverse.analytics.functions.DeduplicateByEventId;
import com.shopverse.analytics.functions.ParseInteraction;
import com.shopverse.analytics.functions.ProductMinuteStats;
import com.shopverse.analytics.functions.ShopperProfiles;
import com.shopverse.analytics.functions.Shoppers;
import com.shopverse.analytics.sink.ClickHouseSink;
import com.shopverse.analytics.sink.JsonRowFormat;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The pipeline, apart from where it reads and writes: tests pass their own source and sinks, {@link
 * AnalyticsJob} passes Kafka and ClickHouse.
 *
 * <pre>
 * source (JSON + trace id) -> parse (malformed to a side output) -> event time -> deduplicate by eventId
 *        -> interactions (raw, every event once)
 *        -> key by product -> per-minute counts -> product_minute_stats
 *        -> key by shopper -> sessions -> co-visitation increments
 *               -> key by (product, neighbour) -> co-visitation sums -> co_visitation
 *        -> key by (shopper, product) -> what the shopper did with the product -> shopper_items
 * </pre>
 *
 * Sinks are not chained to the operators before them: an insert waits on ClickHouse, and in its own
 * thread that wait no longer stalls the counting (on 2 cores this nearly doubled the job's rate).
 */
public final class InteractionsPipeline {

  private static final TypeInformation<Tuple2<String, String>> PAIR =
      Types.TUPLE(Types.STRING, Types.STRING);

  private InteractionsPipeline() {}

  public static void build(
      StreamExecutionEnvironment env,
      Source<RawInteraction, ?, ?> interactions,
      PipelineSinks sinks,
      PipelineSettings settings) {
    SingleOutputStreamOperator<InteractionRow> unique =
        env.fromSource(interactions, WatermarkStrategy.noWatermarks(), "user-interactions")
            .uid("source-user-interactions")
            .process(new ParseInteraction())
            .name("parse-interaction")
            .uid("parse-interaction")
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<InteractionRow>forBoundedOutOfOrderness(
                        settings.outOfOrderness())
                    .withTimestampAssigner((row, ts) -> row.eventTimeMs())
                    .withIdleness(settings.idleness()))
            .name("event-time")
            .uid("event-time")
            .keyBy(InteractionRow::eventId)
            .process(new DeduplicateByEventId(settings.dedupRetention()))
            .name("deduplicate-by-event-id")
            .uid("deduplicate-by-event-id");

    unique
        .sinkTo(sinks.interactions())
        .name("clickhouse-interactions")
        .uid("clickhouse-interactions")
        .disableChaining();

    unique
        .filter(row -> row.productId() != null && !row.productId().isEmpty())
        .name("with-product")
        .uid("with-product")
        .keyBy(InteractionRow::productId)
        .process(new ProductMinuteStats(settings.allowedLateness(), settings.statsFlushInterval()))
        .name("product-minute-stats")
        .uid("product-minute-stats")
        .sinkTo(sinks.productMinuteStats())
        .name("clickhouse-product-minute-stats")
        .uid("clickhouse-product-minute-stats")
        .disableChaining();

    SingleOutputStreamOperator<InteractionRow> modelled =
        unique.filter(Shoppers::modelled).name("modelled").uid("modelled");

    modelled
        .keyBy(Shoppers::key)
        .process(new CoVisitationSessions(settings.model()))
        .name("co-visitation-sessions")
        .uid("co-visitation-sessions")
        .keyBy(CoVisitationScores::pair, PAIR)
        .process(new CoVisitationScores(settings.statsFlushInterval()))
        .name("co-visitation-scores")
        .uid("co-visitation-scores")
        .sinkTo(sinks.coVisitation())
        .name("clickhouse-co-visitation")
        .uid("clickhouse-co-visitation")
        .disableChaining();

    modelled
        .keyBy(ShopperProfiles::shopperProduct, PAIR)
        .process(
            new ShopperProfiles(
                settings.model(), settings.statsFlushInterval(), settings.shopperRetention()))
        .name("shopper-profiles")
        .uid("shopper-profiles")
        .sinkTo(sinks.shopperItems())
        .name("clickhouse-shopper-items")
        .uid("clickhouse-shopper-items")
        .disableChaining();
  }

  /** The ClickHouse sinks of every table this pipeline writes. */
  public static PipelineSinks clickHouseSinks(ClickHouseSink.ClickHouseSinkSettings settings) {
    return new PipelineSinks(
        new ClickHouseSink<>(settings, "interactions", new JsonRowFormat<>()),
        new ClickHouseSink<>(settings, "product_minute_stats", new JsonRowFormat<>()),
        new ClickHouseSink<>(settings, "co_visitation", new JsonRowFormat<>()),
        new ClickHouseSink<>(settings, "shopper_items", new JsonRowFormat<>()));
  }
}
