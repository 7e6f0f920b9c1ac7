-- When a newer key took over. A retired key stays in the JWKS until every token it may have
-- signed has expired (shopverse.auth: access-token-ttl + key-refresh-interval + clock-skew), then
-- it is deleted. The one key without retired_at signs.
ALTER TABLE signing_keys ADD COLUMN retired_at TIMESTAMPTZ;
