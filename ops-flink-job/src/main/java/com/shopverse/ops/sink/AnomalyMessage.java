package com.shopverse.ops.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopverse.ops.AnomalyRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * The JSON of one record on the {@code anomalies} topic (keyed by {@code series|key}): {@code
 * series, key, bucketStart} (ISO-8601), {@code bucketSeconds, kind, direction, expected, actual,
 * score, explanation}. At least once: a consumer that must count once keys on series, key,
 * bucketStart and kind.
 */
public record AnomalyMessage(
    String series,
    String key,
    String bucketStart,
    long bucketSeconds,
    String kind,
    String direction,
    double expected,
    double actual,
    double score,
    String explanation) {

  static AnomalyMessage of(AnomalyRow row) {
    return new AnomalyMessage(
        row.series(),
        row.key(),
        Instant.ofEpochMilli(row.bucketMs()).toString(),
        row.bucketLengthSeconds(),
        row.kind(),
        row.direction(),
        row.expected(),
        row.actual(),
        row.score(),
        row.explanation());
  }

  /** The record's value. */
  public static final class Value implements SerializationSchema<AnomalyRow> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public byte[] serialize(AnomalyRow row) {
      try {
        return JSON.writeValueAsBytes(of(row));
      } catch (Exception e) {
        throw new IllegalStateException("Could not write anomaly " + row, e);
      }
    }
  }

  /** The record's key. */
  public static final class Key implements SerializationSchema<AnomalyRow> {
    @Override
    public byte[] serialize(AnomalyRow row) {
      return (row.series() + "|" + row.key()).getBytes(StandardCharsets.UTF_8);
    }
  }
}
