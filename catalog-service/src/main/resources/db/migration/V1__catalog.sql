CREATE TABLE categories (
    id        VARCHAR(32)  PRIMARY KEY,
    name      VARCHAR(120) NOT NULL,
    parent_id VARCHAR(32)  REFERENCES categories (id)
);

CREATE TABLE products (
    id          VARCHAR(32)  PRIMARY KEY,
    sku         VARCHAR(64)  NOT NULL UNIQUE,
    name        VARCHAR(200) NOT NULL,
    description TEXT         NOT NULL DEFAULT '',
    price_minor BIGINT       NOT NULL CHECK (price_minor >= 0),
    currency    CHAR(3)      NOT NULL,
    category_id VARCHAR(32)  NOT NULL REFERENCES categories (id),
    stock       INTEGER      NOT NULL CHECK (stock >= 0),
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    version     BIGINT       NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX products_category_idx ON products (category_id, id);
