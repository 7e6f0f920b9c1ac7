-- Migration 1. Every statement must run on ClickHouse 18.16 (Debian) and on current ClickHouse
-- (docker-compose): no TTL, DateTime64, Map, CTEs or skipping indexes (see ../shared/DESIGN.md).
-- Statements are separated by a line holding only ';'. Never edit an applied migration: add one.

-- Every accepted interaction, once: the Flink job writes rows keyed by event_id into a
-- ReplacingMergeTree, so a replay after a crash overwrites instead of adding (read with FINAL).
CREATE TABLE IF NOT EXISTS interactions (
    event_id       String,
    type           String,
    schema_version UInt16,
    event_date     Date,
    occurred_at    DateTime,
    occurred_ms    UInt64,
    received_ms    UInt64,
    user_id        String,
    anonymous_id   String,
    session_id     String,
    product_id     String,
    category_id    String,
    quantity       Int32,
    price_minor    Int64,
    currency       String,
    query          String,
    source         String,
    written_ms     UInt64
) ENGINE = ReplacingMergeTree(written_ms)
PARTITION BY toYYYYMM(event_date)
ORDER BY (event_date, event_id)
;
