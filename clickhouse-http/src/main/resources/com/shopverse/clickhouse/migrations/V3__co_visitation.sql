-- Migration 3: item-to-item co-visitation kept by the Flink job from shopper sessions.
-- score is forward-decayed (see docs/recommendations.md): a sum of event-type weights, each
-- multiplied by 2^((event time - decay epoch) / half-life), so ordering neighbours by score ranks
-- recent co-visits above old ones without ever rewriting old rows. The job holds the exact sums
-- in checkpointed state and upserts them with a rising version: read with FINAL.
CREATE TABLE IF NOT EXISTS co_visitation (
    product_id   String,
    neighbour_id String,
    score        Float64,
    updated_ms   UInt64,
    version      UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (product_id, neighbour_id)
;
