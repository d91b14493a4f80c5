-- Billing read model (BillingProjection, processing group "billing"): one row per shop with billing events, the
-- shop's charges, and the shop-level billing audit (plan changes, payments, failures), rebuilt by a replay.
-- No billing key here: it lives encrypted in the credential table (kind TOSS_BILLING_KEY).
CREATE TABLE billing_account (
    shop_id        uuid        PRIMARY KEY,
    plan           varchar(8)  NOT NULL,
    status         varchar(16) NOT NULL,
    zone           varchar(64),
    period_start   timestamptz,
    period_end     timestamptz,
    ai_used        integer     NOT NULL,
    quota_exceeded boolean     NOT NULL,
    next_charge_at timestamptz,
    card_company   varchar(64),
    card_last4     varchar(8),
    version        bigint      NOT NULL
);

CREATE TABLE billing_payment (
    order_id        varchar(64) NOT NULL,
    attempt         integer     NOT NULL,
    shop_id         uuid        NOT NULL,
    amount          bigint      NOT NULL,
    status          varchar(16) NOT NULL,
    occurred_at     timestamptz NOT NULL,
    failure_code    varchar(64),
    failure_message text,
    PRIMARY KEY (order_id, attempt)
);
CREATE INDEX billing_payment_shop_idx ON billing_payment (shop_id, occurred_at DESC);

CREATE TABLE billing_audit (
    shop_id       uuid        NOT NULL,
    sequence      bigint      NOT NULL,
    occurred_at   timestamptz NOT NULL,
    action        varchar(32) NOT NULL,
    actor_type    varchar(16) NOT NULL,
    actor_user_id uuid,
    actor_name    text,
    order_id      varchar(64),
    amount        bigint,
    detail        text,
    PRIMARY KEY (shop_id, sequence)
);

-- The dashboard shows whether automatic drafting waits for the quota; billing events have their own sequence.
ALTER TABLE dashboard_shop
    ADD COLUMN quota_exceeded boolean NOT NULL DEFAULT false,
    ADD COLUMN quota_version  bigint  NOT NULL DEFAULT -1;
