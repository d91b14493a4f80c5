-- review-inbox (kr.salonmate.query.review): one row per shop that has reviews in review_view, written by the same
-- projection in the same transaction as the rows. `reviews` is the shop's count of rows in review_view, so that an
-- unfiltered list needs no count(*). `stamp` takes a new value from the sequence in every batch that changed one of
-- the shop's rows (and in a batch that renamed an approver, for every shop): a node that kept the shop's first page
-- together with the stamp it read before the page knows the page is still what the table holds while the stamp is
-- unchanged (ADR 32). A sequence never hands out a value twice, not even after a reset and replay, so a page kept
-- from before a replay can never match a stamp written after it.
CREATE SEQUENCE review_inbox_stamp;

CREATE TABLE review_inbox_shop (
    shop_id uuid   NOT NULL PRIMARY KEY,
    reviews bigint NOT NULL,
    stamp   bigint NOT NULL
);

INSERT INTO review_inbox_shop (shop_id, reviews, stamp)
SELECT shop_id, count(*), nextval('review_inbox_stamp')
FROM review_view
GROUP BY shop_id;
