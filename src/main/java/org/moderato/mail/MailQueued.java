package org.moderato.mail;

/** Fired when a transaction queued mail; observed after commit, to send at once rather than at the next tick. */
public record MailQueued(long outboxId) {}
