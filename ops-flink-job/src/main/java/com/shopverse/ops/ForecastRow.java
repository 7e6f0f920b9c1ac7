package com.shopverse.ops;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A row of ClickHouse's {@code series_forecasts}: an aggregate series' count in one bucket and the
 * forecast made at the bucket's end for {@code horizon} buckets later.
 */
public record ForecastRow(
    @JsonProperty("series") String series,
    @JsonProperty("bucket") long bucketSeconds,
    @JsonProperty("bucket_ms") long bucketMs,
    @JsonProperty("event_date") String eventDate,
    @JsonProperty("bucket_seconds") long bucketLengthSeconds,
    @JsonProperty("horizon") int horizon,
    @JsonProperty("target_ms") long targetMs,
    @JsonProperty("actual") double actual,
    @JsonProperty("forecast") double forecast) {}
