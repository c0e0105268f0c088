-- The duplicate check looks a submitted text up by a short hash of it (then compares the text
-- itself), so it costs an index lookup however many comments an address has posted. The write
-- path fills it for every new or edited comment; comments stored before have none and are simply
-- not found as duplicates.
ALTER TABLE comments ADD COLUMN body_hash VARCHAR(16);
CREATE INDEX ix_comments_article_body ON comments (article_id, body_hash);
