-- Every index of comments is written with every comment (15 of them), so two that no query needs go.
-- ix_comments_email_index (email_index) is the first column of ix_comments_email_status, which serves
-- every lookup by address; ix_comments_article_ip (article_id, ip_address) served the duplicate check
-- until V010 moved it to the text's hash (ix_comments_article_body). H2 2.x and PostgreSQL 15.
DROP INDEX ix_comments_email_index;
DROP INDEX ix_comments_article_ip;
