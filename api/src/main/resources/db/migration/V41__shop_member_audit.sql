-- The shop's membership history (added, role changed, removed or left, invited, invitation accepted or revoked),
-- one row per Shop event, written by MembershipProjection beside shop_membership and rebuilt with it by a replay.
-- The review audit trail (reply_audit) is per review; this is the shop-level part of the audit trail.
CREATE TABLE shop_member_audit (
    shop_id        uuid        NOT NULL,
    sequence       bigint      NOT NULL,
    occurred_at    timestamptz NOT NULL,
    action         varchar(32) NOT NULL,
    actor_type     varchar(16) NOT NULL,
    actor_user_id  uuid,
    actor_name     text,
    member_user_id uuid,
    invitation_id  uuid,
    role           varchar(16),
    PRIMARY KEY (shop_id, sequence)
);
