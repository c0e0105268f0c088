/**
 * Cross-cutting plumbing: settings, the data source and schema migrations, secrets, URL mapping,
 * security headers and health. Features depend on this package, never the other way round.
 */
package org.moderato.platform;
