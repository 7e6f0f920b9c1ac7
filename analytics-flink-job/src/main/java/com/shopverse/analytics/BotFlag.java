package com.shopverse.analytics;

/**
 * A shopper the ops job found far above its peers ({@code shopper.events}, kind {@code peer},
 * direction {@code up}): a bot until {@code untilMs} of event time (the flagged bucket's end plus
 * {@code BOT_FLAG_TTL}). {@code shopper} is the ops job's key: the user id, or the anonymous id of
 * a shopper without one. Plain fields, so Flink serializes it without Kryo.
 */
public record BotFlag(String shopper, long bucketEndMs, long untilMs) {}
