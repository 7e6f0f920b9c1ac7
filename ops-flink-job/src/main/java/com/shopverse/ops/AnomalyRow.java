package com.shopverse.ops;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One flagged bucket: a row of ClickHouse's {@code anomalies} table and, as JSON, one record of the
 * {@code anomalies} topic. {@code kind} is {@code level} (the bucket left its seasonal forecast) or
 * {@code peer} (the key was far above its series' other keys in the bucket).
 */
public record AnomalyRow(
    @JsonProperty("series") String series,
    @JsonProperty("series_key") String key,
    @JsonProperty("bucket") long bucketSeconds,
    @JsonProperty("bucket_ms") long bucketMs,
    @JsonProperty("event_date") String eventDate,
    @JsonProperty("bucket_seconds") long bucketLengthSeconds,
    @JsonProperty("kind") String kind,
    @JsonProperty("direction") String direction,
    @JsonProperty("expected") double expected,
    @JsonProperty("actual") double actual,
    @JsonProperty("score") double score,
    @JsonProperty("explanation") String explanation,
    @JsonProperty("detected_ms") long detectedMs) {

  public static final String LEVEL = "level";
  public static final String PEER = "peer";
}
