package org.moderato.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;
import java.time.Instant;
import org.moderato.platform.ContentChanges;

@Entity
@EntityListeners(ContentChanges.class)
@Table(name = "articles")
public class Article {

    @Id
    @SequenceGenerator(name = "seq_articles", sequenceName = "seq_articles", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_articles")
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String byline;

    /** Staff-written HTML, already sanitised when it was saved. */
    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "comments_open", nullable = false)
    private boolean commentsOpen = true;

    protected Article() {}

    public Long getId() { return id; }
    public String getSlug() { return slug; }
    public String getTitle() { return title; }
    public String getByline() { return byline; }
    public String getBodyHtml() { return bodyHtml; }
    public Instant getPublishedAt() { return publishedAt; }
    public boolean isCommentsOpen() { return commentsOpen; }
}
