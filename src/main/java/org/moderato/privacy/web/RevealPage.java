package org.moderato.privacy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.moderato.privacy.AddressReveals;
import org.moderato.privacy.PrivacyActionRefused;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * {@code /admin/privacy/reveal?comment=ID}: shows the comment with its masked address and a button;
 * only pressing it (a POST, logged) shows the address, on this response only.
 */
@Named
@RequestScoped
public class RevealPage {

    @Inject
    AddressReveals reveals;

    @Inject
    SecurityContext security;

    private Long commentId;
    private AddressReveals.CommentSummary comment;
    private AddressReveals.Revealed revealed;

    @PostConstruct
    void load() {
        String requested = Faces.getRequestParameter("comment");
        if (requested == null || requested.isBlank()) {
            return;
        }
        if (!requested.strip().matches("\\d{1,18}")) {
            Messages.addGlobalError("A comment number is a whole number, like 1050.");
            return;
        }
        commentId = Long.valueOf(requested.strip());
        comment = reveals.summary(commentId).orElse(null);
        if (comment == null) {
            Messages.addGlobalError("There is no comment {0}.", String.valueOf(commentId));
        }
    }

    public void reveal() {
        try {
            revealed = reveals.reveal(commentId, security.getCallerPrincipal().getName());
            comment = revealed.comment();
        } catch (PrivacyActionRefused refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public Long getCommentId() { return commentId; }
    public AddressReveals.CommentSummary getComment() { return comment; }
    public AddressReveals.Revealed getRevealed() { return revealed; }
}
