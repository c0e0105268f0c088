package org.moderato.platform;

/**
 * Fired (synchronously, in the caller's transaction) just before the previous site secret is forgotten:
 * whatever still opens only with it must be sealed again with the current one now, or never open again.
 */
public record PreviousSecretForgetting() {}
