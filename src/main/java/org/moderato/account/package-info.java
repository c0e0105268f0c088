/**
 * Staff accounts: moderators and admins, their PBKDF2 password hashes, the first admin created at
 * first start, and the Jakarta Security set-up (form login against the database).
 */
package org.moderato.account;
