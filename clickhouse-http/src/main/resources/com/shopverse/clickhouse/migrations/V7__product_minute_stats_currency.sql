-- Migration 7. The currency of product_minute_stats.revenue_minor (the paid orders' currency; a
-- product is sold in one currency). Empty for rows without purchases and rows written before.
-- ClickHouse 18.16 has no ADD COLUMN IF NOT EXISTS: ClickHouseSchema treats "column already
-- exists" from a re-run ADD COLUMN as done.
ALTER TABLE product_minute_stats ADD COLUMN currency String DEFAULT '' AFTER revenue_minor
;
