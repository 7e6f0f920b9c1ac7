/**
 * The analytics job: shoppers' interactions from Kafka, parsed, deduplicated by event id and
 * written to ClickHouse with deterministic keys, so a replay overwrites and never adds.
 */
package com.shopverse.analytics;
