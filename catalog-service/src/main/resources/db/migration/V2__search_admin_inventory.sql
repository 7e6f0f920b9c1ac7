-- Search, attributes and images, admin writes, inventory reservations and the outbox.

-- Trigram matching for the typo-tolerant fallback of search. Installed into this service's schema
-- (a trusted extension: no superuser needed on PostgreSQL 13+).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA ${flyway:defaultSchema};

ALTER TABLE products
    ADD COLUMN attributes JSONB NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN image_urls JSONB NOT NULL DEFAULT '[]'::jsonb,
    -- Weighted full-text document: name (A) ranks above attribute values (B) above description (C).
    ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', name), 'A')
        || setweight(jsonb_to_tsvector('english', attributes, '["string"]'), 'B')
        || setweight(to_tsvector('english', description), 'C')) STORED;

CREATE INDEX products_search_idx ON products USING gin (search);
CREATE INDEX products_name_trgm_idx ON products USING gin (name gin_trgm_ops);
-- Keyset pagination under each sort (active products only, as browsing shows them).
CREATE INDEX products_price_idx ON products (price_minor, id) WHERE active;
CREATE INDEX products_name_idx ON products (name, id) WHERE active;
CREATE INDEX products_newest_idx ON products (created_at DESC, id) WHERE active;
CREATE INDEX categories_parent_idx ON categories (parent_id);

-- Ids of products created through the admin API (the demo catalog uses P00001..).
CREATE SEQUENCE product_ids START 100000;

CREATE TABLE reservations (
    id         UUID        PRIMARY KEY,
    status     VARCHAR(16) NOT NULL CHECK (status IN ('RESERVED', 'CONFIRMED', 'RELEASED', 'EXPIRED')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX reservations_expiry_idx ON reservations (expires_at) WHERE status = 'RESERVED';

CREATE TABLE reservation_lines (
    reservation_id   UUID         NOT NULL REFERENCES reservations (id),
    product_id       VARCHAR(32)  NOT NULL REFERENCES products (id),
    quantity         INTEGER      NOT NULL CHECK (quantity > 0),
    unit_price_minor BIGINT       NOT NULL,
    currency         CHAR(3)      NOT NULL,
    name             VARCHAR(200) NOT NULL,
    PRIMARY KEY (reservation_id, product_id)
);

-- The transactional outbox (see outbox/README.md).
CREATE TABLE outbox (
    id           BIGSERIAL   PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL;
