-- Migration 10 (issue 8): anomalies flagged by ops-flink-job, one row per series, key, bucket and
-- kind ('level': the bucket left its Holt-Winters forecast; 'peer': the key was far above the other
-- keys of its series in the bucket). The ORDER BY is the row's identity, so a replay after a crash
-- rewrites the same rows: read with FINAL. detected_ms is the job's clock when it flagged the row
-- (replays overwrite it); bucket_ms + bucket_seconds * 1000 is when the bucket closed.
CREATE TABLE IF NOT EXISTS anomalies (
    series         String,
    series_key     String,
    bucket         DateTime,
    bucket_ms      UInt64,
    event_date     Date,
    bucket_seconds UInt32,
    kind           String,
    direction      String,
    expected       Float64,
    actual         Float64,
    score          Float64,
    explanation    String,
    detected_ms    UInt64
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(event_date)
ORDER BY (series, series_key, bucket_ms, kind)
;
