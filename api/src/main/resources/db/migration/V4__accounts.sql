-- Accounts and access: plain tables (not event-sourced), owned by the api module.
CREATE TABLE app_user (
    id            uuid         PRIMARY KEY,
    email         varchar(254) NOT NULL UNIQUE,
    name          varchar(100) NOT NULL,
    password_hash varchar(100) NOT NULL,
    created_at    timestamptz  NOT NULL
);

CREATE TABLE shop_membership (
    shop_id    uuid         NOT NULL,
    user_id    uuid         NOT NULL REFERENCES app_user (id),
    shop_name  varchar(100) NOT NULL,
    role       varchar(16)  NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'STAFF')),
    created_at timestamptz  NOT NULL,
    PRIMARY KEY (shop_id, user_id)
);
CREATE INDEX shop_membership_user ON shop_membership (user_id);

-- Refresh tokens are kept only as SHA-256 hashes; a family is one login and its rotations.
CREATE TABLE refresh_token (
    token_hash varchar(64) PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES app_user (id),
    family_id  uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    revoked_at timestamptz
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);

-- Idempotency-Key records: the first answer to (user, endpoint, key), replayed for 24 hours.
CREATE TABLE idempotency_record (
    user_id       uuid         NOT NULL,
    endpoint      varchar(300) NOT NULL,
    idem_key      varchar(64)  NOT NULL,
    request_hash  varchar(64)  NOT NULL,
    status        integer,
    content_type  varchar(100),
    response_body bytea,
    created_at    timestamptz  NOT NULL,
    PRIMARY KEY (user_id, endpoint, idem_key)
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
