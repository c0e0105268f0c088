package org.moderato.comment.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import org.moderato.article.web.ArticlePage;
import org.moderato.comment.CommentDraft;
import org.moderato.rules.FormToken;

/**
 * What the "Leave a Reply" form shows: empty with a fresh token, or, after {@link CommentPostDoor}
 * refused a post, everything the reader typed with the messages beside the fields.
 */
@Named
@RequestScoped
public class CommentForm {

    static final String REFUSED_ATTRIBUTE = "moderato.comment.refused";

    /** A post the core refused: the draft as typed, a message for the whole form (or null), messages by field. */
    record Refused(CommentDraft draft, String message, Map<String, String> fieldErrors) {}

    @Inject
    ArticlePage page;

    @Inject
    FormToken formTokens;

    @Inject
    HttpServletRequest request;

    private Refused refused;

    @PostConstruct
    void load() {
        refused = request.getAttribute(REFUSED_ATTRIBUTE) instanceof Refused r ? r : null;
    }

    public CommentDraft getDraft() {
        return refused == null ? new CommentDraft() : refused.draft();
    }

    /** A fresh signed token for the form being rendered. */
    public String getFormToken() {
        return formTokens.issue(page.getArticle().getId(), Instant.now());
    }

    /** The message about the whole form, or null. */
    public String getFormError() {
        return refused == null ? null : refused.message();
    }

    /** The message beside a field ({@code author}, {@code email}, {@code url}, {@code comment}), or "". */
    public String errorFor(String field) {
        return refused == null ? "" : refused.fieldErrors().getOrDefault(field, "");
    }

    /** The reply target typed into the refused form, so the form stays under that comment. */
    public Long getParentId() {
        return refused == null ? null : refused.draft().getParentId();
    }
}
