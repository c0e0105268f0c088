package org.moderato.moderation.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moderato.moderation.ArticleChoice;
import org.moderato.moderation.ModerationAction;
import org.moderato.moderation.ModerationQueue;
import org.moderato.moderation.ModerationService;
import org.moderato.moderation.ModerationService.Move;
import org.moderato.moderation.ModerationService.Outcome;
import org.moderato.moderation.ModerationService.Target;
import org.moderato.moderation.QueueFilter;
import org.moderato.moderation.QueuePage;
import org.moderato.moderation.QueueView;
import org.moderato.moderation.QueuedComment;
import org.moderato.moderation.Wording;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * {@code /moderation}: one page of one view of the queue, and everything a moderator does there. The
 * view remembers what the moderator saw (each comment's version), the last status change (for undo),
 * and a permanent deletion waiting for confirmation. Every action is one service call, then a message.
 */
@Named
@ViewScoped
public class ModerationDesk implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String DELETE = "delete";

    @Inject
    ModerationQueue queue;

    @Inject
    ModerationService moderation;

    private QueueFilter filter;
    private QueuePage.Cursor cursor;
    private QueuePage page;
    private Map<QueueView, Long> counts;
    private List<ArticleChoice> articles;
    private boolean selectAll;

    private List<Move> undoable = List.of();
    private List<Target> deleting = List.of();
    private Long replyingTo;
    private String replyText;
    private ModerationService.StaffReply lastReply;
    private Long editing;
    private String editText;

    @PostConstruct
    void load() {
        String article = Faces.getRequestParameter("article");
        filter = new QueueFilter(QueueView.fromKey(Faces.getRequestParameter("status")), Faces.getRequestParameter("s"),
                article != null && article.matches("[1-9]\\d{0,17}") ? Long.valueOf(article) : null);
        cursor = QueuePage.Cursor.parse(Faces.getRequestParameter("after"), Faces.getRequestParameter("before"));
        selectAll = "all".equals(Faces.getRequestParameter("select"));
        articles = queue.articlesWithComments();
        refresh();
    }

    private void refresh() {
        page = queue.page(filter, cursor);
        counts = queue.counts(filter.articleId());
    }

    // ---- status moves, one comment or many ----

    public void act(QueuedComment comment, ModerationAction action) {
        run(() -> report(moderation.apply(action, List.of(comment.target())), Wording.statusName(action.target())));
    }

    /** The bulk bar: the chosen action for every ticked comment of this page. */
    public void applyBulk() {
        String chosen = Faces.getRequestParameter("bulk-action");
        List<Target> targets = selectedTargets();
        if (targets.isEmpty()) {
            Messages.addGlobalError("Select one or more comments first.");
            return;
        }
        if (DELETE.equals(chosen)) {
            deleting = targets;
            return;
        }
        ModerationAction action = Arrays.stream(ModerationAction.values()).filter(a -> a.key().equals(chosen)).findFirst().orElse(null);
        if (action == null) {
            Messages.addGlobalError("Choose what to do with the selected comments.");
            return;
        }
        run(() -> report(moderation.apply(action, targets), Wording.statusName(action.target())));
    }

    public void undo() {
        List<Move> moves = undoable;
        undoable = List.of();
        if (moves.isEmpty()) {
            Messages.addGlobalError("There is nothing to undo.");
            return;
        }
        run(() -> {
            Outcome outcome = moderation.undo(moves);
            if (!outcome.moves().isEmpty()) {
                Move first = outcome.moves().get(0);
                Messages.addGlobalInfo(outcome.moves().size() == 1
                        ? "Undone: comment " + first.id() + " is " + Wording.statusName(first.to()) + " again."
                        : "Undone: " + outcome.moves().size() + " comments are back where they were.");
            }
            outcome.refused().forEach(Messages::addGlobalError);
        });
    }

    private void report(Outcome outcome, String result) {
        List<Move> moves = outcome.moves();
        if (moves.size() == 1) {
            Messages.addGlobalInfo("Comment {0}: {1}.", number(moves.get(0).id()), result);
        } else if (moves.size() > 1) {
            Messages.addGlobalInfo("{0} comments: {1}.", moves.size(), result);
        }
        outcome.refused().forEach(Messages::addGlobalError);
        undoable = moves;
    }

    // ---- permanent deletion: a second step ----

    public void askDelete(QueuedComment comment) {
        deleting = List.of(comment.target());
    }

    public void confirmDelete() {
        List<Target> targets = deleting;
        deleting = List.of();
        run(() -> {
            Outcome outcome = moderation.deletePermanently(targets);
            if (outcome.moves().size() == 1) {
                Messages.addGlobalInfo("Comment {0} was deleted permanently.", number(outcome.moves().get(0).id()));
            } else if (outcome.moves().size() > 1) {
                Messages.addGlobalInfo("{0} comments were deleted permanently.", outcome.moves().size());
            }
            outcome.refused().forEach(Messages::addGlobalError);
            undoable = List.of();
        });
    }

    public void cancelDelete() {
        deleting = List.of();
    }

    // ---- reply as staff, edit text ----

    public void startReply(QueuedComment comment) {
        editing = null;
        replyingTo = comment.id();
        replyText = null;
    }

    public void postReply(QueuedComment comment) {
        run(() -> {
            lastReply = moderation.replyAsStaff(comment.target(), replyText);
            replyingTo = null;
            replyText = null;
            undoable = List.of();
            Messages.addGlobalInfo(lastReply.parentApproved()
                    ? "Comment {0} approved and your reply published."
                    : "Your reply to comment {0} is published.", number(comment.id()));
        });
    }

    public void startEdit(QueuedComment comment) {
        replyingTo = null;
        editing = comment.id();
        editText = comment.body();
    }

    public void saveEdit(QueuedComment comment) {
        run(() -> {
            moderation.editText(comment.target(), editText);
            editing = null;
            editText = null;
            undoable = List.of();
            Messages.addGlobalInfo("Comment {0}: text saved (the earlier text is kept in its history).", number(comment.id()));
        });
    }

    public void cancelEditing() {
        replyingTo = null;
        editing = null;
    }

    // ---- authors ----

    public void holdAuthor(QueuedComment comment) {
        run(() -> {
            moderation.holdAuthor(comment.id());
            Messages.addGlobalInfo("The author of comment {0} is now always held for moderation.", number(comment.id()));
        });
    }

    public void releaseAuthor(QueuedComment comment) {
        run(() -> {
            moderation.releaseAuthor(comment.id());
            Messages.addGlobalInfo("The author of comment {0} is no longer always held.", number(comment.id()));
        });
    }

    /** One error path for every action: refusals as messages, never a stack trace; the page always shows the current state. */
    private void run(Runnable action) {
        DeskActions.run(action, "Someone else changed this comment at the same moment; the desk now shows it as it is.");
        refresh();
    }

    /** Ticked comments of this page, with the versions this page showed (ids from elsewhere are ignored). */
    private List<Target> selectedTargets() {
        String[] values = Faces.getRequestParameterValues("selected");
        Set<String> ticked = values == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(values));
        List<Target> targets = new ArrayList<>();
        for (QueuedComment comment : page.comments()) {
            if (ticked.contains(Long.toString(comment.id()))) {
                targets.add(comment.target());
            }
        }
        return targets;
    }

    // ---- what the page shows ----

    public QueueView[] getViews() { return QueueView.values(); }
    public QueueFilter getFilter() { return filter; }
    public QueueView getView() { return filter.view(); }
    public List<QueuedComment> getComments() { return page.comments(); }
    public QueuePage getPage() { return page; }
    public Map<QueueView, Long> getCounts() { return counts; }
    public List<ArticleChoice> getArticles() { return articles; }
    public boolean isSelectAll() { return selectAll; }
    public boolean isUndoable() { return !undoable.isEmpty(); }
    public List<Target> getDeleting() { return deleting; }

    public String getDeleteQuestion() {
        return deleting.size() == 1 ? "Delete this comment permanently?" : "Delete these " + deleting.size() + " comments permanently?";
    }
    public Long getReplyingTo() { return replyingTo; }
    public String getReplyText() { return replyText; }
    public void setReplyText(String replyText) { this.replyText = replyText; }
    public ModerationService.StaffReply getLastReply() { return lastReply; }
    public Long getEditing() { return editing; }
    public String getEditText() { return editText; }
    public void setEditText(String editText) { this.editText = editText; }

    /** The moves the bulk bar offers in this view (all of the All view's, each applied where it can be). */
    public List<ModerationAction> getBulkActions() {
        Set<ModerationAction> actions = new LinkedHashSet<>();
        filter.view().statuses().forEach(s -> actions.addAll(ModerationAction.availableFrom(s)));
        return List.copyOf(actions);
    }

    public boolean isBulkDeletable() {
        return filter.view().statuses().stream().allMatch(s -> s.canBeDeletedPermanently());
    }

    public String viewUrl(QueueView view) {
        return QueueLinks.view(Faces.getRequestContextPath(), filter, view);
    }

    public String getNextUrl() {
        return QueueLinks.to(Faces.getRequestContextPath(), filter, Map.of("after", page.lastId()));
    }

    /** Back from an empty page (paged past the end, or everything acted on) is back to the top. */
    public String getPreviousUrl() {
        return page.firstId() == null ? getFirstUrl() : QueueLinks.to(Faces.getRequestContextPath(), filter, Map.of("before", page.firstId()));
    }

    public String getFirstUrl() {
        return QueueLinks.to(Faces.getRequestContextPath(), filter, Map.of());
    }

    public String getSelectAllUrl() {
        return QueueLinks.allTicked(Faces.getRequestContextPath(), filter, cursor);
    }

    /** The bulk action key for the delete choice, for the page's select. */
    public String getDeleteKey() { return DELETE; }

    /** A comment's number as the desk and its links show it: MessageFormat would write comment 1541 as "1,541". */
    private static String number(long commentId) {
        return Long.toString(commentId);
    }
}
