package org.moderato.article.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.time.Instant;
import org.moderato.article.Article;
import org.moderato.article.ArticleInput;
import org.moderato.article.ArticleRefused;
import org.moderato.article.ArticleService;
import org.moderato.article.ArticleStatus;
import org.moderato.article.BodyFormat;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * {@code /admin/edit-article[?id=N]}: writes a new article or edits one. Field errors come from the
 * input's constraints and the service's refusals; a saved article redirects back here (PRG).
 */
@Named
@RequestScoped
public class ArticleEditor {

    @Inject
    ArticleService articles;

    @Inject
    SecurityContext security;

    private Long id;
    private Article article;
    private ArticleInput input = new ArticleInput();

    @PostConstruct
    void load() {
        String requested = Faces.getRequestParameter("id");
        if (requested != null && requested.matches("\\d{1,18}")) {
            article = articles.find(Long.parseLong(requested)).orElse(null);
        }
        if (article != null) {
            id = article.getId();
            input = ArticleInput.of(article);
        } else {
            input.setByline(security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName());
        }
    }

    /** An {@code id} that names no article is a 404, not an empty "new article" form. */
    public void requireArticle() throws IOException {
        if (Faces.getRequestParameter("id") != null && article == null) {
            Faces.responseSendError(404, "No such article.");
        }
    }

    public void save() throws IOException {
        try {
            Article saved = articles.save(id, input, Instant.now());
            Messages.addFlashGlobalInfo("Saved \u201c{0}\u201d.", saved.getTitle());
            Faces.redirect("admin/edit-article?id=" + saved.getId());
        } catch (ArticleRefused refused) {
            if (refused.field() == null) {
                Messages.addGlobalError(refused.getMessage());
            } else {
                Messages.addError(refused.field(), refused.getMessage());
            }
            Faces.validationFailed();
        } catch (EJBException conflict) {
            Messages.addGlobalError("The article could not be saved: someone else changed it or took its address at the"
                    + " same moment. Your text is still in the form; try again.");
            Faces.validationFailed();
        }
    }

    public boolean isCreating() { return article == null; }
    public Article getArticle() { return article; }
    public ArticleInput getInput() { return input; }
    public ArticleStatus[] getStatuses() { return ArticleStatus.values(); }
    public BodyFormat[] getFormats() { return BodyFormat.values(); }

    public String getState() {
        return article == null ? "New" : article.isScheduledAt(Instant.now()) ? "Scheduled"
                : article.isVisibleAt(Instant.now()) ? "Published" : "Draft";
    }
}
