-- Encrypted secrets (Google refresh tokens, Instagram tokens) of the ai-saga module.
-- ciphertext = [0x01][12-byte IV][AES-256-GCM ciphertext + tag], associated data = id.
create table credential (
    id         uuid primary key,
    shop_id    uuid        not null,
    kind       varchar(32) not null,
    ciphertext bytea       not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create index credential_shop_kind_idx on credential (shop_id, kind);
