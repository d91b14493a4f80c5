-- review-similarity (kr.salonmate.query.similar): one row per review with the embedding of its text and the state
-- of its reply, for "similar reviews" and for the examples of the shop's own voice given to the drafter. The only
-- writer is its projection, which rebuilds the table on replay. `vector` is the embedding as little-endian float32,
-- unit length, made by `model` (rows of another model are ignored until a replay re-embeds them). `revision` grows
-- with every write, so that a node's in-memory copy of a shop's vectors fetches only what changed since it looked.
CREATE SEQUENCE review_similarity_revision;

CREATE TABLE review_similarity (
    review_id       uuid        NOT NULL PRIMARY KEY,
    shop_id         uuid        NOT NULL,
    version         bigint      NOT NULL,
    model           text,
    vector          bytea,
    reply_text      text,
    reply_human     boolean     NOT NULL DEFAULT false,
    reply_published boolean     NOT NULL DEFAULT false,
    revision        bigint      NOT NULL DEFAULT nextval('review_similarity_revision')
);

CREATE INDEX review_similarity_shop_revision ON review_similarity (shop_id, revision);
