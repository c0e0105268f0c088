package org.moderato.article.web;

/**
 * A rendered article page, split around the comment form's token (each reader gets a token of their
 * own, signed afresh). The two parts are kept as bytes and as deflated segments, so a gzip answer is
 * the kept segments with only the token compressed per request (see {@link GzipSplice}).
 */
record KeptPage(long articleId, KeptPages.Stamp stamp, long keptAt, String contentType, String etag, long lastModified,
                String cacheControl, byte[] before, byte[] after, boolean hasToken, byte[] deflatedBefore,
                byte[] deflatedAfter, double renderBudget) {

    /** The request attribute through which the article page names the article it rendered. */
    static final String ARTICLE_ATTRIBUTE = "moderato.kept.article";

    static KeptPage of(long articleId, KeptPages.Stamp stamp, String contentType, String etag, long lastModified,
                       String cacheControl, byte[] before, byte[] after, boolean hasToken) {
        return new KeptPage(articleId, stamp, System.currentTimeMillis(), contentType, etag, lastModified, cacheControl,
                before, after, hasToken, GzipSplice.segment(before, false), GzipSplice.segment(after, true),
                KeptPages.RENDER_BURST);
    }

    /** The same page with what is left of its key's render budget when it was kept (see {@link KeptPages#mayRender}). */
    KeptPage withRenderBudget(double budget) {
        return new KeptPage(articleId, stamp, keptAt, contentType, etag, lastModified, cacheControl, before, after, hasToken,
                deflatedBefore, deflatedAfter, budget);
    }

    long size() {
        return before.length + after.length + deflatedBefore.length + deflatedAfter.length + 256;
    }
}
