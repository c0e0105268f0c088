package org.moderato.comment.api;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.moderato.comment.CommentRefused;
import org.moderato.platform.ReaderTexts;
import org.moderato.site.SiteRefused;

/** Refusals and HTTP errors as {@link ApiError} JSON, with their status: never an HTML error page or a stack trace. */
final class ApiExceptions {

    private ApiExceptions() {}

    static Response json(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").entity(error).build();
    }

    @Provider
    public static class Refused implements ExceptionMapper<CommentRefused> {
        @Override
        public Response toResponse(CommentRefused refused) {
            ReaderTexts texts = CDI.current().select(ReaderTexts.class).get();
            // readers see these in the widget, in the page's language
            return json(refused.httpStatus(), new ApiError(texts.translate(refused.getMessage()), texts.translate(refused.fieldErrors())));
        }
    }

    @Provider
    public static class SiteRefusedMapper implements ExceptionMapper<SiteRefused> {
        @Override
        public Response toResponse(SiteRefused refused) {
            return json(refused.httpStatus(), ApiError.of(CDI.current().select(ReaderTexts.class).get().translate(refused.getMessage())));
        }
    }

    /** A body JSON-B cannot read as the object expected (Jersey reports it as a processing failure). */
    @Provider
    public static class Unreadable implements ExceptionMapper<jakarta.ws.rs.ProcessingException> {
        @Override
        public Response toResponse(jakarta.ws.rs.ProcessingException e) {
            return json(400, ApiError.of("The request is not valid JSON of the expected shape."));
        }
    }

    /** 404 for an unknown path, 405, 415, and a body that is not the JSON expected (400). */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            // Jersey's own messages read "HTTP 404 Not Found"; a resource's own message is meant for the caller
            String own = e.getMessage() != null && !e.getMessage().startsWith("HTTP ") ? e.getMessage() : null;
            String message = own != null ? own : switch (status) {
                case 400 -> "The request is not valid JSON of the expected shape.";
                case 404 -> "Not found.";
                case 405 -> "This method is not allowed here.";
                case 403 -> "Not allowed.";
                case 406 -> "This API answers application/json only.";
                case 415 -> "Send application/json.";
                default -> e.getResponse().getStatusInfo().getReasonPhrase();
            };
            return json(status, ApiError.of(message));
        }
    }
}
