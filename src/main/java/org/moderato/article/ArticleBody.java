package org.moderato.article;

/** An article body: the source as written and the sanitised HTML made from it, always together. */
public record ArticleBody(BodyFormat format, String source, String html) {

    public static ArticleBody of(BodyFormat format, String source) {
        return new ArticleBody(format, source, ArticleHtml.render(format, source));
    }
}
