-- Teams and sign-in, part 1 and 2: the account's language, verified e-mail, one-time tokens, login limits, and the
-- outbox that mails go through. Plain account tables like V4 (credentials, not history).

-- Mails speak the account's language (sign-up's locale); accounts made before this are Korean, the default.
ALTER TABLE app_user ADD COLUMN locale varchar(8) NOT NULL DEFAULT 'ko' CHECK (locale IN ('ko', 'en'));
-- When the address was proven (a verification link followed, or a password reset through it); NULL: not yet.
ALTER TABLE app_user ADD COLUMN email_verified_at timestamptz;

-- Every refresh token carries the start of its login, so that a login ends SALONMATE_SESSION_MAX_AGE after it
-- started however often it is refreshed. Existing logins started with the oldest token of their family.
ALTER TABLE refresh_token ADD COLUMN session_started_at timestamptz;
UPDATE refresh_token r SET session_started_at = f.started
FROM (SELECT family_id, min(created_at) AS started FROM refresh_token GROUP BY family_id) f
WHERE r.family_id = f.family_id;
ALTER TABLE refresh_token ALTER COLUMN session_started_at SET NOT NULL;
CREATE INDEX refresh_token_user ON refresh_token (user_id);

-- Links in mails (verify the e-mail, reset the password): kept only as the SHA-256 of a random 256-bit token,
-- single use. The address it was sent to is kept, so a link proves that address and no other.
CREATE TABLE one_time_token (
    token_hash varchar(64)  PRIMARY KEY,
    purpose    varchar(20)  NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    user_id    uuid         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    email      varchar(254) NOT NULL,
    created_at timestamptz  NOT NULL,
    expires_at timestamptz  NOT NULL,
    used_at    timestamptz
);
CREATE INDEX one_time_token_user ON one_time_token (user_id, purpose);

-- Failed logins per e-mail (known or not), shared by every node: five within 15 minutes lock that e-mail.
CREATE TABLE login_failure (
    email     varchar(254) NOT NULL,
    failed_at timestamptz  NOT NULL
);
CREATE INDEX login_failure_email ON login_failure (email, failed_at);

-- Mails are written here in the transaction that decided to send them and delivered by MailOutboxWorker, with
-- retries; the bodies (which hold one-time links) are blanked once the mail is sent.
CREATE TABLE mail_outbox (
    id              uuid         PRIMARY KEY,
    recipient       varchar(254) NOT NULL,
    subject         varchar(300) NOT NULL,
    text_body       text         NOT NULL,
    html_body       text         NOT NULL,
    link            text         NOT NULL,
    created_at      timestamptz  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      varchar(500),
    sent_at         timestamptz,
    given_up_at     timestamptz
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND given_up_at IS NULL;
