package org.moderato.comment;

import static org.moderato.comment.CommentLimits.BODY_MAX_BYTES;
import static org.moderato.comment.CommentLimits.EMAIL_MAX;
import static org.moderato.comment.CommentLimits.NAME_MAX;
import static org.moderato.comment.CommentLimits.WEBSITE_MAX;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a reader submits. The Faces form binds to it directly and the service validates it again,
 * so these constraints are the only place the field shapes live. Whether name and email are required
 * is a site rule (see {@code RequiredFieldsCheck}). Setters clean the text as it arrives.
 */
public class CommentDraft {

    @Size(max = NAME_MAX, message = "Your name is too long (at most {max} characters).")
    private String author;

    @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "Please enter a valid email address.")
    @Size(max = EMAIL_MAX, message = "Your email address is too long (at most {max} characters).")
    private String email;

    @Size(max = WEBSITE_MAX, message = "The website address is too long (at most {max} characters).")
    @Pattern(regexp = "(?i)(https?://[^\\s<>\"]+)?", message = "The website must be an http:// or https:// address.")
    private String url;

    @NotBlank(message = "Please type your comment.")
    @MaxUtf8Bytes(value = BODY_MAX_BYTES, message = "Your comment is too long (at most 65,525 bytes).")
    private String comment;

    /** The comment replied to, or null for a top-level comment. */
    private Long parentId;

    /** The hidden field only bots fill in. */
    private String honeypot;

    /** The signed token the form was served with. */
    private String formToken;

    /** The email the reader asked for (only taken when mail is on). */
    private FollowUp followUp = FollowUp.NONE;

    public CommentDraft() {}

    public CommentDraft(String author, String email, String url, String comment) {
        setAuthor(author);
        setEmail(email);
        setUrl(url);
        setComment(comment);
    }

    public String getAuthor() { return author; }
    public void setAuthor(String author) { this.author = SubmittedText.blankToNull(SubmittedText.cleanLine(author)); }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = SubmittedText.blankToNull(SubmittedText.cleanLine(email)); }

    public String getUrl() { return url; }

    public void setUrl(String url) { this.url = SubmittedText.website(url); }

    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = SubmittedText.blankToNull(SubmittedText.cleanText(comment)); }

    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }

    public String getHoneypot() { return honeypot; }
    public void setHoneypot(String honeypot) { this.honeypot = honeypot; }

    public String getFormToken() { return formToken; }
    public void setFormToken(String formToken) { this.formToken = formToken; }

    public FollowUp getFollowUp() { return followUp; }
    public void setFollowUp(FollowUp followUp) { this.followUp = followUp == null ? FollowUp.NONE : followUp; }
}
