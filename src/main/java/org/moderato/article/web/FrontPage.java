package org.moderato.article.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.moderato.article.ArticleService;
import org.moderato.article.ArticleSummary;

@Named
@RequestScoped
public class FrontPage {

    @Inject
    ArticleService articles;

    private List<ArticleSummary> summaries;

    @PostConstruct
    void load() {
        summaries = articles.frontPage();
    }

    public List<ArticleSummary> getArticles() {
        return summaries;
    }
}
