-- Benchmark data for the queue (bench/queue-bench.sh): 100,000 pending comments, plus approved, spam
-- and trash so the counts and the All view have realistic work. 5,000 authors (so the author history
-- counts several comments each), every tenth comment a reply (so pages show parent excerpts).
-- Ids start at 1,000,001, far above anything the app has handed out; the sequence is moved past them.
INSERT INTO comments (id, article_id, parent_id, author_name, email_ciphertext, email_index, website, body, status,
                      moderation_reasons, created_at, ip_address, user_agent, version, depth, staff_reply)
SELECT 1000000 + X, 1 + MOD(X, 3), CASE WHEN MOD(X, 10) = 0 THEN 1000000 + X - 1 END,
       'Bench Author ' || MOD(X, 5000), NULL, 'bench-index-' || MOD(X, 5000),
       CASE WHEN MOD(X, 4) = 0 THEN 'https://example.org/' || X END,
       'Benchmark comment number ' || X || '. ' || REPEAT('Lorem ipsum dolor sit amet, consectetur adipiscing elit. ', 4),
       CASE WHEN X <= ${pending} THEN 'PENDING' WHEN X <= ${pending} + 20000 THEN 'APPROVED'
            WHEN X <= ${pending} + 25000 THEN 'SPAM' ELSE 'TRASH' END,
       'held: first comment from this author', DATEADD('SECOND', X, TIMESTAMP '2026-01-01 00:00:00'),
       '10.0.' || MOD(X, 250) || '.' || MOD(X, 200), 'bench', 0,
       CASE WHEN MOD(X, 10) = 0 THEN 2 ELSE 1 END, FALSE
FROM SYSTEM_RANGE(1, ${pending} + 30000);
ALTER SEQUENCE seq_comments RESTART WITH 5000000;
