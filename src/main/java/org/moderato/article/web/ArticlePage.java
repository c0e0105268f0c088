package org.moderato.article.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.moderato.article.Article;
import org.moderato.article.ArticleService;
import org.moderato.comment.CommentService;
import org.moderato.comment.CommentThreads;
import org.moderato.comment.CommentsState;
import org.moderato.comment.OwnComments;
import org.moderato.comment.PendingPreview;
import org.moderato.comment.PublicComment;
import org.moderato.platform.FriendlyUrls;
import org.moderato.privacy.web.AvatarUrls;
import org.moderato.platform.HttpCaching;
import org.moderato.platform.ReaderTexts;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.RuleStore;
import org.moderato.rules.checks.ClosedCheck;
import org.omnifaces.util.Faces;

/**
 * {@code /articles/{slug}}: the article, its comments in threads and pages, the author's own pending
 * comment (with a signed link only), and the reply form under the comment replied to. The same HTML
 * for every reader, so it carries an ETag and can be cached by a proxy.
 */
@Named
@RequestScoped
public class ArticlePage {

    @Inject
    ArticleService articles;

    @Inject
    CommentService comments;

    @Inject
    AvatarUrls avatarUrls;

    @Inject
    PendingPreview pendingPreview;

    @Inject
    RuleStore ruleStore;

    @Inject
    OwnComments ownComments;

    @Inject
    ReaderTexts texts;

    @Inject
    HttpServletRequest request;

    @Inject
    KeptPages keptPages;

    @Inject
    Replies replies;

    private Article article;
    private String movedTo;
    private RuleSettings rules;
    private long approvedCount;
    private CommentThreads.Page page;
    private PublicComment ownPending;
    private PublicComment replyTo;
    private String ownEditLink;
    private ThreadMarkup thread = ThreadMarkup.of(List.of(), "");
    /** The comment lists' markup, made once per request when the page is rendered (after {@link #prepare}). */
    private String beforeFormHtml;
    private String afterFormHtml;
    private CommentHtml commentHtml;

    @PostConstruct
    void load() {
        Object slug = request.getAttribute(FriendlyUrls.SLUG_ATTRIBUTE);
        article = slug == null ? null : articles.bySlug(slug.toString()).orElse(null);
        if (article != null) {
            rules = ruleStore.current();
        } else if (slug != null) {
            movedTo = articles.movedTo(slug.toString()).orElse(null);
        }
    }

    /**
     * Before anything is written: 301 for an old slug, 404 for an unknown (or unpublished) article, a
     * redirect for {@code ?comment=ID}, a 304
     * when the reader's copy is current; otherwise the comments are read, once.
     */
    public void prepare() throws IOException {
        HttpServletResponse response = Faces.getResponse();
        if (article == null && movedTo != null) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + "/articles/" + movedTo);
            Faces.responseComplete();
            return;
        }
        if (article == null) {
            Faces.responseSendError(HttpServletResponse.SC_NOT_FOUND, "No such article.");
            return;
        }
        boolean personal = request.getParameter("unapproved") != null || "POST".equals(request.getMethod());
        // before anything is read: a change committed while this page renders makes the kept copy stale at once
        request.setAttribute(KeptPage.ARTICLE_ATTRIBUTE, new ArticlePageCache.Rendered(article.getId(), keptPages.stamp(article.getId())));
        List<PublicComment> approved;
        if (personal) {
            response.setHeader("Cache-Control", "private, no-store");
            approved = comments.approvedFor(article.getId());
        } else {
            // a conditional request is answered from the fingerprint alone first: a current copy gets its 304 unread
            if (HttpCaching.isConditional(request)) {
                CommentsState state = comments.stateOf(article.getId());
                if (HttpCaching.notModified(request, response, etag(state), lastModified(state))) {
                    Faces.responseComplete();
                    return;
                }
            }
            CommentService.Approved read = comments.approvedWithStateFor(article.getId());
            HttpCaching.validators(response, etag(read.state()), lastModified(read.state()));
            approved = read.comments();
        }
        List<PublicComment> shown = new ArrayList<>(approved);
        approvedCount = shown.size();
        ownPending = signedPendingComment();
        if (ownPending != null) {
            shown.add(ownPending);
        }
        CommentThreads threads = CommentThreads.of(shown, ownPending == null ? null : ownPending.id(), rules.newestFirst());
        if (redirectedToCommentsPage(threads)) {
            return;
        }
        int requested = ownPending != null ? threads.pageOf(ownPending.id(), rules.commentsPerPage()) : (int) intParam("cpage", 1);
        page = threads.page(rules.commentsPerPage(), requested);
        replyTo = replyTarget();
        thread = ThreadMarkup.of(page.comments(), article.getByline());
        avatarUrls.expect(page.comments().stream().map(s -> s.comment().id()).toList());
    }

    /** {@code ?comment=ID}: a permalink to any comment lands on the page it is on. */
    private boolean redirectedToCommentsPage(CommentThreads threads) {
        long commentId = intParam("comment", 0);
        if (commentId <= 0) {
            return false;
        }
        int onPage = threads.pageOf(commentId, rules.commentsPerPage());
        // 302, not 301: the page a comment is on changes as comments are added
        HttpServletResponse response = Faces.getResponse();
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", request.getContextPath() + "/articles/" + article.getSlug()
                + (onPage > 1 ? "?cpage=" + onPage : "") + (onPage > 0 ? "#comment-" + commentId : "#comments"));
        Faces.responseComplete();
        return true;
    }

    /** {@code ?replytocom=ID}: the form goes under that comment, if it is on this page and may be replied to. */
    private PublicComment replyTarget() {
        long id = intParam("replytocom", 0);
        return page.comments().stream()
                .filter(s -> s.comment().id() == id && !s.pending() && s.depth() < rules.threadDepth())
                .map(CommentThreads.Shown::comment)
                .findFirst()
                .orElse(null);
    }

    private PublicComment signedPendingComment() {
        long commentId = signedOwnComment();
        if (commentId == 0) {
            return null;
        }
        // pending or approved alike: the author may change it while the window lasts
        ownEditLink = ownComments.keyFor(article.getId(), commentId, Instant.now())
                .map(key -> request.getContextPath() + "/own-comment?c=" + commentId + "&key=" + key).orElse(null);
        return comments.pendingFor(article.getId(), commentId).orElse(null);
    }

    /** The comment the redirect after posting names with a valid signature, or 0. */
    private long signedOwnComment() {
        String id = request.getParameter("unapproved");
        String hash = request.getParameter("moderation-hash");
        if (id == null || hash == null || !id.matches("\\d{1,18}")) {
            return 0;
        }
        long commentId = Long.parseLong(id);
        return pendingPreview.isValid(commentId, hash, Instant.now()) ? commentId : 0;
    }

    /**
     * Changes whenever what this page shows could change, and only then: the article, its public
     * comments, and the rules that shape the page (open or closed, pages, order, depth, required
     * fields). Made of public state only, so watching it tells nobody that a held comment arrived.
     */
    private String etag(CommentsState state) {
        int articleHash = Objects.hash(article.getTitle(), article.getBodyHtml(), article.getPublishedAt());
        int pageRules = Objects.hash(isCommentsOpen(), rules.commentsPerPage(), rules.newestFirst(), rules.threadDepth(),
                rules.requireNameAndEmail());
        return "W/\"" + Long.toHexString(article.getId()) + "-" + Integer.toHexString(articleHash) + "-"
                + Integer.toHexString(pageRules) + "-" + Long.toHexString(state.count()) + "-"
                + Long.toHexString(state.versionSum()) + "-" + Long.toHexString(state.newestId()) + "\"";
    }

    private Instant lastModified(CommentsState state) {
        Instant published = article.getPublishedAt();
        Instant last = state.lastChange() == null || published.isAfter(state.lastChange()) ? published : state.lastChange();
        return last.truncatedTo(ChronoUnit.SECONDS);
    }

    private Long replyToId() {
        return replyTo == null ? null : replyTo.id();
    }

    private long intParam(String name, int fallback) {
        String value = request.getParameter(name);
        return value != null && value.matches("\\d{1,9}") ? Long.parseLong(value) : fallback;
    }

    public Article getArticle() { return article; }
    public PublicComment getOwnPending() { return ownPending; }
    public PublicComment getReplyTo() { return replyTo; }
    /** The author's link to edit or delete the comment they just posted, while they may; else null. */
    public String getOwnEditLink() { return ownEditLink; }
    /** Without JavaScript the form sits inside the comment replied to, after its body and before its replies. */
    public List<ThreadMarkup.Item> getBeforeForm() { return thread.upTo(replyToId()); }
    public List<ThreadMarkup.Item> getAfterForm() { return thread.after(replyToId()); }
    public String getListEndBeforeForm() { return replyTo == null ? thread.closing() : ""; }
    public String getListEndAfterForm() { return replyTo == null ? "" : thread.closing(); }
    public String getRepliesLabel() { return texts.replies(approvedCount); }
    public boolean isNameAndEmailRequired() { return rules == null || rules.requireNameAndEmail(); }
    public int getThreadDepth() { return rules.threadDepth(); }

    /** {@link #getBeforeForm()}'s comments as the page writes them: each one's opening tags, then its body. */
    public String getBeforeFormHtml() {
        if (beforeFormHtml == null) {
            beforeFormHtml = html(getBeforeForm());
        }
        return beforeFormHtml;
    }

    public String getAfterFormHtml() {
        if (afterFormHtml == null) {
            afterFormHtml = html(getAfterForm());
        }
        return afterFormHtml;
    }

    private String html(List<ThreadMarkup.Item> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (commentHtml == null) {
            // the language, whether replies are open and the bundle's words: read once for the page, not per comment
            commentHtml = new CommentHtml(texts, texts.getLocale(), request.getContextPath(), texts.getLangQuery(), replies,
                    new CommentHtml.Links() {
                        @Override
                        public String avatar(Long commentId) {
                            return avatarUrls.url(commentId);
                        }

                        @Override
                        public String permalink(long commentId) {
                            return ArticlePage.this.permalink(commentId);
                        }

                        @Override
                        public String reply(long commentId) {
                            return replyUrl(commentId);
                        }
                    }, isCommentsOpen(), getThreadDepth());
        }
        StringBuilder out = new StringBuilder(items.size() * 2048);
        for (ThreadMarkup.Item item : items) {
            commentHtml.append(out.append(item.opening()), item);
        }
        return out.toString();
    }

    public int getPageNumber() { return page == null ? 1 : page.number(); }
    public List<Integer> getPageNumbers() {
        return page == null ? List.of() : IntStream.rangeClosed(1, page.count()).boxed().toList();
    }

    /** The address of comment page {@code n}; page 1 is the plain article address, so it is not indexed twice. */
    public String pageUrl(int n) {
        return request.getContextPath() + "/articles/" + article.getSlug() + (n > 1 ? "?cpage=" + n : "");
    }

    /** A permalink that works from anywhere: with the comment page when there is more than one. */
    public String permalink(long commentId) {
        return (page != null && page.count() > 1 ? pageUrl(page.number()) : "") + "#comment-" + commentId;
    }

    /** The no-JavaScript reply link: this page again, with the form under the comment. */
    public String replyUrl(long commentId) {
        String base = pageUrl(getPageNumber());
        return base + (base.contains("?") ? "&" : "?") + "replytocom=" + commentId + "#respond";
    }

    /** Open on the article and not closed by age: the same test the service applies to a submission. */
    public boolean isCommentsOpen() {
        return article != null && article.isCommentsOpen() && !ClosedCheck.closedByAge(article.getPublishedAt(), Instant.now(), rules);
    }
}
