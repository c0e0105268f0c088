package org.moderato.webhook;

/** A transaction queued deliveries: after its commit the sender is woken at once. */
public record DeliveryQueued() {}
