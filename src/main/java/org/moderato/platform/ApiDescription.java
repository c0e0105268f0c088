package org.moderato.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /api/openapi}: the API's OpenAPI 3 document, {@code META-INF/openapi.yaml}, the same file
 * MicroProfile OpenAPI serves at {@code /openapi} (scanning is off, so the two never differ). Written
 * by hand and held to the live answers by a test that validates them against it.
 */
@Path("openapi")
@ApplicationScoped
public class ApiDescription {

    private final byte[] document = load();

    @GET
    @Produces("application/yaml")
    public Response document() {
        return Response.ok(document).header("Cache-Control", "public, max-age=300").build();
    }

    private static byte[] load() {
        try (InputStream in = ApiDescription.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/openapi.yaml is missing from the war");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
