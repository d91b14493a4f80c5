-- A sync of a shop asked for while another node was syncing that shop: the node syncing it sees the row when it
-- is done and syncs once more (ReviewSync, docs/operations.md "Google Business Profile").
CREATE TABLE review_sync_pending (
    shop_id      uuid        PRIMARY KEY,
    requested_at timestamptz NOT NULL DEFAULT now()
);
