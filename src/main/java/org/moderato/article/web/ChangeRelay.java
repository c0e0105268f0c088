package org.moderato.article.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moderato.article.ArticleChanged;
import org.moderato.comment.CommentsChanged;
import org.moderato.platform.ClusterTopic;
import org.moderato.rules.RulesChanged;

/**
 * Carries the after-commit events that invalidate kept state to the other nodes of a cluster, and theirs
 * to this node: a public change of an article's comments (this node's {@link KeptPages}), a changed
 * article ({@code KeptPages}, {@code article.KeptArticles}) and changed rules ({@code KeptPages},
 * {@code rules.KeptRules}). The events are fired again here as the local observers know them; a comment
 * change arrives without its moves, so the totals and the spam filter (which read the database
 * themselves) do not count another node's moves twice. What is not sent: pending comments (no page
 * changes), and nothing that lives in the database anyway (form tokens, login throttle, flood check).
 */
@ApplicationScoped
public class ChangeRelay {

    private static final Logger LOG = Logger.getLogger(ChangeRelay.class.getName());
    /** Set while this node fires another node's change, so it is not sent back. */
    private static final ThreadLocal<Boolean> RELAYING = ThreadLocal.withInitial(() -> false);

    @Inject
    ClusterTopic cluster;

    @Inject
    Event<CommentsChanged> comments;

    @Inject
    Event<ArticleChanged> articles;

    @Inject
    Event<RulesChanged> rules;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        cluster.listen(this::received);
    }

    void onComments(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentsChanged change) {
        if (change.publicChange() && !RELAYING.get()) {
            cluster.publish("comments " + change.articleId());
        }
    }

    void onArticle(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        if (!RELAYING.get()) {
            cluster.publish("article " + change.articleId());
        }
    }

    void onRules(@Observes(during = TransactionPhase.AFTER_SUCCESS) RulesChanged change) {
        if (!RELAYING.get()) {
            cluster.publish("rules");
        }
    }

    void received(String message) {
        RELAYING.set(true);
        try {
            String[] parts = message.split(" ", 2);
            switch (parts[0]) {
                case "comments" -> comments.fire(new CommentsChanged(Long.parseLong(parts[1]), true, List.of()));
                case "article" -> articles.fire(new ArticleChanged(Long.parseLong(parts[1])));
                case "rules" -> rules.fire(new RulesChanged());
                default -> LOG.warning(() -> "Cluster: unknown change message ignored: " + message);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cluster: could not apply another node's change " + message, e);
        } finally {
            RELAYING.remove();
        }
    }
}
