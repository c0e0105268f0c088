-- Sample articles, written by the Moderato team, shipped so a fresh install has something to comment on.
-- A migration runs exactly once per database, so they are loaded on first start only.

INSERT INTO articles (id, slug, title, byline, body_html, published_at, comments_open) VALUES
(1, 'welcome-to-moderato', 'Welcome to Moderato', 'The Moderato team',
 '<p>This is a sample article. Every article gets a comment form under it, and every comment goes through the site''s rules and, when needed, a moderator''s queue before it appears here.</p><p>Try it: leave a reply below, then log in as the admin to approve it.</p>',
 TIMESTAMP '2026-11-20 09:00:00', TRUE),
(2, 'why-comments-need-moderation', 'Why comments need moderation', 'The Moderato team',
 '<p>An open comment form attracts three kinds of visitors: readers with something to add, bots with something to sell, and the occasional troll.</p><p>Moderation keeps the first and turns away the other two, and a good moderation tool tells the moderator <em>why</em> a comment was held.</p>',
 TIMESTAMP '2026-11-22 14:30:00', TRUE),
(3, 'your-email-stays-private', 'Your email stays private', 'The Moderato team',
 '<p>The comment form asks for your email address so moderators can tell regular commenters apart. It is never shown on this site: it is stored encrypted, and moderators see only a masked form.</p>',
 TIMESTAMP '2026-11-25 08:15:00', TRUE);
