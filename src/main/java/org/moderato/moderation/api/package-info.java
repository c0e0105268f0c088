/**
 * The staff API under {@code /api/v1/staff}: the queue with reasons and masked addresses, and approve /
 * spam / trash with the desk's version check, for callers with an API token of the right scope. Every
 * call is in the audit trail ({@code api_calls}); every move in the comment's history, by the token's name.
 */
package org.moderato.moderation.api;
