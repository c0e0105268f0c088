package org.moderato.comment.api;

/**
 * A comment as the API receives it: the article form's fields under their WordPress names, the form
 * token from {@code POST /api/v1/form-tokens}, and the returning-commenter token the widget keeps
 * only when its reader ticked "remember me".
 */
public class PostedComment {
    public String author;
    public String email;
    public String url;
    public String comment;
    public Long parent;
    public String token;
    /** The honeypot: people never see or fill it. */
    public String extra;
    public String returning;
    /** "thread" or "replies": the notification box the reader ticked (taken only when mail is on). */
    public String notify;
}
