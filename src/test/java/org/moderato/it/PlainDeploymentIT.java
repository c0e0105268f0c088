package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moderato.testing.ModeratoServer;

/**
 * The war deploys as a war: {@code java -jar payara-micro.jar --deploy ROOT.war} with no {@code MODERATO_}
 * variable at all, not through {@code bin/serve}, as an operator who runs their own Payara would. Every
 * setting then has its default: the H2 database, the generated secret and the first admin's password land
 * in {@code ./data} of the server's working directory.
 */
class PlainDeploymentIT {

    @Test
    void theWarStartsOnAPlainPayaraMicroWithNoEnvironment() throws Exception {
        Path workDir = Files.createTempDirectory("moderato-plain-");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = ModeratoServer.projectDir().resolve("target/it-logs/plain-" + port + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of("java", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar",
                ModeratoServer.projectDir().resolve("target/payara-micro.jar").toString(),
                "--deploy", ModeratoServer.projectDir().resolve("target/ROOT.war").toString(),
                // no traffic off loopback: no cluster discovery, no phone home
                "--port", Integer.toString(port), "--nohazelcast", "--disablephonehome"));
        builder.directory(workDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MODERATO_"));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process server = builder.start();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> health = awaitAnswer(client, base + "/health", server, log);
            assertEquals(200, health.statusCode(), health.body());

            HttpResponse<String> front = client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, front.statusCode());
            assertTrue(front.body().contains("Why comments need moderation"), "the sample articles of the migrations: " + front.body());

            Path data = workDir.resolve("data");
            assertTrue(Files.exists(data.resolve("moderato.mv.db")), "the H2 database under ./data");
            assertTrue(Files.exists(data.resolve("secret.key")), "the generated site secret under ./data");
            assertTrue(Files.exists(data.resolve("admin-password.txt")), "the first admin's generated password under ./data");
            String password = Files.readString(data.resolve("admin-password.txt")).strip();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode());
            assertTrue(!password.isEmpty(), "a password was written");
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    private static HttpResponse<String> awaitAnswer(HttpClient client, String url, Process server, Path log) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(until)) {
            if (!server.isAlive()) {
                throw new AssertionError("Payara Micro exited with " + server.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return answer;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no 200 from " + url + " within 3 minutes:\n" + Files.readString(log));
    }
}
