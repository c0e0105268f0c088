package org.moderato.account;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Readers' requests skip the staff login. The container asks Jakarta Security's bridge (Soteria) about
 * every request, before and after it runs; the bridge finds {@link StaffAuthentication} through a JNDI
 * lookup of the bean manager each time, and a profile of the kept article page put about 30% of its CPU
 * there. For a request that {@link #answeredWithoutLogin} the mechanism could only answer "do nothing", so
 * this answers it first, as Soteria's {@code doNothing()} does (no caller principal), and hands every
 * other request to Soteria unchanged.
 *
 * <p>It wraps the provider Soteria registered for this application (Jakarta Authentication's
 * {@link AuthConfigFactory}, the API made for that): Soteria registers while the container starts the
 * application's initializers, before listeners like this one run.
 */
@WebListener
public class AnonymousRequests implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(AnonymousRequests.class.getName());
    private static final String LAYER = "HttpServlet";
    /** Jakarta Authentication's key: the resource has a security constraint (a login is mandatory). */
    private static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";
    /** Set by {@code SecurityContext.authenticate} (Soteria) on the request it authenticates: a login. */
    private static final String AUTHENTICATING = "org.glassfish.soteria.security.message.request.authentication";
    /** Marks the message whose request this answered, so that its response skips Soteria too. */
    private static final String ANSWERED = AnonymousRequests.class.getName();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        String appContext = context.getVirtualServerName() + " " + context.getContextPath();
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        AuthConfigProvider soteria = factory.getConfigProvider(LAYER, appContext, null);
        if (soteria == null) {
            LOG.warning("No authentication provider registered for '" + appContext + "': every request is asked as before");
            return;
        }
        factory.registerConfigProvider(new Provider(soteria), LAYER, appContext,
                "Soteria's provider; readers' requests answered without it (" + AnonymousRequests.class.getName() + ")");
    }

    /**
     * What {@link StaffAuthentication#validateRequest} would answer with "do nothing": no staff API call,
     * no login under way, no session that could name a caller, and no constraint on the resource.
     */
    static boolean answeredWithoutLogin(HttpServletRequest request, Map<?, ?> messageProperties) {
        return request.getRequestedSessionId() == null
                && !Boolean.parseBoolean(String.valueOf(messageProperties.get(MANDATORY)))
                && request.getAttribute(AUTHENTICATING) == null
                && !request.getRequestURI().startsWith(request.getContextPath() + StaffAuthentication.STAFF_API);
    }

    private record Provider(AuthConfigProvider soteria) implements AuthConfigProvider {
        @Override
        public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler) throws AuthException {
            return soteria.getClientAuthConfig(layer, appContext, handler);
        }

        @Override
        public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler) throws AuthException {
            return new Config(soteria.getServerAuthConfig(layer, appContext, handler), handler);
        }

        @Override
        public void refresh() {
            soteria.refresh();
        }
    }

    private record Config(ServerAuthConfig soteria, CallbackHandler handler) implements ServerAuthConfig {
        @Override
        public ServerAuthContext getAuthContext(String id, Subject serviceSubject, Map<String, Object> properties) throws AuthException {
            ServerAuthContext context = soteria.getAuthContext(id, serviceSubject, properties);
            return context == null ? null : new Context(context, handler);
        }

        @Override
        public String getAuthContextID(MessageInfo messageInfo) {
            return soteria.getAuthContextID(messageInfo);
        }

        @Override
        public String getMessageLayer() {
            return soteria.getMessageLayer();
        }

        @Override
        public String getAppContext() {
            return soteria.getAppContext();
        }

        @Override
        public void refresh() {
            soteria.refresh();
        }

        @Override
        public boolean isProtected() {
            return soteria.isProtected();
        }
    }

    private record Context(ServerAuthContext soteria, CallbackHandler handler) implements ServerAuthContext {
        @Override
        @SuppressWarnings("unchecked")
        public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
            if (message.getRequestMessage() instanceof HttpServletRequest request && answeredWithoutLogin(request, message.getMap())) {
                try {
                    // what Soteria's doNothing() tells the container: this request has no caller
                    handler.handle(new Callback[] {new CallerPrincipalCallback(client, (String) null)});
                } catch (IOException | UnsupportedCallbackException e) {
                    throw (AuthException) new AuthException("could not mark the request anonymous").initCause(e);
                }
                message.getMap().put(ANSWERED, Boolean.TRUE);
                return AuthStatus.SUCCESS;
            }
            return soteria.validateRequest(message, client, service);
        }

        @Override
        public AuthStatus secureResponse(MessageInfo message, Subject service) throws AuthException {
            if (message.getMap().remove(ANSWERED) != null) {
                return AuthStatus.SEND_SUCCESS;
            }
            return soteria.secureResponse(message, service);
        }

        @Override
        public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
            soteria.cleanSubject(message, subject);
        }
    }
}
