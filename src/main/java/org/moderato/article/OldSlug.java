package org.moderato.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An address an article had before its slug changed; it answers 301 to the current one. */
@Entity
@Table(name = "article_old_slugs")
public class OldSlug {

    @Id
    private String slug;

    @Column(name = "article_id", nullable = false)
    private Long articleId;

    protected OldSlug() {}

    public OldSlug(String slug, Long articleId) {
        this.slug = slug;
        this.articleId = articleId;
    }

    public String getSlug() { return slug; }
    public Long getArticleId() { return articleId; }
}
