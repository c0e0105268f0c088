-- The spam filter: what it learnt from the moderators' decisions (comments per class, and per
-- feature hash in how many comments of each class it appeared), and its settings. H2 2.x and PostgreSQL 15.

CREATE TABLE spam_model (
    id             INTEGER  NOT NULL PRIMARY KEY,
    spam_messages  INTEGER  NOT NULL,
    good_messages  INTEGER  NOT NULL,
    version        BIGINT   NOT NULL
);
INSERT INTO spam_model (id, spam_messages, good_messages, version) VALUES (1, 0, 0, 0);

CREATE TABLE spam_features (
    feature_hash  INTEGER  NOT NULL PRIMARY KEY,
    spam_count    INTEGER  NOT NULL,
    good_count    INTEGER  NOT NULL
);

-- on by default: it stays silent until it has learnt from 30 spam and 30 approved comments
ALTER TABLE rule_settings ADD COLUMN spam_filter BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE rule_settings ADD COLUMN spam_hold_percent INTEGER DEFAULT 50 NOT NULL;
ALTER TABLE rule_settings ADD COLUMN spam_file_percent INTEGER DEFAULT 99 NOT NULL;
