-- Migration 5. The W3C trace id of the request that sent each interaction (from the Kafka record's
-- traceparent header), so one shopper click can be followed to its rows:
--   SELECT * FROM interactions FINAL WHERE trace_id = '<32 hex digits>'
-- Empty for rows written before this migration and for records that carried no trace context.
-- ClickHouse 18.16 has no ADD COLUMN IF NOT EXISTS: ClickHouseSchema treats "column already
-- exists" from a re-run ADD COLUMN as done.
ALTER TABLE interactions ADD COLUMN trace_id String DEFAULT '' AFTER source
;
