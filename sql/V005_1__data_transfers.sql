-- Every WordPress import and every export, who ran it and what it moved: the audit trail for data
-- leaving the site (an export can carry commenters' email addresses) or arriving in bulk.
CREATE SEQUENCE seq_data_transfers START WITH 50 INCREMENT BY 50;

CREATE TABLE data_transfers (
    id            BIGINT        NOT NULL PRIMARY KEY,
    kind          VARCHAR(16)   NOT NULL,
    actor         VARCHAR(100)  NOT NULL,
    occurred_at   TIMESTAMP     NOT NULL,
    site_url      VARCHAR(500),
    articles      INTEGER       NOT NULL,
    comments      INTEGER       NOT NULL,
    with_emails   BOOLEAN       NOT NULL,
    summary       VARCHAR(1000)
);
CREATE INDEX ix_data_transfers_time ON data_transfers (occurred_at);
