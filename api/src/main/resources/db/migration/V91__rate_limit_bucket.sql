-- Bucket4j's table for the rate limits when they are counted in PostgreSQL (SALONMATE_RATE_LIMIT_STORE=postgresql,
-- ADR 0024): one row per key (a user, an IP, a shop, with its limit), its bucket's state, and when it may go.
CREATE TABLE rate_limit_bucket (
    id         varchar(300) PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
