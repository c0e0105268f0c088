-- Moderato schema, version 1. Written for both H2 2.x and PostgreSQL 15.
-- Ids come from sequences. EclipseLink preallocates in steps of 50 and reads each value as the
-- top of its block, so every sequence starts at 50 or higher.

CREATE SEQUENCE seq_articles START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE seq_comments START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE seq_accounts START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE seq_moderation_events START WITH 50 INCREMENT BY 50;

CREATE TABLE articles (
    id             BIGINT        NOT NULL PRIMARY KEY,
    slug           VARCHAR(200)  NOT NULL UNIQUE,
    title          VARCHAR(300)  NOT NULL,
    byline         VARCHAR(200)  NOT NULL,
    body_html      VARCHAR(1000000) NOT NULL,
    published_at   TIMESTAMP     NOT NULL,
    comments_open  BOOLEAN       NOT NULL DEFAULT TRUE
);

CREATE TABLE comments (
    id                 BIGINT         NOT NULL PRIMARY KEY,
    article_id         BIGINT         NOT NULL REFERENCES articles (id),
    parent_id          BIGINT         REFERENCES comments (id),
    author_name        VARCHAR(245)   NOT NULL,
    -- the address itself is never stored: AES-GCM ciphertext and a keyed blind index only
    email_ciphertext   VARCHAR(400),
    email_index        VARCHAR(64),
    website            VARCHAR(200),
    body               VARCHAR(65535) NOT NULL,
    status             VARCHAR(16)    NOT NULL,
    -- why the rules decided what they did, one reason per line, shown to moderators
    moderation_reasons VARCHAR(2000),
    created_at         TIMESTAMP      NOT NULL,
    ip_address         VARCHAR(45),
    user_agent         VARCHAR(512),
    status_changed_by  VARCHAR(100),
    status_changed_at  TIMESTAMP,
    version            INTEGER        NOT NULL DEFAULT 0
);
CREATE INDEX ix_comments_article_status ON comments (article_id, status, id);
CREATE INDEX ix_comments_status ON comments (status, id);
CREATE INDEX ix_comments_email_index ON comments (email_index);

CREATE TABLE accounts (
    id             BIGINT        NOT NULL PRIMARY KEY,
    username       VARCHAR(100)  NOT NULL UNIQUE,
    password_hash  VARCHAR(400)  NOT NULL,
    role           VARCHAR(20)   NOT NULL,
    enabled        BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMP     NOT NULL
);

CREATE TABLE moderation_events (
    id           BIGINT        NOT NULL PRIMARY KEY,
    comment_id   BIGINT        NOT NULL REFERENCES comments (id),
    actor        VARCHAR(100)  NOT NULL,
    occurred_at  TIMESTAMP     NOT NULL,
    from_status  VARCHAR(16),
    to_status    VARCHAR(16)   NOT NULL,
    note         VARCHAR(500)
);
CREATE INDEX ix_moderation_events_comment ON moderation_events (comment_id, id);
