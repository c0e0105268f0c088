/**
 * The mail feature's pages: the links in messages ({@code /mail/confirm}, {@code /mail/unsubscribe}, a plain
 * servlet, no session), the admin's outbox ({@code /admin/mail}) and a staff member's own settings
 * ({@code /account/mail}). Thin: each action is one call into {@code org.moderato.mail}.
 */
package org.moderato.mail.web;
