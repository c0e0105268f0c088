package org.moderato.moderation.web;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import java.util.Arrays;
import org.moderato.comment.IllegalStatusChange;
import org.moderato.moderation.ModerationRefused;
import org.moderato.platform.SqlConflicts;
import org.omnifaces.util.Messages;

/**
 * One error path for the moderators' desks (the queue and the Reported view): a refusal becomes the page's
 * message, never a stack trace; a lost race for the same comment says so; anything else is not the
 * moderator's to fix and goes on to the error page and the log.
 */
public final class DeskActions {

    private DeskActions() {}

    /**
     * Runs a moderator's action. {@code refusals} are the caller's own refusal types, shown like
     * {@link ModerationRefused}; {@code conflict} is what a concurrent change of the comment is told as.
     */
    @SafeVarargs
    public static void run(Runnable action, String conflict, Class<? extends RuntimeException>... refusals) {
        try {
            action.run();
        } catch (ModerationRefused | IllegalStatusChange refused) {
            Messages.addGlobalError(refused.getMessage());
        } catch (EJBAccessException denied) {
            Messages.addGlobalError("Your account may not do this any more.");
        } catch (EJBException failure) {
            if (!SqlConflicts.isConcurrentChange(failure)) {
                throw failure;
            }
            Messages.addGlobalError(conflict);
        } catch (RuntimeException other) {
            if (Arrays.stream(refusals).noneMatch(kind -> kind.isInstance(other))) {
                throw other;
            }
            Messages.addGlobalError(other.getMessage());
        }
    }
}
