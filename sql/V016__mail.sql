-- Mail (issue 12): the outbox every message goes through, readers' subscriptions and confirmed
-- addresses, and staff members' own address and held-comment preference. No address is stored in
-- the clear: a recipient is an AES-GCM ciphertext (EmailVault) that only the sender opens.

CREATE SEQUENCE seq_mail_outbox START WITH 50 INCREMENT BY 50;

-- Written in the same transaction as the change that causes the message; the sender claims a row
-- (QUEUED -> SENDING, with a lease) before it talks to the SMTP server, so no two nodes send one row.
CREATE TABLE mail_outbox (
    id                    BIGINT         NOT NULL PRIMARY KEY,
    -- CONFIRM, NOTIFY, APPROVED, HELD, DIGEST
    kind                  VARCHAR(10)    NOT NULL,
    -- QUEUED, SENDING, SENT, FAILED
    state                 VARCHAR(10)    NOT NULL,
    recipient_ciphertext  VARCHAR(400)   NOT NULL,
    -- the recipient's blind index (readers only): the daily limit counts by it
    recipient_index       VARCHAR(64),
    subject               VARCHAR(300)   NOT NULL,
    body_text             VARCHAR(30000) NOT NULL,
    body_html             VARCHAR(60000) NOT NULL,
    -- notifications: the one-click (RFC 8058) address of List-Unsubscribe
    unsubscribe_url       VARCHAR(600),
    message_id            VARCHAR(200)   NOT NULL UNIQUE,
    -- one notification per comment per subscriber ("NOTIFY:{comment}:{index}"); NULL for the others
    once_key              VARCHAR(120)   UNIQUE,
    comment_id            BIGINT,
    created_at            TIMESTAMP      NOT NULL,
    next_attempt_at       TIMESTAMP      NOT NULL,
    attempts              INTEGER        NOT NULL DEFAULT 0,
    lease_until           TIMESTAMP,
    sent_at               TIMESTAMP,
    last_error            VARCHAR(500)
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (state, next_attempt_at);
CREATE INDEX ix_mail_outbox_recipient ON mail_outbox (recipient_index, created_at);

-- A reader's address as the mail feature knows it, by its blind index only: confirmed (double
-- opt-in) or not, and when the last confirmation mail went (at most one an hour).
CREATE TABLE mail_addresses (
    email_index           VARCHAR(64)    NOT NULL PRIMARY KEY,
    confirmed_at          TIMESTAMP,
    confirmation_sent_at  TIMESTAMP
);

CREATE SEQUENCE seq_mail_subscriptions START WITH 50 INCREMENT BY 50;

-- "Notify me of follow-up comments" (THREAD) or "... of replies to my comment" (REPLIES), made by
-- the subscriber's own comment: its sealed address is the one written to, and it goes with it.
CREATE TABLE mail_subscriptions (
    id               BIGINT        NOT NULL PRIMARY KEY,
    article_id       BIGINT        NOT NULL REFERENCES articles (id),
    comment_id       BIGINT        NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    email_index      VARCHAR(64)   NOT NULL,
    scope            VARCHAR(10)   NOT NULL,
    created_at       TIMESTAMP     NOT NULL
);
CREATE INDEX ix_mail_subscriptions_article ON mail_subscriptions (article_id);
CREATE INDEX ix_mail_subscriptions_index ON mail_subscriptions (email_index);
CREATE INDEX ix_mail_subscriptions_comment ON mail_subscriptions (comment_id);

-- A staff member's own address and what they want to hear of held comments.
CREATE TABLE mail_staff (
    account_id        BIGINT        NOT NULL PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    email_ciphertext  VARCHAR(400)  NOT NULL,
    -- AT_ONCE, DIGEST, NEVER
    held_mail         VARCHAR(10)   NOT NULL,
    digest_minutes    INTEGER       NOT NULL,
    last_digest_at    TIMESTAMP     NOT NULL
);
