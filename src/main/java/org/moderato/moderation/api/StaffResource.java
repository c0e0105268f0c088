package org.moderato.moderation.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.moderato.account.ApiScope;
import org.moderato.moderation.ModerationAction;
import org.moderato.moderation.ModerationQueue;
import org.moderato.moderation.ModerationService;
import org.moderato.moderation.QueueFilter;
import org.moderato.moderation.QueuePage;
import org.moderato.moderation.QueueView;
import org.moderato.moderation.QueuedComment;

/** {@code /api/v1/staff}: the desk's queue and moves for API tokens; the scope is checked here, the role by the services. */
@Path("v1/staff")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    private static final Map<String, ModerationAction> MOVES = Map.of(
            "approve", ModerationAction.APPROVE, "spam", ModerationAction.SPAM, "trash", ModerationAction.TRASH);

    /** A queued comment: no IP address, the address masked as on the desk. */
    public record QueuedJson(long id, int version, String status, String author, String maskedEmail, String website,
                             long threadId, String threadTitle, Instant createdAt, String html, List<String> reasons) {}

    public record QueueJson(List<QueuedJson> comments, Long next) {}

    public record Moved(long id, String status, int version) {}

    /** What a move takes: the version the caller saw, as on the desk. */
    public static class MoveRequest {
        public Integer version;
    }

    @Inject
    ModerationQueue queue;

    @Inject
    ModerationService moderation;

    @Context
    SecurityContext security;

    @GET
    @Path("queue")
    public Response queue(@QueryParam("view") String view, @QueryParam("after") Long after) {
        require(ApiScope.READ_QUEUE);
        QueueView shown = view == null ? QueueView.PENDING : Arrays.stream(QueueView.values())
                .filter(v -> v.name().equalsIgnoreCase(view)).findFirst()
                .orElseThrow(() -> new jakarta.ws.rs.BadRequestException("view: one of pending, approved, spam, trash"));
        QueuePage page = queue.page(QueueFilter.of(shown), after == null ? QueuePage.Cursor.FIRST : new QueuePage.Cursor(after, null));
        List<QueuedJson> comments = page.comments().stream().map(StaffResource::json).toList();
        return Response.ok(new QueueJson(comments, page.hasNext() ? page.lastId() : null)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("comments/{comment}/{move}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response move(@PathParam("comment") long id, @PathParam("move") String move, MoveRequest request) {
        require(ApiScope.MODERATE);
        ModerationAction action = MOVES.get(move);
        if (action == null) {
            throw new NotFoundException();
        }
        if (request == null || request.version == null) {
            return StaffErrors.json(400, "Send the version of the comment you saw: {\"version\": N}.");
        }
        ModerationService.Outcome outcome = moderation.apply(action, List.of(new ModerationService.Target(id, request.version)));
        if (!outcome.refused().isEmpty()) {
            return StaffErrors.json(queue.comment(id).isPresent() ? 409 : 404, outcome.refused().get(0));
        }
        ModerationService.Move done = outcome.moves().get(0);
        return Response.ok(new Moved(id, done.to().name().toLowerCase(), done.versionAfter())).header("Cache-Control", "no-store").build();
    }

    private void require(ApiScope scope) {
        if (!security.isUserInRole(scope.group())) {
            throw new ForbiddenException("This token does not have the scope " + scope.key() + ".");
        }
    }

    private static QueuedJson json(QueuedComment c) {
        return new QueuedJson(c.id(), c.version(), c.status().name().toLowerCase(), c.authorName(), c.maskedEmail(), c.website(),
                c.articleId(), c.articleTitle(), c.createdAt(), c.bodyHtml(), c.reasonLines());
    }
}
