-- Read models of the query-side module. Each table belongs to one projection (processing group), which is the
-- only writer, keeps it idempotent (the aggregate's sequence number is stored as `version`, or is part of a
-- unique key) and clears it on replay. Free text is `text`: reviews and replies can be long, and are stored
-- verbatim.

-- review-inbox: one row per review, as the API's Review resource shows it.
CREATE TABLE review_view (
    id                  uuid        NOT NULL PRIMARY KEY,
    shop_id             uuid        NOT NULL,
    source              varchar(16) NOT NULL,
    external_id         text        NOT NULL,
    author              text,
    rating              integer     NOT NULL,
    comment             text,
    language            varchar(35),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz,
    status              varchar(32) NOT NULL,
    reply_text          text,
    reply_origin        varchar(16),
    reply_model         text,
    drafted_at          timestamptz,
    approved_by_user_id uuid,
    approved_by_name    text,
    approved_at         timestamptz,
    published_at        timestamptz,
    failure_code        text,
    failure_message     text,
    failure_at          timestamptz,
    failure_attempts    integer,
    version             bigint      NOT NULL
);
CREATE INDEX review_view_shop_created ON review_view (shop_id, created_at DESC, id DESC);
CREATE INDEX review_view_shop_status ON review_view (shop_id, status);

-- reply-audit: one row per review event; (review_id, sequence) makes a redelivered event a no-op.
CREATE TABLE reply_audit (
    id            bigserial   NOT NULL PRIMARY KEY,
    review_id     uuid        NOT NULL,
    shop_id       uuid        NOT NULL,
    sequence      bigint      NOT NULL,
    occurred_at   timestamptz NOT NULL,
    action        varchar(32) NOT NULL,
    actor_type    varchar(16) NOT NULL,
    actor_user_id uuid,
    actor_name    text,
    text          text,
    previous_text text,
    model         text,
    detail        text,
    CONSTRAINT reply_audit_review_sequence UNIQUE (review_id, sequence)
);
CREATE INDEX reply_audit_shop_occurred ON reply_audit (shop_id, occurred_at);

-- dashboard: the few facts per review the counters need, and the shop's last sync.
CREATE TABLE dashboard_review (
    review_id         uuid        NOT NULL PRIMARY KEY,
    shop_id           uuid        NOT NULL,
    status            varchar(32) NOT NULL,
    rating            integer     NOT NULL,
    has_reply_text    boolean     NOT NULL,
    review_created_at timestamptz NOT NULL,
    published_at      timestamptz,
    version           bigint      NOT NULL
);
CREATE INDEX dashboard_review_shop_status ON dashboard_review (shop_id, status);

CREATE TABLE dashboard_shop (
    shop_id      uuid        NOT NULL PRIMARY KEY,
    last_sync_at timestamptz,
    version      bigint      NOT NULL
);

-- shops: the shop as the read side knows it (reply settings, Google connection, plan, last sync).
CREATE TABLE shop_view (
    id                      uuid        NOT NULL PRIMARY KEY,
    name                    text,
    timezone                text,
    locale                  text,
    owner_user_id           uuid,
    tone                    varchar(16) NOT NULL,
    language                text,
    signature               text,
    auto_draft              boolean     NOT NULL,
    auto_publish_min_rating integer,
    allow_offers            boolean     NOT NULL,
    google_account_id       text,
    google_location_id      text,
    google_credential_ref   text,
    google_connected_at     timestamptz,
    plan                    varchar(16) NOT NULL DEFAULT 'FREE',
    last_sync_at            timestamptz,
    version                 bigint      NOT NULL
);
CREATE INDEX shop_view_google_connected ON shop_view (id) WHERE google_location_id IS NOT NULL;
