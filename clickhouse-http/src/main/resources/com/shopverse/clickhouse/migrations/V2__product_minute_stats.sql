-- Migration 2: per-product, per-minute counters kept by the Flink job.
-- The job holds the exact counts in checkpointed state and upserts the whole row with a rising
-- version whenever they change, so a replay after a crash rewrites the same keys with the same
-- final counts: read with FINAL (or argMax by version), never sum across versions.
CREATE TABLE IF NOT EXISTS product_minute_stats (
    minute        DateTime,
    event_date    Date,
    product_id    String,
    category_id   String,
    views         UInt64,
    clicks        UInt64,
    carts         UInt64,
    removes       UInt64,
    purchases     UInt64,
    revenue_minor Int64,
    version       UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(event_date)
ORDER BY (minute, product_id)
;
