package org.moderato.site.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.moderato.site.EmbeddedThreads;
import org.moderato.site.Origins;
import org.moderato.site.Site;

/**
 * CORS for the reader API, and only for a site's allowed origins. A browser request from any other
 * origin is answered 403 before a resource runs, without CORS headers: it gets no comment data and
 * cannot post. A request without an {@code Origin} (a server, curl) or from Moderato's own pages is
 * not cross-origin and passes. Staff endpoints never answer another origin: their tokens are not
 * for browsers on other sites. No credentials are ever allowed: the API sets and reads no cookie.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class CrossOriginFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The request property holding the {@link Site} a cross-origin request comes from. */
    public static final String SITE_PROPERTY = "moderato.site";

    static final String REFUSED = "This origin may not use Moderato's API.";

    @Inject
    EmbeddedThreads threads;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || isOwn(origin, request.getUriInfo().getBaseUri())) {
            return;
        }
        Optional<Site> site = request.getUriInfo().getPath().startsWith("v1/staff") ? Optional.empty() : threads.siteFor(origin);
        if (site.isEmpty()) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", REFUSED)).build());
            return;
        }
        request.setProperty(SITE_PROPERTY, site.get());
        if ("OPTIONS".equals(request.getMethod())) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Methods", "GET, POST")
                    .header("Access-Control-Allow-Headers", "Content-Type")
                    .header("Access-Control-Max-Age", "600")
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // the answer depends on the origin asked from: caches must keep one copy per origin
        response.getHeaders().add("Vary", "Origin");
        if (request.getProperty(SITE_PROPERTY) != null) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", Origins.normalise(request.getHeaderString("Origin")).orElseThrow());
        }
    }

    private static boolean isOwn(String origin, URI base) {
        return Origins.normalise(origin).equals(Origins.normalise(base.getScheme() + "://" + base.getRawAuthority()));
    }
}
