-- How long an author may edit or delete their own comment through the signed link (0 = never).
ALTER TABLE rule_settings ADD COLUMN own_edit_minutes INTEGER DEFAULT 10 NOT NULL;
