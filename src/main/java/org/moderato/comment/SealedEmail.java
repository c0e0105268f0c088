package org.moderato.comment;

/** An address as it may be stored: AES-GCM ciphertext and its keyed blind index, never the plain text. */
public record SealedEmail(String ciphertext, String blindIndex) {}
