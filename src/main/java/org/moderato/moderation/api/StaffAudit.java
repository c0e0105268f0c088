package org.moderato.moderation.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.moderato.account.ApiTokens;
import org.moderato.account.StaffAuthentication;

/** Every authenticated staff API call into the audit trail, with the status it got (calls without a valid token are recorded at the door). */
@Provider
@ApplicationScoped
public class StaffAudit implements ContainerResponseFilter {

    @Inject
    ApiTokens tokens;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext response) {
        if (request.getAttribute(StaffAuthentication.API_CALLER) instanceof ApiTokens.ApiCaller caller) {
            tokens.record(caller.tokenId(), requestContext.getMethod(), request.getRequestURI(), response.getStatus());
        }
    }
}
