/**
 * Staff accounts: moderators and admins, their PBKDF2 password hashes, the first admin created at
 * first start, the form login against the database ({@code StaffAuthentication}), what admins do with
 * accounts ({@code AccountAdmin}, never leaving the site without an active admin), and the brute-force
 * throttle ({@code LoginThrottle}).
 */
package org.moderato.account;
