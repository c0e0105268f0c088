package org.moderato.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Moderato server for all the integration tests of a run that do not need their own (start-up
 * costs seconds). Tests must not depend on each other's data: each posts to its own article or
 * looks for its own unique text. The site rules are shared state too: after every test the rules it
 * changed are put back and checked ({@link SharedRules}), so no test restores them itself.
 */
public class SharedServer implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ModeratoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).server;
    }

    @Override
    public void afterEach(ExtensionContext context) throws java.io.IOException {
        running(context).rules.restore();
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("server", key -> new Running(), Running.class);
    }

    /** Closed by JUnit when the whole run ends. */
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final ModeratoServer server;
        final SharedRules rules;

        Running() {
            try {
                // every test connects from 127.0.0.1: the per-address login throttle would count all of
                // their wrong passwords together; its own tests (LoginLockoutIT) run on servers of their own
                server = ModeratoServer.startFresh(java.util.Map.of("MODERATO_LOGIN_ATTEMPTS_PER_IP", "1000",
                        "MODERATO_JAVA_OPTS", ModeratoServer.FULL_JIT_JAVA_OPTS));
                server.allowQuickPosting(ModeratoServer.ADMIN_PASSWORD);
                WebClient admin = WebClient.withCookies(server);
                admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
                rules = SharedRules.remember(admin);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            server.stop();
        }
    }
}
