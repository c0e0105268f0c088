-- The duplicate check now looks for the same text from the same IP address on the same article
-- (never by the author's email address, whose history a reader must not be able to probe).
CREATE INDEX ix_comments_article_ip ON comments (article_id, ip_address);

-- Reasons written before a key-list match on an address was named by its line quoted the address,
-- which moderators may only see masked. Each list gives at most one reason per comment, so replacing
-- the first match (all PostgreSQL does without the 'g' flag) is enough; no back-references, whose
-- syntax differs between H2 and PostgreSQL.
UPDATE comments SET moderation_reasons = REGEXP_REPLACE(moderation_reasons,
        'moderation email [^@\s;]+@[^\s;]+', 'moderation list entry matches the email address')
    WHERE moderation_reasons LIKE '%moderation email %@%';
UPDATE comments SET moderation_reasons = REGEXP_REPLACE(moderation_reasons,
        'disallowed email [^@\s;]+@[^\s;]+', 'disallowed list entry matches the email address')
    WHERE moderation_reasons LIKE '%disallowed email %@%';
UPDATE moderation_events SET note = REGEXP_REPLACE(note,
        'moderation email [^@\s;]+@[^\s;]+', 'moderation list entry matches the email address')
    WHERE note LIKE '%moderation email %@%';
UPDATE moderation_events SET note = REGEXP_REPLACE(note,
        'disallowed email [^@\s;]+@[^\s;]+', 'disallowed list entry matches the email address')
    WHERE note LIKE '%disallowed email %@%';
