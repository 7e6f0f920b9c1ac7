package com.shopverse.analytics;

import com.shopverse.analytics.functions.BotFilter;
import com.shopverse.analytics.functions.BotFlags;
import com.shopverse.analytics.functions.CoVisitationScores;
import com.shopverse.analytics.functions.CoVisitationSessions;
import com.shopverse.analytics.functions.DeadLetters;
import com.shopverse.analytics.functions.DeduplicateByEventId;
import com.shopverse.analytics.functions.PaidOrders;
import com.shopverse.analytics.functions.ParseAnomaly;
import com.shopverse.analytics.functions.ParseRecord;
import com.shopverse.analytics.functions.ProductDimension;
import com.shopverse.analytics.functions.ProductMinuteStats;
import com.shopverse.analytics.functions.ShopperProfiles;
import com.shopverse.analytics.functions.Shoppers;
import com.shopverse.analytics.sink.ClickHouseSink;
import com.shopverse.analytics.sink.JsonRowFormat;
import com.shopverse.events.InteractionType;
import java.util.function.ToLongFunction;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The pipeline, apart from where it reads and writes: tests pass their own sources and sinks,
 * {@link AnalyticsJob} passes Kafka and ClickHouse.
 *
 * <pre>
 * user-interactions -> parse (refused to the dead letters) -> event time -> deduplicate by eventId
 *        -> interactions (raw, every event once, a client's PURCHASED included)
 *        -> views, clicks, carts, removals ─┐
 *        -> key by shopper -> sessions -> co-visitation increments
 *               -> key by (product, neighbour) -> co-visitation sums -> co_visitation
 *        -> (no client PURCHASED) ∪ paid lines -> key by (shopper, product) -> shopper_items
 * order-events -> parse -> event time -> deduplicate -> key by order -> paid lines ─┤
 * catalog-events -> parse -> event time -> deduplicate -> key by product -> products
 *                                                          └─ the product's category ─┤
 *        key by product -> per-minute counts, purchases, revenue -> product_minute_stats  ◀─┘
 * anomalies -> parse (peer anomalies of shoppers, upwards: bot flags) -> broadcast to
 *        bot-filter (after the raw table, before everything that trains), sessions, profiles
 * the four parsers' refused records -> dead letters (topic.dlt)
 * </pre>
 *
 * Sinks are not chained to the operators before them: an insert waits on ClickHouse, and in its own
 * thread that wait no longer stalls the counting (on 2 cores this nearly doubled the job's rate).
 */
public final class InteractionsPipeline {

  private static final TypeInformation<Tuple2<String, String>> PAIR =
      Types.TUPLE(Types.STRING, Types.STRING);
  private static final TypeInformation<ProductActivity> ACTIVITY =
      TypeInformation.of(ProductActivity.class);
  private static final TypeInformation<InteractionRow> INTERACTION =
      TypeInformation.of(InteractionRow.class);

  private InteractionsPipeline() {}

  /** The interactions alone (tests of that part). */
  public static void build(
      StreamExecutionEnvironment env,
      Source<RawRecord, ?, ?> interactions,
      PipelineSinks sinks,
      PipelineSettings settings) {
    build(env, PipelineSources.interactionsOnly(interactions), sinks, settings);
  }

  public static void build(
      StreamExecutionEnvironment env,
      PipelineSources sources,
      PipelineSinks sinks,
      PipelineSettings settings) {
    SingleOutputStreamOperator<InteractionRow> parsed =
        env.fromSource(
                sources.interactions(), WatermarkStrategy.noWatermarks(), "user-interactions")
            .uid("source-user-interactions")
            .process(ParseRecord.interactions())
            .name("parse-interaction")
            .uid("parse-interaction");
    DataStream<DeadLetter> deadLetters = parsed.getSideOutput(DeadLetters.TAG);
    SingleOutputStreamOperator<InteractionRow> unique =
        parsed
            .assignTimestampsAndWatermarks(eventTime(settings, InteractionRow::eventTimeMs))
            .name("event-time")
            .uid("event-time")
            .keyBy(InteractionRow::eventId)
            .process(new DeduplicateByEventId<InteractionRow>(settings.dedupRetention()))
            .returns(INTERACTION)
            .name("deduplicate-by-event-id")
            .uid("deduplicate-by-event-id");

    unique
        .sinkTo(sinks.interactions())
        .name("clickhouse-interactions")
        .uid("clickhouse-interactions")
        .disableChaining();

    // Bots the ops job flagged: their interactions stay raw, and train nothing from here on.
    DataStream<BotFlag> botFlags;
    if (sources.anomalies() != null) {
      SingleOutputStreamOperator<BotFlag> parsedFlags =
          env.fromSource(sources.anomalies(), WatermarkStrategy.noWatermarks(), "anomalies")
              .uid("source-anomalies")
              .process(new ParseAnomaly(settings.botFlagTtl()))
              .name("parse-anomaly")
              .uid("parse-anomaly");
      deadLetters = deadLetters.union(parsedFlags.getSideOutput(DeadLetters.TAG));
      // Idle like the other quiet topics, so it does not hold the watermark back.
      botFlags =
          parsedFlags
              .assignTimestampsAndWatermarks(eventTime(settings, BotFlag::bucketEndMs))
              .name("anomaly-event-time")
              .uid("anomaly-event-time");
    } else {
      // No anomalies source (tests of the interactions alone): a stream that never flags anyone,
      // with the interactions' own watermarks, so it holds nothing back.
      botFlags =
          unique
              .<BotFlag>flatMap((row, out) -> {})
              .returns(TypeInformation.of(BotFlag.class))
              .name("no-bot-flags")
              .uid("no-bot-flags");
    }
    BroadcastStream<BotFlag> flags = botFlags.broadcast(BotFlags.DESCRIPTOR);
    SingleOutputStreamOperator<InteractionRow> trained =
        unique
            .connect(flags)
            .process(new BotFilter())
            .returns(INTERACTION)
            .name("bot-filter")
            .uid("bot-filter");

    DataStream<ProductActivity> activity =
        trained
            .<ProductActivity>flatMap(
                (row, out) -> {
                  ProductActivity a = ProductActivity.of(row);
                  if (a != null) {
                    out.collect(a);
                  }
                })
            .returns(ACTIVITY)
            .name("with-product")
            .uid("with-product");

    SingleOutputStreamOperator<InteractionRow> modelled =
        trained.filter(Shoppers::modelled).name("modelled").uid("modelled");
    // A client's PURCHASED is no purchase: "already bought" comes from paid orders only.
    DataStream<InteractionRow> profiled =
        modelled
            .filter(row -> Shoppers.type(row) != InteractionType.PURCHASED)
            .name("without-client-purchases")
            .uid("without-client-purchases");

    if (sources.orders() != null) {
      SingleOutputStreamOperator<OrderRow> orders =
          env.fromSource(sources.orders(), WatermarkStrategy.noWatermarks(), "order-events")
              .uid("source-order-events")
              .process(ParseRecord.orders())
              .name("parse-order-event")
              .uid("parse-order-event");
      deadLetters = deadLetters.union(orders.getSideOutput(DeadLetters.TAG));
      SingleOutputStreamOperator<PaidLine> paid =
          orders
              .assignTimestampsAndWatermarks(eventTime(settings, OrderRow::eventTimeMs))
              .name("order-event-time")
              .uid("order-event-time")
              .filter(OrderRow::affectsPurchases)
              .name("purchase-events")
              .uid("purchase-events")
              .keyBy(OrderRow::eventId)
              .process(
                  new DeduplicateByEventId<OrderRow>(
                      settings.dedupRetention(), "orderEventsDuplicate", false))
              .returns(OrderRow.class)
              .name("deduplicate-order-events")
              .uid("deduplicate-order-events")
              .keyBy(OrderRow::orderId)
              .process(new PaidOrders(settings.orderRetention()))
              .name("paid-orders")
              .uid("paid-orders");
      activity =
          activity.union(
              paid.map(ProductActivity::of).returns(ACTIVITY).name("purchases").uid("purchases"));
      profiled =
          profiled.union(
              paid.filter(line -> line.userId() != null && !line.userId().isEmpty())
                  .name("paid-by-user")
                  .uid("paid-by-user")
                  .map(InteractionsPipeline::purchased)
                  .returns(INTERACTION)
                  .name("paid-as-purchased")
                  .uid("paid-as-purchased"));
    }

    if (sources.catalog() != null) {
      SingleOutputStreamOperator<CatalogRow> catalog =
          env.fromSource(sources.catalog(), WatermarkStrategy.noWatermarks(), "catalog-events")
              .uid("source-catalog-events")
              .process(ParseRecord.catalog())
              .name("parse-catalog-event")
              .uid("parse-catalog-event");
      deadLetters = deadLetters.union(catalog.getSideOutput(DeadLetters.TAG));
      SingleOutputStreamOperator<CatalogRow> uniqueCatalog =
          catalog
              .assignTimestampsAndWatermarks(eventTime(settings, CatalogRow::eventTimeMs))
              .name("catalog-event-time")
              .uid("catalog-event-time")
              .keyBy(CatalogRow::eventId)
              .process(
                  new DeduplicateByEventId<CatalogRow>(
                      settings.dedupRetention(), "catalogEventsDuplicate", false))
              .returns(CatalogRow.class)
              .name("deduplicate-catalog-events")
              .uid("deduplicate-catalog-events");
      SingleOutputStreamOperator<ProductRow> products =
          uniqueCatalog
              .keyBy(CatalogRow::productId)
              .process(new ProductDimension())
              .name("product-dimension")
              .uid("product-dimension");
      products
          .sinkTo(sinks.products())
          .name("clickhouse-products")
          .uid("clickhouse-products")
          .disableChaining();
      // From the dimension, not the raw events: an older version arriving late relabels nothing.
      activity =
          activity.union(
              products
                  .<ProductActivity>flatMap(
                      (row, out) -> {
                        ProductActivity a = ProductActivity.category(row);
                        if (a != null) {
                          out.collect(a);
                        }
                      })
                  .returns(ACTIVITY)
                  .name("catalog-categories")
                  .uid("catalog-categories"));
    }

    activity
        .keyBy(ProductActivity::productId)
        .process(new ProductMinuteStats(settings.allowedLateness(), settings.statsFlushInterval()))
        .name("product-minute-stats")
        .uid("product-minute-stats")
        .sinkTo(sinks.productMinuteStats())
        .name("clickhouse-product-minute-stats")
        .uid("clickhouse-product-minute-stats")
        .disableChaining();

    modelled
        .keyBy(Shoppers::key)
        .connect(flags)
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

    profiled
        .keyBy(ShopperProfiles::shopperProduct, PAIR)
        .connect(flags)
        .process(
            new ShopperProfiles(
                settings.model(), settings.statsFlushInterval(), settings.shopperRetention()))
        .name("shopper-profiles")
        .uid("shopper-profiles")
        .sinkTo(sinks.shopperItems())
        .name("clickhouse-shopper-items")
        .uid("clickhouse-shopper-items")
        .disableChaining();

    if (sinks.deadLetters() != null) {
      deadLetters
          .sinkTo(sinks.deadLetters())
          .name("dead-letters")
          .uid("dead-letters")
          .disableChaining();
    }
  }

  /**
   * Event time with bounded out-of-orderness, and idleness so a quiet topic or partition (the
   * catalog and order topics are quiet most of the time) does not hold the watermark back.
   */
  private static <T> WatermarkStrategy<T> eventTime(
      PipelineSettings settings, SerializableToLong<T> time) {
    return WatermarkStrategy.<T>forBoundedOutOfOrderness(settings.outOfOrderness())
        .withTimestampAssigner(
            (SerializableTimestampAssigner<T>) (row, ts) -> time.applyAsLong(row))
        .withIdleness(settings.idleness());
  }

  /** A time accessor Flink can ship with the watermark strategy. */
  interface SerializableToLong<T> extends ToLongFunction<T>, java.io.Serializable {}

  /** A paid line as the shopper's {@code PURCHASED} of the product: the server's truth. */
  static InteractionRow purchased(PaidLine line) {
    return new InteractionRow(
        line.orderId() + "#" + line.line(),
        InteractionType.PURCHASED.name(),
        1,
        null,
        line.eventTimeMs() / 1000,
        line.eventTimeMs(),
        line.eventTimeMs(),
        line.userId(),
        null,
        null,
        line.productId(),
        null,
        line.quantity(),
        line.unitPriceMinor(),
        line.currency(),
        null,
        null,
        null,
        line.eventTimeMs());
  }

  /** The ClickHouse sinks of every table this pipeline writes. */
  public static PipelineSinks clickHouseSinks(ClickHouseSink.ClickHouseSinkSettings settings) {
    return new PipelineSinks(
        new ClickHouseSink<>(settings, "interactions", new JsonRowFormat<>()),
        new ClickHouseSink<>(settings, "product_minute_stats", new JsonRowFormat<>()),
        new ClickHouseSink<>(settings, "co_visitation", new JsonRowFormat<>()),
        new ClickHouseSink<>(settings, "shopper_items", new JsonRowFormat<>()),
        new ClickHouseSink<>(settings, "products", new JsonRowFormat<>()),
        null);
  }
}
