-- Migration 4: what each shopper did with each product (their recent items, category affinity,
-- what they bought or removed from the cart), kept by the Flink job. shopper_id is 'u:<user id>'
-- for a logged-in shopper and 'a:<anonymous id>' otherwise, so an anonymous id can never be made
-- to look like somebody's account. score is the forward-decayed weighted score of the shopper's
-- interactions with the product. Upserted with a rising version: read with FINAL.
CREATE TABLE IF NOT EXISTS shopper_items (
    shopper_id     String,
    product_id     String,
    category_id    String,
    score          Float64,
    last_type      String,
    last_ms        UInt64,
    last_viewed_ms UInt64,
    removed_ms     UInt64,
    purchased      UInt8,
    version        UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (shopper_id, product_id)
;
