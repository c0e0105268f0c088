/**
 * The API's cross-origin rules: which browser origins may read and post (a site's allowed origins,
 * nobody else), and the CORS answers, preflights included, that say so.
 */
package org.moderato.site.api;
