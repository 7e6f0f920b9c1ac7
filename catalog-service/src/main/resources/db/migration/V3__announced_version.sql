-- The version of each product that catalog-events last heard of. Products written without an
-- event (the demo catalog's SQL seeding, a bulk import) differ from it until the announcer
-- publishes them (ProductAnnouncer); admin writes set it in their own transaction.
ALTER TABLE products ADD COLUMN announced_version BIGINT;

-- Holds only the products not yet announced, so the announcer's periodic look is an empty index
-- scan; stock moves change neither column, so reservations keep their HOT updates.
CREATE INDEX products_unannounced_idx ON products (id)
    WHERE announced_version IS DISTINCT FROM version;
