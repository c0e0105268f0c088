-- Reader reports and the EU notice-and-action flow (issue 13). Written for both H2 2.x and PostgreSQL 15.

-- how many reports from different readers send a published comment back to the queue
ALTER TABLE rule_settings ADD COLUMN report_threshold INTEGER DEFAULT 3 NOT NULL;

-- what a moderator (or the threshold) decided about a reported comment; kept after the comment is
-- deleted for good, since the transparency figures count decisions, so no foreign key to comments
CREATE SEQUENCE seq_report_decisions START WITH 50 INCREMENT BY 50;
CREATE TABLE report_decisions (
    id                  BIGINT         NOT NULL PRIMARY KEY,
    comment_id          BIGINT         NOT NULL,
    outcome             VARCHAR(16)    NOT NULL,
    automated           BOOLEAN        NOT NULL,
    notice              BOOLEAN        NOT NULL,
    ground_kind         VARCHAR(8),
    ground              VARCHAR(200),
    explanation         VARCHAR(2000),
    facts               VARCHAR(2000)  NOT NULL,
    decided_by          VARCHAR(100)   NOT NULL,
    decided_at          TIMESTAMP      NOT NULL,
    first_report_at     TIMESTAMP      NOT NULL,
    contested_at        TIMESTAMP,
    contest_text        VARCHAR(2000),
    contest_outcome     VARCHAR(16),
    contest_decided_at  TIMESTAMP
);
CREATE INDEX ix_report_decisions_comment ON report_decisions (comment_id, id);
CREATE INDEX ix_report_decisions_time ON report_decisions (decided_at);

-- text columns are twice the limits the forms check, which count characters as readers see them
-- (an emoji is one character to a reader, two UTF-16 units to H2)
-- one row per report; reader_key is a keyed HMAC of the reader's address (or, without one, of the IP):
-- one report per comment per reader, and nothing here can be read back as an address
CREATE SEQUENCE seq_comment_reports START WITH 50 INCREMENT BY 50;
CREATE TABLE comment_reports (
    id                  BIGINT         NOT NULL PRIMARY KEY,
    comment_id          BIGINT         NOT NULL,
    reason              VARCHAR(24)    NOT NULL,
    note                VARCHAR(2000),
    law                 VARCHAR(400),
    explanation         VARCHAR(4000),
    notifier_name       VARCHAR(200),
    notifier_email      VARCHAR(1000),
    reader_key          VARCHAR(64)    NOT NULL,
    client_key          VARCHAR(64)    NOT NULL,
    created_at          TIMESTAMP      NOT NULL,
    decision_id         BIGINT         REFERENCES report_decisions (id),
    CONSTRAINT uq_comment_reports_reader UNIQUE (comment_id, reader_key)
);
CREATE INDEX ix_comment_reports_open ON comment_reports (decision_id, comment_id);
CREATE INDEX ix_comment_reports_client ON comment_reports (client_key, created_at);
CREATE INDEX ix_comment_reports_time ON comment_reports (created_at);
