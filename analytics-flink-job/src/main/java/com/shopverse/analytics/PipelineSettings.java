package com.shopverse.analytics;

import com.shopverse.recommendation.model.ModelSettings;
import java.io.Serializable;
import java.time.Duration;

/**
 * How the pipeline treats time.
 *
 * @param dedupRetention how long an event id is remembered for deduplication
 * @param outOfOrderness how far behind the newest event time an event may arrive and still be on
 *     time for the watermark
 * @param allowedLateness how long a minute's counts stay open after the watermark passed it
 * @param statsFlushInterval how often changed counts are written out (freshness versus writes)
 * @param idleness after how long a quiet Kafka partition stops holding the watermark back
 * @param shopperRetention how long a shopper's untouched product stays in the job's state
 * @param model the recommendation model's weights and windows (shared with the service)
 * @param orderRetention how long a placed order waits in state for its payment
 * @param botFlagTtl how long (event time) after its flagged bucket a bot shopper's interactions are
 *     kept out of what trains the recommendations
 */
public record PipelineSettings(
    Duration dedupRetention,
    Duration outOfOrderness,
    Duration allowedLateness,
    Duration statsFlushInterval,
    Duration idleness,
    Duration shopperRetention,
    ModelSettings model,
    Duration orderRetention,
    Duration botFlagTtl)
    implements Serializable {

  /** The default bot flag lifetime: the ops job keeps a shopper's usual count as long. */
  public static final Duration DEFAULT_BOT_FLAG_TTL = Duration.ofHours(1);

  /** Settings with the default bot flag lifetime. */
  public PipelineSettings(
      Duration dedupRetention,
      Duration outOfOrderness,
      Duration allowedLateness,
      Duration statsFlushInterval,
      Duration idleness,
      Duration shopperRetention,
      ModelSettings model,
      Duration orderRetention) {
    this(
        dedupRetention,
        outOfOrderness,
        allowedLateness,
        statsFlushInterval,
        idleness,
        shopperRetention,
        model,
        orderRetention,
        DEFAULT_BOT_FLAG_TTL);
  }

  /** The same settings, bots flagged for {@code ttl}. */
  public PipelineSettings withBotFlagTtl(Duration ttl) {
    return new PipelineSettings(
        dedupRetention,
        outOfOrderness,
        allowedLateness,
        statsFlushInterval,
        idleness,
        shopperRetention,
        model,
        orderRetention,
        ttl);
  }

  public static PipelineSettings defaults() {
    return new PipelineSettings(
        Duration.ofHours(24),
        Duration.ofSeconds(5),
        Duration.ofHours(1),
        Duration.ofMillis(200),
        Duration.ofSeconds(30),
        Duration.ofDays(30),
        ModelSettings.defaults(),
        Duration.ofDays(7));
  }
}
