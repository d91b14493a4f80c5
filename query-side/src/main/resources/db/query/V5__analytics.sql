-- analytics: review analytics per shop and day, in the shop's time zone. Written only by the analytics projection
-- (processing group "analytics"), which rebuilds all four tables on replay.

-- The shop's time zone, from ShopRegistered: a review counts on the day it was written there.
CREATE TABLE analytics_shop (
    shop_id  uuid NOT NULL PRIMARY KEY,
    timezone text NOT NULL
);

-- One row per review: what it currently adds to its day, and its response time for the medians. `version` is the
-- sequence number of the last event applied, so a redelivered event changes nothing.
CREATE TABLE analytics_review (
    review_id        uuid        NOT NULL PRIMARY KEY,
    shop_id          uuid        NOT NULL,
    day              date        NOT NULL,
    created_at       timestamptz,
    rating           integer     NOT NULL,
    sentiment        varchar(8)  NOT NULL,
    keywords         text        NOT NULL,
    replied          boolean     NOT NULL,
    published_at     timestamptz,
    response_minutes double precision,
    draft_state      varchar(16) NOT NULL,
    ai_outcome       varchar(16) NOT NULL,
    version          bigint      NOT NULL
);
CREATE INDEX analytics_review_shop_day ON analytics_review (shop_id, day);

-- The day's counters: sums over the reviews written that day.
CREATE TABLE analytics_day (
    shop_id      uuid   NOT NULL,
    day          date   NOT NULL,
    reviews      bigint NOT NULL,
    rating_1     bigint NOT NULL,
    rating_2     bigint NOT NULL,
    rating_3     bigint NOT NULL,
    rating_4     bigint NOT NULL,
    rating_5     bigint NOT NULL,
    rating_sum   bigint NOT NULL,
    replies      bigint NOT NULL,
    ai_unchanged bigint NOT NULL,
    ai_edited    bigint NOT NULL,
    positive     bigint NOT NULL,
    neutral      bigint NOT NULL,
    negative     bigint NOT NULL,
    PRIMARY KEY (shop_id, day)
);

-- Keywords: how many of the day's reviews mention each term.
CREATE TABLE analytics_keyword (
    shop_id uuid   NOT NULL,
    day     date   NOT NULL,
    term    text   NOT NULL,
    reviews bigint NOT NULL,
    PRIMARY KEY (shop_id, day, term)
);
