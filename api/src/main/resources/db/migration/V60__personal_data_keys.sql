-- Crypto-shredding (ADR 20): one AES-256 key per subject of personal data ('reviewer:<reviewId>', 'user:<userId>',
-- 'invitee:<invitationId>'), wrapped with the installation key. Erasure sets wrapped_key to NULL and keeps the row,
-- so that data written for an erased subject later is stored as the erased placeholder, not under a new key.
CREATE TABLE personal_data_key (
    subject     varchar(80) PRIMARY KEY,
    wrapped_key bytea,
    created_at  timestamptz NOT NULL,
    erased_at   timestamptz
);

-- One-off jobs that ran at start: the re-encryption of events written in plain text before V60.
CREATE TABLE personal_data_migration (
    name         varchar(64) PRIMARY KEY,
    done_at      timestamptz NOT NULL,
    rows_changed bigint      NOT NULL
);
