CREATE TABLE users (
    id            UUID PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    roles         VARCHAR(255) NOT NULL DEFAULT 'CUSTOMER',
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- Emails are compared case-insensitively: one account per address however it is typed.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- RSA signing keys. Kept so that tokens survive a restart and old keys stay in the JWKS.
CREATE TABLE signing_keys (
    kid         VARCHAR(64) PRIMARY KEY,
    private_key TEXT        NOT NULL,
    public_key  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
