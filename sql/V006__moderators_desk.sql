-- The moderator's desk (issue 5): staff replies, edited text with its earlier versions, a record of
-- permanent deletions, account state for the users page, and failed logins for the brute-force
-- throttle. Written for both H2 2.x and PostgreSQL 15.

-- a reply a moderator or admin posted from the queue: approved at once, marked "Staff" on the article
ALTER TABLE comments ADD COLUMN staff_reply BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE comments ADD COLUMN edited_by VARCHAR(100);
ALTER TABLE comments ADD COLUMN edited_at TIMESTAMP;
-- the author's history in the queue (approved / held / spam by blind index) is counted from this index alone
CREATE INDEX ix_comments_email_status ON comments (email_index, status);

-- the text as it was before each edit by staff, so an edit can always be explained
CREATE SEQUENCE seq_comment_revisions START WITH 50 INCREMENT BY 50;
CREATE TABLE comment_revisions (
    id             BIGINT         NOT NULL PRIMARY KEY,
    comment_id     BIGINT         NOT NULL REFERENCES comments (id),
    edited_by      VARCHAR(100)   NOT NULL,
    edited_at      TIMESTAMP      NOT NULL,
    previous_body  VARCHAR(65535) NOT NULL
);
CREATE INDEX ix_comment_revisions_comment ON comment_revisions (comment_id, id);

-- a permanently deleted comment leaves only this: who deleted it, when, from which status (no text, no author)
CREATE TABLE deleted_comments (
    comment_id   BIGINT        NOT NULL PRIMARY KEY,
    article_id   BIGINT        NOT NULL,
    from_status  VARCHAR(16)   NOT NULL,
    deleted_by   VARCHAR(100)  NOT NULL,
    deleted_at   TIMESTAMP     NOT NULL
);

ALTER TABLE accounts ADD COLUMN last_login_at TIMESTAMP;
-- raised when a password, role or the enabled flag changes: sessions started before end at their next request
ALTER TABLE accounts ADD COLUMN session_epoch INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE accounts ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;

-- failed logins of the last minutes, by the username as typed (existing or not) and by client address
CREATE SEQUENCE seq_login_failures START WITH 50 INCREMENT BY 50;
CREATE TABLE login_failures (
    id           BIGINT        NOT NULL PRIMARY KEY,
    username     VARCHAR(100)  NOT NULL,
    ip_address   VARCHAR(45)   NOT NULL,
    failed_at    TIMESTAMP     NOT NULL
);
CREATE INDEX ix_login_failures_username ON login_failures (username, failed_at);
CREATE INDEX ix_login_failures_ip ON login_failures (ip_address, failed_at);
CREATE INDEX ix_login_failures_time ON login_failures (failed_at);

-- newest-first views walk these from the top; H2 reads an index in its own order only, so the
-- descending views need descending twins of the (status, id) and (article_id, status, id) indexes
CREATE INDEX ix_comments_status_desc ON comments (status DESC, id DESC);
CREATE INDEX ix_comments_article_status_desc ON comments (article_id DESC, status DESC, id DESC);

-- comments per status, kept with every change, so the queue's tabs cost four rows to read instead of
-- counting 100,000 index entries on every page; recounted at start-up and every few minutes in case
-- something wrote comments around the services (an import, a manual fix)
CREATE TABLE comment_totals (
    status  VARCHAR(16)  NOT NULL PRIMARY KEY,
    total   BIGINT       NOT NULL
);
INSERT INTO comment_totals (status, total) VALUES ('PENDING', 0), ('APPROVED', 0), ('SPAM', 0), ('TRASH', 0);
UPDATE comment_totals SET total = (SELECT COUNT(*) FROM comments c WHERE c.status = comment_totals.status);
