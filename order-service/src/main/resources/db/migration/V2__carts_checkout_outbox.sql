-- A cart per shopper (the token's sub). The version changes with every edit, so a checkout can
-- tell whether the cart it priced is still the cart it empties.
CREATE TABLE carts (
    user_id    VARCHAR(64) PRIMARY KEY,
    version    BIGINT      NOT NULL DEFAULT 0,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE cart_lines (
    user_id    VARCHAR(64) NOT NULL REFERENCES carts (user_id) ON DELETE CASCADE,
    product_id VARCHAR(64) NOT NULL,
    quantity   INT         NOT NULL CHECK (quantity > 0),
    added_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, product_id)
);

-- Orders grow what checkout and the state machine need. Prices are snapshots taken when stock
-- was reserved; later catalog price changes do not touch them.
ALTER TABLE orders
    ADD COLUMN updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN version        BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN reservation_id UUID,
    ADD COLUMN payment_id     VARCHAR(64),
    -- false while a cancelled order's stock still has to be handed back to the catalog
    ADD COLUMN stock_released BOOLEAN     NOT NULL DEFAULT false;
DROP INDEX orders_user_idx;
-- Keyset pagination: newest first, id breaks ties.
CREATE INDEX orders_user_idx ON orders (user_id, created_at DESC, id DESC);
CREATE INDEX orders_release_pending_idx ON orders (updated_at)
    WHERE status = 'CANCELLED' AND NOT stock_released;

CREATE TABLE order_lines (
    order_id         UUID        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no          INT         NOT NULL,
    product_id       VARCHAR(64) NOT NULL,
    name             TEXT        NOT NULL,
    quantity         INT         NOT NULL CHECK (quantity > 0),
    unit_price_minor BIGINT      NOT NULL CHECK (unit_price_minor >= 0),
    currency         CHAR(3)     NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- Checkout idempotency (Stripe's semantics), per shopper. A row is IN_PROGRESS while its first
-- request runs and DONE with the response to replay afterwards; rows live at least 24 h.
CREATE TABLE idempotency_keys (
    user_id         VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    response_status INT,
    response_type   VARCHAR(64),
    response_body   TEXT,
    location        TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    locked_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- The transactional outbox (module outbox, DDL as in outbox/README.md): written in the same
-- transaction as the order rows, published to Kafka by the relay.
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
