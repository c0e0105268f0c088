-- Site rules (WordPress's Discussion settings and ours), their change log, authors marked
-- "always hold", and the one-time form tokens of the bot check. H2 2.x and PostgreSQL 15.

CREATE TABLE rule_settings (
    id                       INTEGER       NOT NULL PRIMARY KEY,
    require_name_and_email   BOOLEAN       NOT NULL,
    close_old_articles       BOOLEAN       NOT NULL,
    close_after_days         INTEGER       NOT NULL,
    thread_depth             INTEGER       NOT NULL,
    flood_seconds            INTEGER       NOT NULL,
    form_min_seconds         INTEGER       NOT NULL,
    form_max_hours           INTEGER       NOT NULL,
    bots_to_spam             BOOLEAN       NOT NULL,
    manual_approval          BOOLEAN       NOT NULL,
    moderation_keys          VARCHAR(100000) NOT NULL,
    disallowed_keys          VARCHAR(100000) NOT NULL,
    link_limit               INTEGER       NOT NULL,
    trust_approved_authors   BOOLEAN       NOT NULL,
    trust_after_approved     INTEGER       NOT NULL,
    default_decision         VARCHAR(16)   NOT NULL,
    version                  INTEGER       NOT NULL DEFAULT 0
);
-- the one row, with WordPress's defaults
INSERT INTO rule_settings VALUES (1, TRUE, FALSE, 14, 5, 15, 3, 24, FALSE, FALSE, '', '', 2, TRUE, 1, 'APPROVE', 0);

CREATE SEQUENCE seq_rule_changes START WITH 50 INCREMENT BY 50;
CREATE TABLE rule_changes (
    id           BIGINT         NOT NULL PRIMARY KEY,
    changed_by   VARCHAR(100)   NOT NULL,
    changed_at   TIMESTAMP      NOT NULL,
    summary      VARCHAR(4000)  NOT NULL
);

CREATE TABLE held_authors (
    email_index  VARCHAR(64)    NOT NULL PRIMARY KEY,
    marked_by    VARCHAR(100)   NOT NULL,
    marked_at    TIMESTAMP      NOT NULL
);

CREATE TABLE used_form_tokens (
    token_key    VARCHAR(200)   NOT NULL PRIMARY KEY,
    expires_at   TIMESTAMP      NOT NULL
);
CREATE INDEX ix_used_form_tokens_expiry ON used_form_tokens (expires_at);

-- replies: how deep a comment sits (1 = top level), so the depth rule needs no tree walk
ALTER TABLE comments ADD COLUMN depth INTEGER DEFAULT 1 NOT NULL;
-- the flood check looks up the last comment from an IP
CREATE INDEX ix_comments_ip ON comments (ip_address, created_at);
