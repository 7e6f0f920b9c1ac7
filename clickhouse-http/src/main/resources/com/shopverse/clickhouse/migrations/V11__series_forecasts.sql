-- Migration 11 (issue 8): per aggregate series and bucket, the bucket's actual count and the
-- forecast made at its end for `horizon` buckets later (target_ms). Deterministic keys, so a replay
-- overwrites: read with FINAL. Forecast error: join a row's forecast to the actual of the row
-- whose bucket_ms is its target_ms.
CREATE TABLE IF NOT EXISTS series_forecasts (
    series         String,
    bucket         DateTime,
    bucket_ms      UInt64,
    event_date     Date,
    bucket_seconds UInt32,
    horizon        UInt16,
    target_ms      UInt64,
    actual         Float64,
    forecast       Float64
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(event_date)
ORDER BY (series, horizon, bucket_ms)
;
