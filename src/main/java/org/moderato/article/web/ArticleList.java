package org.moderato.article.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.moderato.article.ArticleRow;
import org.moderato.article.ArticleService;

/** {@code /admin/articles}: every article with its state and comment counts. */
@Named
@RequestScoped
public class ArticleList {

    @Inject
    ArticleService articles;

    private List<ArticleRow> rows;
    private final Instant now = Instant.now();

    @PostConstruct
    void load() {
        rows = articles.list();
    }

    public List<ArticleRow> getRows() { return rows; }

    public String state(ArticleRow row) {
        return row.state(now);
    }

    public boolean readable(ArticleRow row) {
        return "Published".equals(row.state(now));
    }
}
