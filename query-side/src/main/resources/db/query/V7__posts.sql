-- Instagram posts: the posts read model (query-side, processing group `posts`), the dashboard's post counts,
-- the shops' Instagram connection, and the uploaded photos (api). V5 and V6 belong to another branch.

-- posts: one row per post, as the API's Post resource shows it. Lists of ids and hashtags are stored as text
-- separated by single spaces (neither can contain one).
CREATE TABLE post_view (
    id                 uuid        NOT NULL PRIMARY KEY,
    shop_id            uuid        NOT NULL,
    media_ids          text        NOT NULL,
    brief              text,
    caption            text,
    hashtags           text        NOT NULL DEFAULT '',
    status             varchar(32) NOT NULL,
    scheduled_at       timestamptz,
    published_at       timestamptz,
    instagram_media_id text,
    permalink          text,
    failure_code       text,
    failure_message    text,
    failure_at         timestamptz,
    failure_attempts   integer,
    created_at         timestamptz NOT NULL,
    version            bigint      NOT NULL
);
CREATE INDEX post_view_shop_created ON post_view (shop_id, created_at DESC, id DESC);
CREATE INDEX post_view_shop_status ON post_view (shop_id, status);

-- dashboard: each post's status, for the scheduled/published counters.
CREATE TABLE dashboard_post (
    post_id uuid        NOT NULL PRIMARY KEY,
    shop_id uuid        NOT NULL,
    status  varchar(32) NOT NULL,
    version bigint      NOT NULL
);
CREATE INDEX dashboard_post_shop_status ON dashboard_post (shop_id, status);

-- shops: the connected Instagram account (the token itself is in `credential`, encrypted).
ALTER TABLE shop_view ADD COLUMN instagram_user_id text;
ALTER TABLE shop_view ADD COLUMN instagram_credential_ref text;
ALTER TABLE shop_view ADD COLUMN instagram_connected_at timestamptz;

-- media (api): uploaded photos. The JPEG rendition lives in object storage under `storage_key`; a row is written
-- (stored = false) before the object, so every object has a row and the janitor can clean up after a failed
-- upload; photos no post uses are removed after a day.
CREATE TABLE media (
    id             uuid        NOT NULL PRIMARY KEY,
    shop_id        uuid        NOT NULL,
    content_type   varchar(32) NOT NULL,
    size           bigint      NOT NULL,
    width          integer     NOT NULL,
    height         integer     NOT NULL,
    storage_key    text        NOT NULL,
    rendition_size bigint,
    stored         boolean     NOT NULL DEFAULT false,
    uploaded_by    uuid,
    created_at     timestamptz NOT NULL,
    attached_at    timestamptz
);
CREATE INDEX media_unattached ON media (created_at) WHERE attached_at IS NULL;
