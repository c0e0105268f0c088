/**
 * Articles: what readers read and comment on. Owns the article entity (draft, published or scheduled,
 * its slug and the old slugs that redirect), the Markdown/HTML body and its allow-list, the front
 * page, and the admin's article management. {@code wordpress/} moves whole sites in and out (WXR).
 */
package org.moderato.article;
