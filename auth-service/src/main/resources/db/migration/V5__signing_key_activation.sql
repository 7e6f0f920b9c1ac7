-- When a key starts signing. A rotated-in key is published first (in the JWKS) and signs only from
-- activates_at, when the keys before it retire; keys that existed before this column signed at once.
ALTER TABLE signing_keys ADD COLUMN activates_at TIMESTAMPTZ NOT NULL DEFAULT now();
UPDATE signing_keys SET activates_at = created_at;
