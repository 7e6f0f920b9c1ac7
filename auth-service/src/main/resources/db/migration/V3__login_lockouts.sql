-- Consecutive failed logins per email (lower case), whether or not an account has it: an unknown
-- email locks exactly like a known one, so the lockout does not tell which emails exist. A
-- successful login deletes the row; rows idle for a day are purged.
CREATE TABLE login_lockouts (
    email_key    VARCHAR(320) PRIMARY KEY,
    failures     INT          NOT NULL DEFAULT 0,
    lockouts     INT          NOT NULL DEFAULT 0,
    locked_until TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
