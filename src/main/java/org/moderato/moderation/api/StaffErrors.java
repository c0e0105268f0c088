package org.moderato.moderation.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The staff API's refusals, in the reader API's error shape. */
final class StaffErrors {

    private StaffErrors() {}

    static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store")
                .entity(Map.of("error", message)).build();
    }
}
