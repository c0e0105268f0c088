-- Webhooks (issue 14): an admin's endpoints that hear of held, approved and reported comments, and the
-- outbox of their deliveries, written in the transaction of the change and sent after commit.
CREATE SEQUENCE seq_webhooks START WITH 50 INCREMENT BY 50;
CREATE TABLE webhooks (
    id            BIGINT        NOT NULL PRIMARY KEY,
    url           VARCHAR(500)  NOT NULL,
    -- space-separated: comment.held comment.approved comment.reported
    events        VARCHAR(100)  NOT NULL,
    -- the shared secret of the signature, shown to the admin once
    secret        VARCHAR(64)   NOT NULL,
    created_by    VARCHAR(100)  NOT NULL,
    created_at    TIMESTAMP     NOT NULL
);

CREATE SEQUENCE seq_webhook_deliveries START WITH 50 INCREMENT BY 50;
CREATE TABLE webhook_deliveries (
    id               BIGINT         NOT NULL PRIMARY KEY,
    webhook_id       BIGINT         NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event            VARCHAR(30)    NOT NULL,
    payload          VARCHAR(20000) NOT NULL,
    -- QUEUED, SENDING, DELIVERED, FAILED
    state            VARCHAR(10)    NOT NULL,
    attempts         INTEGER        NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP      NOT NULL,
    lease_until      TIMESTAMP,
    last_status      INTEGER,
    last_error       VARCHAR(500),
    created_at       TIMESTAMP      NOT NULL,
    delivered_at     TIMESTAMP
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_hook ON webhook_deliveries (webhook_id, created_at);
