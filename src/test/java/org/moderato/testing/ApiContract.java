package org.moderato.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's OpenAPI document as the server serves it at {@code /api/openapi}, holding every live answer
 * the tests get to it: a status it does not list, a field it does not describe (an address would be one),
 * a missing or mistyped field fails the test that got the answer.
 */
public final class ApiContract {

    private static final Map<String, ApiContract> BY_SERVER = new ConcurrentHashMap<>();

    private final OpenApiInteractionValidator validator;
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    private ApiContract(String document) {
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                // the tests also ask for paths the API does not have, to see the JSON 404: those are not in the document
                .withLevelResolver(LevelResolver.create().withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE).build())
                .build();
    }

    static ApiContract ofDocument(String document) {
        return new ApiContract(document);
    }

    public static ApiContract of(ModeratoServer server) {
        return BY_SERVER.computeIfAbsent(server.baseUrl(), base -> {
            try {
                ApiClient.Answer document = ApiClient.from(server, null).unchecked("GET", "/api/openapi");
                if (document.status() != 200) {
                    throw new AssertionError("/api/openapi answered " + document.status());
                }
                return new ApiContract(document.body());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Fails unless the document describes this answer; CORS preflights are the transport's, not the API's. */
    public void check(ApiClient.Answer answer) {
        if (answer.method().equals("OPTIONS")) {
            return;
        }
        String path = URI.create(answer.path()).getRawPath();
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status()).withBody(answer.body());
        answer.header("Content-Type").ifPresent(response::withContentType);
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(answer.method()), response.build());
        if (report.hasErrors()) {
            throw new AssertionError(answer.method() + " " + answer.path() + " answered " + answer.status()
                    + " outside the OpenAPI document:\n" + report.getMessages() + "\n" + answer.body());
        }
        checked.add(answer.method() + " " + path);
    }

    /** "GET /api/v1/threads/951", ...: what the tests have held against the document so far. */
    public Set<String> checked() {
        return Set.copyOf(checked);
    }
}
