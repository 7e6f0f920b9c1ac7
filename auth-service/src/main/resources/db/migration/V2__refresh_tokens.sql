-- One family per login. Every rotation adds a token to the login's family; revoking the family
-- (logout, or reuse of an already-used token) kills every token in it, including one minted by a
-- rotation that raced with the revoke, because each use checks the family.
CREATE TABLE refresh_token_families (
    id         UUID PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    revoked_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a refresh token is stored: a copy of this table lets nobody refresh.
CREATE TABLE refresh_tokens (
    token_hash BYTEA PRIMARY KEY,
    family_id  UUID        NOT NULL REFERENCES refresh_token_families (id) ON DELETE CASCADE,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);
