-- Comment pages (WordPress's "Break comments into pages" and "older/newer comments at the top").
ALTER TABLE rule_settings ADD COLUMN comments_per_page INTEGER DEFAULT 50 NOT NULL;
ALTER TABLE rule_settings ADD COLUMN newest_first BOOLEAN DEFAULT FALSE NOT NULL;
