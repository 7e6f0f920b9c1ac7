package com.shopverse.analytics;

/**
 * One Kafka record as the pipeline reads it: the event's JSON and the trace id of the request that
 * produced it (from the record's W3C {@code traceparent} header), or null when it carried none.
 * Plain fields, so Flink serializes it as a POJO without Kryo.
 */
public record RawInteraction(String json, String traceId) {

  /** A record that carried no trace context (tests, replays of old records). */
  public static RawInteraction untraced(String json) {
    return new RawInteraction(json, null);
  }
}
