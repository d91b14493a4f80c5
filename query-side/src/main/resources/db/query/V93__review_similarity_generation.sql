-- review-similarity: a counter bumped whenever its projection clears review_similarity (a reset for a replay), in
-- the same transaction. A node's in-memory copy of a shop's vectors (ShopVectors) starts over when it changes.
-- Before, a copy counted the shop's rows before every search to notice a clear: count(*) visits every row of the
-- shop, 0.8 ms at 2,000 reviews, once per AI draft, the largest cost of PostgreSQL in the review pipeline
-- (docs/benchmarks.md). The generation and the shop's highest revision are two index look-ups.
CREATE TABLE review_similarity_generation (
    id         smallint NOT NULL PRIMARY KEY CHECK (id = 1),
    generation bigint   NOT NULL
);
INSERT INTO review_similarity_generation (id, generation) VALUES (1, 0);
