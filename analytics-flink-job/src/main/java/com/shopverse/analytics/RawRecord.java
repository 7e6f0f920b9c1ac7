package com.shopverse.analytics;

import java.nio.charset.StandardCharsets;

/**
 * One Kafka record as the pipeline reads it, from any of its topics: the value's bytes as they came
 * (a record that cannot be parsed goes to the dead-letter topic unchanged), where it came from
 * (topic, partition, offset: the dead letter's headers name them), and the trace id of the request
 * that produced it (from the record's W3C {@code traceparent} header), or null when it carried
 * none. Plain fields, so Flink serializes it as a POJO without Kryo.
 */
public record RawRecord(String topic, int partition, long offset, byte[] value, String traceId) {

  /** An interaction that carried no trace context and has no Kafka position (tests). */
  public static RawRecord untraced(String json) {
    return of("user-interactions", json);
  }

  /** A record of {@code topic} without a Kafka position (tests, bounded sources). */
  public static RawRecord of(String topic, String json) {
    return new RawRecord(topic, -1, -1L, json.getBytes(StandardCharsets.UTF_8), null);
  }

  /** The value as text, for messages. */
  public String text() {
    return value == null ? "" : new String(value, StandardCharsets.UTF_8);
  }
}
