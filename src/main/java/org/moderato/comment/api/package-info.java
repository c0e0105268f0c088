/**
 * The reader API under {@code /api/v1}: a thread's approved comments (the same HTML the page shows),
 * the single-use form token, posting (another door onto {@code CommentService.submit}, with the same
 * checks and messages), and the author's signed preview of a pending comment. JSON only, no session,
 * never an email address, not even hashed. Described in {@code META-INF/openapi.yaml}.
 */
package org.moderato.comment.api;
