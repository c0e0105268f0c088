package org.moderato.comment.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.moderato.article.Article;
import org.moderato.article.ArticleService;
import org.moderato.comment.ClientInfo;
import org.moderato.comment.CommentDraft;
import org.moderato.comment.CommentService;
import org.moderato.comment.CommentThreads;
import org.moderato.comment.FollowUp;
import org.moderato.comment.PendingPreview;
import org.moderato.comment.PublicComment;
import org.moderato.platform.MailSettings;
import org.moderato.platform.ReaderTexts;
import org.moderato.platform.TrustedProxies;
import org.moderato.privacy.Avatars;
import org.moderato.rules.FormToken;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.RuleStore;
import org.moderato.rules.checks.ClosedCheck;
import org.moderato.site.EmbeddedThreads;
import org.moderato.site.PageRef;
import org.moderato.site.Site;
import org.moderato.site.SiteRefused;
import org.moderato.site.api.CrossOriginFilter;

/**
 * {@code /api/v1}: what the embed widget (and any other client) reads and posts. A thread is an
 * article: one of Moderato's own, or an embedded page's, found by its site and page. A browser on a
 * site's origin sees only that site's threads; a request from no origin names the site with {@code site}.
 */
@Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ThreadsResource {

    @Inject
    EmbeddedThreads embedded;

    @Inject
    MailSettings mail;

    @Inject
    ArticleService articles;

    @Inject
    CommentService comments;

    @Inject
    RuleStore ruleStore;

    @Inject
    FormToken formTokens;

    @Inject
    PendingPreview pendingPreview;

    @Inject
    Avatars avatars;

    @Inject
    TrustedProxies proxies;

    @Context
    ContainerRequestContext requestContext;

    @Context
    HttpServletRequest request;

    @Inject
    ReaderTexts texts;

    /** What embed.js writes (its own markup: the thread, the form, the notices); the rest comes as HTML or messages. */
    static final List<String> WIDGET_TEXTS = List.of("form.title", "form.titleTo", "form.cancel", "form.notes", "form.required",
            "form.comment", "form.name", "form.email", "form.website", "form.honeypot", "form.cookies", "form.notifyThread", "form.notifyReplies", "form.submit",
            "comment.by", "comment.says", "comment.staff", "comment.preview", "comment.reply", "comment.replyTo", "comment.report",
            "comment.reportLabel",
            "comments.pending", "comments.closed", "comments.pages", "replies.one", "replies.other", "embed.loadFailed", "embed.postFailed", "embed.unreachable");

    @Context
    UriInfo uri;

    /** An embedded page's thread, by its id or canonical URL; an empty thread (id null) until its first token. */
    @GET
    @Path("pages")
    public Response page(@QueryParam("site") Long siteId, @QueryParam("id") String pageId, @QueryParam("url") String url,
                         @QueryParam("page") Integer page) {
        Site site = site(siteId);
        PageRef ref = PageRef.of(site, pageId, url);
        Optional<Article> thread = embedded.existing(site, ref);
        RuleSettings rules = ruleStore.current();
        if (thread.isEmpty()) {
            return ok(new ThreadJson(null, null, site.isCreateThreads(), rules.requireNameAndEmail(), mail.isOn(), rules.threadDepth(),
                    0, 1, 1, List.of(), widgetTexts()));
        }
        return ok(threadJson(thread.get(), rules, page, null));
    }

    @GET
    @Path("threads/{thread}")
    public Response thread(@PathParam("thread") long threadId, @QueryParam("page") Integer page) {
        return ok(threadJson(thread(threadId), ruleStore.current(), page, null));
    }

    /**
     * A single-use form token for a page's thread, the thread made now on first use if the site allows.
     * A POST: it may write, and it is never cached.
     */
    @POST
    @Path("form-tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response formToken(TokenRequest asked) {
        if (asked == null) {
            throw new SiteRefused("Say which page the token is for.", 400);
        }
        Article thread;
        if (asked.thread != null) {
            thread = thread(asked.thread);
        } else {
            Site site = site(asked.site);
            PageRef ref = PageRef.of(site, asked.id, asked.url);
            thread = embedded.existing(site, ref).orElseGet(() -> openRacing(site, ref, asked.title));
        }
        return ok(new IssuedToken(thread.getId(), formTokens.issue(thread.getId(), Instant.now())));
    }

    /** What {@code POST /form-tokens} takes: a thread's id, or a page (its site, its id or URL, its title). */
    public static class TokenRequest {
        public Long thread;
        public Long site;
        public String id;
        public String url;
        public String title;
    }

    public record IssuedToken(long thread, String token) {}

    /** The same answer for an approved, held or spam comment: the author's standing is not told. */
    public record Received(long id, String preview, String returning) {}

    @POST
    @Path("threads/{thread}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("thread") long threadId, PostedComment posted) {
        if (posted == null) {
            throw new SiteRefused("Send the comment as a JSON object.", 400);
        }
        Article thread = thread(threadId);
        CommentDraft draft = new CommentDraft(posted.author, posted.email, posted.url, posted.comment);
        draft.setFormToken(posted.token);
        draft.setHoneypot(posted.extra);
        draft.setParentId(posted.parent);
        if (mail.isOn()) {
            draft.setFollowUp("thread".equals(posted.notify) ? FollowUp.THREAD : "replies".equals(posted.notify) ? FollowUp.REPLIES : FollowUp.NONE);
        }
        CommentService.Submitted submitted = comments.submit(thread.getId(), draft,
                new ClientInfo(proxies.clientAddress(request), request.getHeader("User-Agent"), false), posted.returning);
        long id = submitted.comment().getId();
        return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store")
                .entity(new Received(id, pendingPreview.hashFor(id, Instant.now()), submitted.returningCommenter()))
                .build();
    }

    /** The author's own comment while it waits, with the signed hash the post answered; the thread page it is on. */
    @GET
    @Path("threads/{thread}/pending/{comment}")
    public Response pending(@PathParam("thread") long threadId, @PathParam("comment") long commentId,
                            @QueryParam("hash") String hash) {
        Article thread = thread(threadId);
        if (!pendingPreview.isValid(commentId, hash, Instant.now()) || comments.pendingFor(thread.getId(), commentId).isEmpty()) {
            throw new SiteRefused("This preview link is not valid (any more).", 404);
        }
        return Response.ok(threadJson(thread, ruleStore.current(), null, commentId)).header("Cache-Control", "private, no-store").build();
    }

    private ThreadJson threadJson(Article thread, RuleSettings rules, Integer requestedPage, Long pendingId) {
        List<PublicComment> shown = new ArrayList<>(comments.approvedFor(thread.getId()));
        long count = shown.size();
        if (pendingId != null) {
            comments.pendingFor(thread.getId(), pendingId).ifPresent(shown::add);
        }
        CommentThreads threads = CommentThreads.of(shown, pendingId, rules.newestFirst());
        int number = pendingId != null ? threads.pageOf(pendingId, rules.commentsPerPage()) : requestedPage == null ? 1 : requestedPage;
        CommentThreads.Page page = threads.page(rules.commentsPerPage(), number);
        Map<Long, String> avatarTokens = avatars.tokensFor(page.comments().stream().map(s -> s.comment().id()).toList());
        List<ThreadJson.CommentJson> json = page.comments().stream().map(s -> new ThreadJson.CommentJson(s.comment().id(),
                        s.comment().parentId(), s.depth(), s.comment().authorName(), s.comment().website(),
                        uri.getBaseUri().resolve("../avatars/" + avatarTokens.getOrDefault(s.comment().id(), "anonymous") + ".svg").toString(),
                        s.comment().createdAt(), s.comment().bodyHtml(), s.comment().staff(), s.pending()))
                .toList();
        boolean open = thread.isCommentsOpen() && !ClosedCheck.closedByAge(thread.getPublishedAt(), Instant.now(), rules);
        return new ThreadJson(thread.getId(), thread.getTitle(), open, rules.requireNameAndEmail(), mail.isOn(), rules.threadDepth(), count,
                page.number(), page.count(), json, widgetTexts());
    }

    /** The widget's words, in the language the page asked for ({@code ?lang=}) or the site's. */
    private Map<String, String> widgetTexts() {
        Locale locale = texts.getLocale();
        Map<String, String> words = new LinkedHashMap<>();
        for (String key : WIDGET_TEXTS) {
            words.put(key, texts.text(locale, key));
        }
        return words;
    }

    /** The site of a cross-origin request; otherwise the one named. */
    private Site site(Long named) {
        Site fromOrigin = (Site) requestContext.getProperty(CrossOriginFilter.SITE_PROPERTY);
        if (fromOrigin != null) {
            return fromOrigin;
        }
        if (named == null) {
            throw new SiteRefused("Say which site the page is on (site).", 400);
        }
        return embedded.site(named).orElseThrow(() -> new SiteRefused("No such site.", 404));
    }

    /** A thread readers may see; from another origin only that origin's site's threads (the others do not exist for it). */
    private Article thread(long id) {
        Site fromOrigin = (Site) requestContext.getProperty(CrossOriginFilter.SITE_PROPERTY);
        return articles.find(id)
                .filter(a -> a.isVisibleAt(Instant.now()))
                .filter(a -> fromOrigin == null || fromOrigin.getId().equals(a.getSiteId()))
                .orElseThrow(() -> new SiteRefused("No such thread.", 404));
    }

    /** Two first readers of a page at once: the second insert loses on the unique key, and finds the first's thread. */
    private Article openRacing(Site site, PageRef ref, String title) {
        try {
            return embedded.open(site, ref, title);
        } catch (jakarta.ejb.EJBException lost) {
            return embedded.existing(site, ref).orElseThrow(() -> lost);
        }
    }

    private static Response ok(Object entity) {
        return Response.ok(entity).header("Cache-Control", "no-cache").build();
    }
}
