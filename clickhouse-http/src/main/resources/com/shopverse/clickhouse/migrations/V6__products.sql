-- Migration 6: the product dimension, from catalog-events (ProductChanged, StockChanged).
-- The Flink job keeps each product's current state (the newest catalog version of its facts; stock
-- from whichever event happened last) and upserts the whole row with a rising version, so a replay
-- rewrites the same key: read with FINAL (or argMax by version). product_version is the catalog's
-- own version of the product (its ETag), stock_ms the time of the event the stock comes from.
CREATE TABLE IF NOT EXISTS products (
    product_id      String,
    sku             String,
    name            String,
    category_id     String,
    price_minor     Int64,
    currency        String,
    active          UInt8,
    stock           Int32,
    in_stock        UInt8,
    product_version UInt64,
    stock_ms        Int64,
    updated_at      DateTime,
    updated_ms      UInt64,
    version         UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY product_id
;
