package org.moderato.article.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.moderato.article.ArticleChanged;
import org.moderato.comment.CommentsChanged;
import org.moderato.platform.Generations;
import org.moderato.platform.LruByteCache;
import org.moderato.platform.Settings;
import org.moderato.rules.RulesChanged;

/**
 * The rendered public article pages this server keeps, least recently used first out once they
 * take more than the bound ({@code MODERATO_PAGE_CACHE_MB}). A kept page is valid while nothing it shows has changed: the
 * write path's after-commit events name the article whose public state changed (a pending comment
 * changes no page), and a rule or article change names its article or all of them. Each article has
 * a generation that such an event moves; a page rendered under an older generation is not served.
 */
@ApplicationScoped
public class KeptPages {

    static final long MAX_AGE_MILLIS = 60_000;

    /**
     * How often a page that keeps changing is rendered again: a burst of this many renders at once,
     * then {@link #RENDERS_PER_SECOND}; meanwhile its readers get the copy kept last. On a page that
     * gets a comment approved every few milliseconds, each render would be out of date before it is
     * sent: a render of a busy article's first page costs 50-70 ms of CPU here, and five a second
     * were a fifth of the CPU while readers posted. This way readers see a change within
     * 1/{@code RENDERS_PER_SECOND} s plus one render, and a page that changes now and then (a
     * moderator's approval, a test's) is rendered on the next read, as before.
     */
    static final double RENDER_BURST = 20;
    static final double RENDERS_PER_SECOND = 2;

    private final Generations generations = new Generations();
    private final AtomicLong everything = new AtomicLong();
    private LruByteCache<String, KeptPage> pages;

    @Inject
    Settings settings;

    /** Pages and their gzip copies take {@code MODERATO_PAGE_CACHE_MB} at most; a page with 200 comments is about 250 kB. */
    @PostConstruct
    void bound() {
        boundTo(settings.pageCacheBytes());
    }

    void boundTo(long bytes) {
        pages = new LruByteCache<>(bytes, KeptPage::size);
    }

    /** Where an article's pages stand now; a render records it first, so a change during the render wins. */
    public Stamp stamp(long articleId) {
        return new Stamp(everything.get(), generations.of(articleId));
    }

    public record Stamp(long everything, long article) {}

    /** The page kept for this key, if it is still what the article shows. */
    public KeptPage get(String key) {
        KeptPage page = pages.get(key);
        return page != null && isCurrent(page) ? page : null;
    }

    /** Any page kept for the key, current or not (a crowd may be given a page a moment old while one request renders). */
    public KeptPage anyKept(String key) {
        return pages.get(key);
    }

    /**
     * Unchanged since it was rendered, and rendered less than {@link #MAX_AGE_MILLIS} ago: what a page
     * shows also changes with time alone (comments close after N days, a scheduled article appears).
     */
    public boolean isCurrent(KeptPage page) {
        return page.stamp().equals(stamp(page.articleId())) && System.currentTimeMillis() - page.keptAt() < MAX_AGE_MILLIS;
    }

    /** Keeps a render, taking one from its key's budget (what the copy it replaces had left, refilled since). */
    public void keep(String key, KeptPage page) {
        KeptPage replaced = pages.get(key);
        double budget = (replaced == null ? RENDER_BURST : budgetAt(replaced, page.keptAt())) - 1;
        pages.put(key, page.withRenderBudget(Math.max(0, budget)));
    }

    /**
     * Whether a page that is no longer current may be rendered again now; when not, its readers are
     * given this copy (at most 1/{@link #RENDERS_PER_SECOND} s more).
     */
    public boolean mayRender(KeptPage stale, long now) {
        return budgetAt(stale, now) >= 1;
    }

    private static double budgetAt(KeptPage page, long now) {
        return Math.min(RENDER_BURST, page.renderBudget() + Math.max(0, now - page.keptAt()) * RENDERS_PER_SECOND / 1000);
    }

    long bytesKept() {
        return pages.bytes();
    }

    void forget(long articleId) {
        generations.advance(articleId);
    }

    void forgetAll() {
        everything.incrementAndGet();
    }

    void onComments(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentsChanged change) {
        if (change.publicChange()) {
            forget(change.articleId());
        }
    }

    void onArticle(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        forget(change.articleId());
    }

    void onRules(@Observes(during = TransactionPhase.AFTER_SUCCESS) RulesChanged change) {
        forgetAll();
    }
}
