/**
 * Moving a site in and out: WordPress export files (WXR 1.0-1.2, an RSS 2.0 dialect) are read as a
 * stream (StAX) and loaded in one transaction with plain JDBC batches, so a 200 MB file needs no more
 * memory than a small one; the export writes the same format back for WordPress's own importer.
 * Every import and export is recorded in {@code data_transfers}.
 */
package org.moderato.article.wordpress;
