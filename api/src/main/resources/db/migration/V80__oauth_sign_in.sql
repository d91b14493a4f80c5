-- Issue 9 part 4: signing in with Google and Kakao. Plain account tables like V4 and V20 (credentials, not history).

-- An account made through Google or Kakao has no password until it sets one (password reset).
ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL;

-- A provider's account linked to ours: (provider, the provider's stable user id) signs in as user_id.
CREATE TABLE user_identity (
    provider   varchar(16)  NOT NULL CHECK (provider IN ('GOOGLE', 'KAKAO')),
    subject    varchar(255) NOT NULL,
    user_id    uuid         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    email      varchar(254),
    created_at timestamptz  NOT NULL,
    PRIMARY KEY (provider, subject)
);
CREATE INDEX user_identity_user ON user_identity (user_id);

-- A sign-in that went to the provider and has not come back yet: the state (kept as its SHA-256), the PKCE verifier
-- and the OpenID nonce that the callback needs. Single use, 10 minutes; any node can finish what another started.
CREATE TABLE oauth_login_attempt (
    state_hash    varchar(64)  PRIMARY KEY,
    provider      varchar(16)  NOT NULL,
    code_verifier varchar(128) NOT NULL,
    nonce         varchar(128) NOT NULL,
    created_at    timestamptz  NOT NULL,
    expires_at    timestamptz  NOT NULL
);
CREATE INDEX oauth_login_attempt_expires ON oauth_login_attempt (expires_at);

-- The one-time code the callback hands to the page (in the URL fragment, never a token): kept as its SHA-256,
-- traded once within 60 s for a login by POST /v1/auth/oauth/exchange.
CREATE TABLE oauth_exchange_code (
    code_hash  varchar(64) PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    new_user   boolean     NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX oauth_exchange_code_expires ON oauth_exchange_code (expires_at);
