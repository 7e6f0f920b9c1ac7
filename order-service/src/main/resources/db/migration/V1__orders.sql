CREATE TABLE orders (
    id          UUID        PRIMARY KEY,
    user_id     VARCHAR(64) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    total_minor BIGINT      NOT NULL CHECK (total_minor >= 0),
    currency    CHAR(3)     NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX orders_user_idx ON orders (user_id, created_at DESC);
