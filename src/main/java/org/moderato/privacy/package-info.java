/**
 * Keeps the promise "Your email address will not be published": addresses are stored only as
 * AES-GCM ciphertext plus a keyed blind index for lookups (and the id of the secret that made them,
 * so a key rotation can re-encrypt in the background), moderators see a masked form, avatars are
 * identicons from a keyed HMAC of the index, and an admin may reveal one address on purpose (logged).
 * Also: IP addresses and user agents anonymised after a retention period, and privacy requests
 * (export as JSON, erase), all recorded in the privacy log. {@code web/} holds the admin pages and
 * the avatar servlet.
 */
package org.moderato.privacy;
