package com.shopverse.analytics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopverse.analytics.BotFlag;
import com.shopverse.analytics.RawRecord;
import com.shopverse.analytics.metrics.ShopverseMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Reads one record of the ops job's {@code anomalies} topic ({@code
 * {"series","key","bucketStart","bucketSeconds","kind","direction",…}}) and keeps what makes a
 * shopper a bot: a {@code peer} anomaly of {@code shopper.events}, upwards. Every other anomaly (a
 * level anomaly, a product, a drop, a kind this version does not know) is ignored. A record that
 * cannot be read goes to the dead letters like the other topics' ({@code anomalies.dlt}).
 */
public class ParseAnomaly extends ProcessFunction<RawRecord, BotFlag> {

  public static final String SHOPPER_SERIES = "shopper.events";
  public static final String PEER = "peer";
  public static final String UP = "up";

  private final Duration ttl;
  private transient ObjectMapper json;
  private transient DeadLetters deadLetters;
  private transient Counter flags;

  /**
   * @param ttl how long after its bucket a flagged shopper stays a bot
   */
  public ParseAnomaly(Duration ttl) {
    this.ttl = ttl;
  }

  @Override
  public void open(OpenContext context) {
    json = DeadLetters.json();
    deadLetters = new DeadLetters(getRuntimeContext());
    flags =
        ShopverseMetrics.of(getRuntimeContext().getMetricGroup())
            .counter(ShopverseMetrics.BOT_FLAGS);
  }

  @Override
  public void processElement(RawRecord record, Context ctx, Collector<BotFlag> out) {
    Result result = parse(json, record, ttl);
    if (result.refusal() != null) {
      ctx.output(DeadLetters.TAG, deadLetters.refuse(record, result.refusal()));
    } else if (result.flag() != null) {
      flags.inc();
      out.collect(result.flag());
    }
  }

  /** A flag, or a reason to refuse the record, or neither (an anomaly that flags no shopper). */
  record Result(BotFlag flag, String refusal) {}

  static Result parse(ObjectMapper json, RawRecord record, Duration ttl) {
    JsonNode node;
    try {
      node = json.readTree(record.value());
    } catch (Exception e) {
      return new Result(null, DeadLetters.reason(e));
    }
    if (node == null || !node.isObject()) {
      return new Result(null, DeadLetters.MALFORMED_JSON + ": not a JSON object");
    }
    for (String field : new String[] {"series", "key", "kind", "bucketStart"}) {
      if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
        return new Result(null, DeadLetters.missing(field));
      }
    }
    Instant start;
    try {
      start = Instant.parse(node.get("bucketStart").asText());
    } catch (DateTimeParseException e) {
      return new Result(null, DeadLetters.MALFORMED_JSON + ": bucketStart is no ISO-8601 instant");
    }
    if (!PEER.equals(node.get("kind").asText())
        || !SHOPPER_SERIES.equals(node.get("series").asText())
        || !UP.equals(node.path("direction").asText())) {
      return new Result(null, null);
    }
    long bucketEndMs =
        start.toEpochMilli() + Math.max(0, node.path("bucketSeconds").asLong()) * 1000;
    return new Result(
        new BotFlag(node.get("key").asText(), bucketEndMs, bucketEndMs + ttl.toMillis()), null);
  }
}
