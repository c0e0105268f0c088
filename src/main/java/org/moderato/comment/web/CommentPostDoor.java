package org.moderato.comment.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.moderato.account.Role;
import org.moderato.article.KeptArticles;
import org.moderato.comment.ClientInfo;
import org.moderato.comment.CommentDraft;
import org.moderato.comment.CommentRefused;
import org.moderato.comment.CommentService;
import org.moderato.comment.FollowUp;
import org.moderato.comment.PendingPreview;
import org.moderato.platform.FriendlyUrls;
import org.moderato.platform.PlainRender;
import org.moderato.platform.MailSettings;
import org.moderato.platform.ReaderTexts;
import org.moderato.platform.TrustedProxies;

/**
 * The article form's door: a POST to {@code /articles/{slug}} with WordPress's field names, handled
 * without Faces. The draft goes to the comment core as typed; a stored comment gets a 303 to the article
 * (PRG), a refusal the article page rendered with the messages and everything typed kept. Only that
 * refusal page is a Faces render; the door itself is a plain filter, the same shape the JSON API uses.
 */
public class CommentPostDoor extends HttpFilter {

    public static final String TOKEN_PARAM = "moderato_token";
    public static final String HONEYPOT_PARAM = "comment_extra";
    public static final String PARENT_PARAM = "comment_parent";
    /** WordPress's "Save my name, email, and website in this browser" box: also the consent to the returning-commenter cookie. */
    public static final String CONSENT_PARAM = "wp-comment-cookies-consent";
    /** "Notify me of follow-up comments by email" (only on the form when mail is on). */
    public static final String SUBSCRIBE_THREAD_PARAM = "subscribe_thread";
    /** "Notify me of replies to my comment by email". */
    public static final String SUBSCRIBE_REPLIES_PARAM = "subscribe_replies";

    private static final Pattern ARTICLE = Pattern.compile("/articles/([a-z0-9][a-z0-9-]{0,199})");

    @Inject
    KeptArticles articles;

    @Inject
    CommentService comments;

    @Inject
    PendingPreview pendingPreview;

    @Inject
    TrustedProxies proxies;

    @Inject
    MailSettings mail;

    @Inject
    ReaderTexts texts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Matcher path = ARTICLE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!"POST".equals(request.getMethod()) || !path.matches()) {
            chain.doFilter(request, response);
            return;
        }
        request.setCharacterEncoding("UTF-8");
        String slug = path.group(1);
        Optional<KeptArticles.Facts> article = articles.bySlug(slug).filter(a -> a.isVisibleAt(Instant.now()));
        if (article.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        CommentDraft draft = draftFrom(request);
        if (mail.isOn()) {
            draft.setFollowUp(followUpFrom(request));
        }
        boolean staff = request.isUserInRole(Role.MODERATOR_NAME) || request.isUserInRole(Role.ADMIN_NAME);
        try {
            CommentService.Submitted submitted = comments.submit(article.get().id(), draft,
                    new ClientInfo(proxies.clientAddress(request), request.getHeader("User-Agent"), staff),
                    ReturningCommenterCookie.of(request).orElse(null));
            long id = submitted.comment().getId();
            ReturningCommenterCookie.update(request, response,
                    "yes".equals(request.getParameter(CONSENT_PARAM)) ? submitted.returningCommenter() : null);
            // the same shape whether the comment was approved, held or filed as spam: the answer says
            // nothing about the author's standing (an approved comment simply shows as published)
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/articles/" + slug
                    + "?unapproved=" + id + "&moderation-hash=" + pendingPreview.hashFor(id, Instant.now())
                    + texts.getLangQuery().replace('?', '&') + "#comment-" + id);
        } catch (CommentRefused refused) {
            request.setAttribute(CommentForm.REFUSED_ATTRIBUTE, new CommentForm.Refused(draft, texts.translate(refused.getMessage()),
                    texts.translate(refused.fieldErrors())));
            request.setAttribute(FriendlyUrls.SLUG_ATTRIBUTE, slug);
            response.setStatus(refused.httpStatus());
            response.setHeader("Cache-Control", "private, no-store");
            request.getRequestDispatcher("/article.xhtml").forward(new PlainRender(request), response);
        }
    }

    /** The draft as a browser sends WordPress's form; the draft's setters clean what arrives. */
    static CommentDraft draftFrom(HttpServletRequest request) {
        CommentDraft draft = new CommentDraft(request.getParameter("author"), request.getParameter("email"),
                request.getParameter("url"), request.getParameter("comment"));
        draft.setFormToken(request.getParameter(TOKEN_PARAM));
        draft.setHoneypot(request.getParameter(HONEYPOT_PARAM));
        String parent = request.getParameter(PARENT_PARAM);
        draft.setParentId(parent != null && parent.matches("[1-9]\\d{0,17}") ? Long.valueOf(parent) : null);
        return draft;
    }

    /** Both boxes ticked: the whole thread, which includes the replies. */
    static FollowUp followUpFrom(HttpServletRequest request) {
        if ("yes".equals(request.getParameter(SUBSCRIBE_THREAD_PARAM))) {
            return FollowUp.THREAD;
        }
        return "yes".equals(request.getParameter(SUBSCRIBE_REPLIES_PARAM)) ? FollowUp.REPLIES : FollowUp.NONE;
    }

}
