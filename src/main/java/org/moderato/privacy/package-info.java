/**
 * Keeps the promise "Your email address will not be published": addresses are stored only as
 * AES-GCM ciphertext plus a keyed blind index for lookups, and moderators see a masked form.
 */
package org.moderato.privacy;
