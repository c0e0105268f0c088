package org.moderato.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void usernamesAreComparedInLowerCase() {
        assertEquals("alice", Credentials.normaliseUsername("  Alice "));
        assertEquals("", Credentials.normaliseUsername(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"al", "alice", "a.lice-2_x", "0day"})
    void acceptableUsernames(String username) {
        assertEquals(Optional.empty(), Credentials.usernameProblem(username));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "-alice", "al ice", "alice@example.org", "<b>", "Alice"})
    void refusedUsernames(String username) {
        assertTrue(Credentials.usernameProblem(username).isPresent(), username);
    }

    @Test
    void passwordsAreLongEnoughAndNotTheUsername() {
        assertEquals(Optional.empty(), Credentials.passwordProblem("alice", "correct horse"));
        assertEquals(Optional.of("A password needs at least 10 characters."), Credentials.passwordProblem("alice", "short"));
        assertTrue(Credentials.passwordProblem("alice", null).isPresent());
        assertTrue(Credentials.passwordProblem("alice", "x".repeat(201)).isPresent());
        assertEquals(Optional.of("The password cannot be the username."), Credentials.passwordProblem("alicealice", "AliceAlice"));
    }
}
