-- Email privacy (issue 4): which site secret sealed each address, when a comment's IP and user agent
-- were anonymised, the retention setting, and the log of privacy actions (address reveals, exports,
-- erasures, key rotations). H2 2.x and PostgreSQL 15.

-- the id (a fingerprint) of the site secret that encrypted and indexed the address; a key rotation
-- re-encrypts every row whose id is not the current one
ALTER TABLE comments ADD COLUMN email_key_id VARCHAR(16);
CREATE INDEX ix_comments_email_key ON comments (email_key_id, id);

-- set when the IP address was truncated and the user agent removed (after the retention period)
ALTER TABLE comments ADD COLUMN client_anonymised_at TIMESTAMP;
CREATE INDEX ix_comments_created ON comments (created_at, id);

CREATE TABLE privacy_settings (
    id                  INTEGER       NOT NULL PRIMARY KEY,
    -- days a comment's full IP address and user agent are kept for moderation
    ip_retention_days   INTEGER       NOT NULL,
    version             INTEGER       NOT NULL DEFAULT 0
);
INSERT INTO privacy_settings (id, ip_retention_days, version) VALUES (1, 30, 0);

-- who did what with personal data, and when; comment_id is not a foreign key, so the entry
-- outlives a comment erased later. It never holds an address.
CREATE SEQUENCE seq_privacy_log START WITH 50 INCREMENT BY 50;
CREATE TABLE privacy_log (
    id            BIGINT         NOT NULL PRIMARY KEY,
    occurred_at   TIMESTAMP      NOT NULL,
    actor         VARCHAR(100)   NOT NULL,
    action        VARCHAR(20)    NOT NULL,
    comment_id    BIGINT,
    detail        VARCHAR(500)   NOT NULL
);
CREATE INDEX ix_privacy_log_action ON privacy_log (action, id);
