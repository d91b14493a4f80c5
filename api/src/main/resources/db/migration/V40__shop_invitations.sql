-- Members and invitations (issue 9, part 3). Who belongs to a shop is decided by the Shop aggregate's events;
-- shop_membership (V4) stays the access-control table and is now their projection (MembershipProjection).

-- An invitation's token is a credential, like one_time_token: only its SHA-256 is kept, and it is written in the
-- transaction of the InviteMember command, so the token exists exactly when the event does. The invited address
-- may have no account yet, hence a table of its own (one_time_token needs a user).
CREATE TABLE shop_invitation (
    id          uuid         PRIMARY KEY,
    shop_id     uuid         NOT NULL,
    shop_name   varchar(100) NOT NULL,
    email       varchar(254) NOT NULL,
    role        varchar(16)  NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'STAFF')),
    token_hash  varchar(64)  NOT NULL UNIQUE,
    invited_by  uuid,
    invited_at  timestamptz  NOT NULL,
    expires_at  timestamptz  NOT NULL,
    accepted_at timestamptz,
    accepted_by uuid,
    revoked_at  timestamptz
);
CREATE INDEX shop_invitation_shop ON shop_invitation (shop_id);
CREATE INDEX shop_invitation_email ON shop_invitation (email);
