package org.moderato.platform;

import jakarta.ejb.EJBAccessException;
import org.omnifaces.util.Messages;

/**
 * A staff page's action: the service's refusal becomes the page's message, and so does a role the
 * caller lacks (the service checks it itself); anything else goes on to the error page and the log.
 */
public final class PageActions {

    private PageActions() {}

    public static void run(Runnable action, Class<? extends RuntimeException> refusal, String onlyWhoMay) {
        try {
            action.run();
        } catch (EJBAccessException denied) {
            Messages.addGlobalError(onlyWhoMay);
        } catch (RuntimeException failure) {
            if (!refusal.isInstance(failure)) {
                throw failure;
            }
            Messages.addGlobalError(failure.getMessage());
        }
    }
}
