package org.moderato.comment.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import org.moderato.comment.CommentRefused;
import org.moderato.comment.OwnComments;
import org.moderato.platform.ReaderTexts;
import org.omnifaces.util.Faces;

/**
 * {@code /own-comment?c=ID&key=...}: the author's own comment, to edit or delete while the window
 * lasts. After {@link OwnCommentDoor} refused an edit, the text as typed and the message; after a
 * deletion, only the word that it is gone.
 */
@Named
@RequestScoped
public class OwnCommentPage {

    static final String OUTCOME_ATTRIBUTE = "moderato.own-comment.outcome";

    /** What the door did: the comment as it is (null when the key did not open it), the text typed, the message. */
    record Outcome(OwnComments.Editable comment, String typed, String message, String fieldError, boolean deleted) {}

    @Inject
    OwnComments ownComments;

    @Inject
    HttpServletRequest request;

    @Inject
    ReaderTexts texts;

    private Outcome outcome;

    @PostConstruct
    void load() {
        if (request.getAttribute(OUTCOME_ATTRIBUTE) instanceof Outcome o) {
            outcome = o;
            return;
        }
        long id = OwnCommentDoor.idParam(request);
        try {
            OwnComments.Editable comment = ownComments.find(id, request.getParameter("key"));
            outcome = new Outcome(comment, comment.text(), null, null, false);
        } catch (CommentRefused refused) {
            outcome = new Outcome(null, null, texts.translate(refused.getMessage()), null, false);
            Faces.getResponse().setStatus(refused.httpStatus());
        }
    }

    public OwnComments.Editable getComment() { return outcome.comment(); }
    public String getText() { return outcome.typed(); }
    public String getMessage() { return outcome.message(); }
    public String getFieldError() { return outcome.fieldError() == null ? "" : outcome.fieldError(); }
    public boolean isDeleted() { return outcome.deleted(); }
    public String getKey() { return request.getParameter("key"); }

    /** "about 7 more minutes": the window as the author can plan with it. */
    public String getTimeLeft() {
        long minutes = Math.max(0, Duration.between(Instant.now(), outcome.comment().until()).toMinutes());
        return minutes < 1 ? texts.text("own.lessThanMinute") : minutes == 1 ? texts.text("own.minuteLeft") : texts.text("own.minutesLeft", minutes);
    }
}
