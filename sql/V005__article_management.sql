-- Articles written and managed by admins: draft / published (a future date means scheduled), the
-- source the admin wrote (Markdown or HTML) next to the sanitised HTML readers get, and old slugs
-- that keep redirecting. Written for both H2 2.x and PostgreSQL 15; one column per ALTER for both.

ALTER TABLE articles ADD COLUMN status VARCHAR(16) DEFAULT 'PUBLISHED' NOT NULL;
ALTER TABLE articles ADD COLUMN body_format VARCHAR(16) DEFAULT 'HTML' NOT NULL;
ALTER TABLE articles ADD COLUMN body_source VARCHAR(1000000);
ALTER TABLE articles ADD COLUMN updated_at TIMESTAMP;
ALTER TABLE articles ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;
-- where an imported article came from: the WordPress site and its post id; re-imports match on these
ALTER TABLE articles ADD COLUMN wp_site VARCHAR(500);
ALTER TABLE articles ADD COLUMN wp_post_id BIGINT;

UPDATE articles SET body_source = body_html, updated_at = published_at;
ALTER TABLE articles ALTER COLUMN body_source SET NOT NULL;
ALTER TABLE articles ALTER COLUMN updated_at SET NOT NULL;

ALTER TABLE articles ADD CONSTRAINT uq_articles_wp_post UNIQUE (wp_site, wp_post_id);
-- readers' pages list published articles newest first
CREATE INDEX ix_articles_status_published ON articles (status, published_at);

-- a slug an article had before; /articles/{old} answers 301 to the article's current slug
CREATE TABLE article_old_slugs (
    slug        VARCHAR(200) NOT NULL PRIMARY KEY,
    article_id  BIGINT       NOT NULL REFERENCES articles (id)
);
CREATE INDEX ix_article_old_slugs_article ON article_old_slugs (article_id);

-- the WordPress comment id of an imported comment; unique per article, so re-imports add nothing
ALTER TABLE comments ADD COLUMN wp_comment_id BIGINT;
ALTER TABLE comments ADD CONSTRAINT uq_comments_wp_comment UNIQUE (article_id, wp_comment_id);

-- a draft need not have a date yet; a published article always has one (the entity guarantees it)
ALTER TABLE articles ALTER COLUMN published_at DROP NOT NULL;
