package org.moderato.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The document's check can fail: an answer with a field it does not describe, or a status it does not list. */
class ApiContractTest {

    static final String COMMENT = "{\"id\":1,\"parentId\":null,\"depth\":1,\"author\":\"A\",\"website\":null,\"avatar\":\"/avatars/x.svg\","
            + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"html\":\"<p>x</p>\",\"staff\":false,\"pending\":false%s}";
    static final String THREAD = "{\"id\":5,\"title\":\"T\",\"commentsOpen\":true,\"nameAndEmailRequired\":true,\"followUps\":false,\"threadDepth\":5,"
            + "\"count\":1,\"page\":1,\"pageCount\":1,\"comments\":[" + COMMENT + "],\"texts\":{\"form.title\":\"Leave a Reply\"}}";

    private final ApiContract contract = ApiContract.ofDocument(Files.readString(Path.of("src/main/resources/META-INF/openapi.yaml")));

    ApiContractTest() throws IOException {}

    private static ApiClient.Answer answer(String method, String path, int status, String body) {
        return new ApiClient.Answer(method, path, status, Map.of("Content-Type", List.of("application/json")), body);
    }

    @Test
    void aDescribedAnswerPasses() {
        contract.check(answer("GET", "/api/v1/threads/5?page=1", 200, THREAD.formatted("")));
        contract.check(answer("POST", "/api/v1/threads/5/comments", 400, "{\"error\":null,\"fields\":{\"comment\":\"Please type your comment.\"}}"));
    }

    @Test
    void aFieldTheDocumentDoesNotDescribeFails() {
        assertThrows(AssertionError.class, () -> contract.check(answer("GET", "/api/v1/threads/5", 200,
                THREAD.formatted(",\"email\":\"someone@example.org\""))));
    }

    @Test
    void aStatusTheDocumentDoesNotListFails() {
        assertThrows(AssertionError.class, () -> contract.check(answer("GET", "/api/v1/threads/5", 500, "{\"error\":\"boom\"}")));
        assertThrows(AssertionError.class, () -> contract.check(answer("POST", "/api/v1/threads/5/comments", 201, "{\"id\":\"seven\"}")));
    }
}
