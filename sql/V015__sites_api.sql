-- Sites that embed Moderato's threads on pages Moderato does not serve (embed.js, /api/v1).
CREATE SEQUENCE seq_sites START WITH 50 INCREMENT BY 50;

CREATE TABLE sites (
    id              BIGINT        NOT NULL PRIMARY KEY,
    name            VARCHAR(100)  NOT NULL,
    -- the origins allowed to embed, one per line (https://blog.example.org); CORS answers only these
    origins         VARCHAR(2000) NOT NULL,
    create_threads  BOOLEAN       NOT NULL,
    version         INTEGER       NOT NULL DEFAULT 0
);

-- An embedded page's thread is an article row like any other (so the queue, rules, privacy tools,
-- export and reports work on it unchanged), keyed by its site and the page's canonical URL or id.
ALTER TABLE articles ADD COLUMN site_id BIGINT REFERENCES sites (id);
ALTER TABLE articles ADD COLUMN page_key VARCHAR(520);
CREATE UNIQUE INDEX ux_articles_site_page ON articles (site_id, page_key);

-- Staff API tokens (/admin/api-tokens): only a SHA-256 of the token is kept; it is shown once, at creation.
CREATE SEQUENCE seq_api_tokens START WITH 50 INCREMENT BY 50;
CREATE TABLE api_tokens (
    id            BIGINT        NOT NULL PRIMARY KEY,
    name          VARCHAR(100)  NOT NULL,
    token_hash    VARCHAR(64)   NOT NULL UNIQUE,
    -- space-separated: read-queue, moderate
    scopes        VARCHAR(100)  NOT NULL,
    created_by    VARCHAR(100)  NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    revoked_at    TIMESTAMP
);

-- Every staff API call: which token, what it asked, what it got.
CREATE SEQUENCE seq_api_calls START WITH 50 INCREMENT BY 50;
CREATE TABLE api_calls (
    id            BIGINT        NOT NULL PRIMARY KEY,
    token_id      BIGINT        REFERENCES api_tokens (id),
    method        VARCHAR(10)   NOT NULL,
    path          VARCHAR(300)  NOT NULL,
    status        INTEGER       NOT NULL,
    called_at     TIMESTAMP     NOT NULL
);
CREATE INDEX ix_api_calls_token ON api_calls (token_id, id);
