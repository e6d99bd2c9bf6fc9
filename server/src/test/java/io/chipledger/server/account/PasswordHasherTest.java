package io.chipledger.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS, new SecureRandom());

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String stored = hasher.hash("correct horse".toCharArray());
        assertThat(hasher.matches("correct horse".toCharArray(), stored)).isTrue();
        assertThat(hasher.matches("correct hors".toCharArray(), stored)).isFalse();
        assertThat(hasher.matches("".toCharArray(), stored)).isFalse();
    }

    @Test
    void theStoredFormNamesItsSchemeAndIterationsAndIsSaltedPerHash() {
        // A password with characters Base64 never writes, so the salt or hash cannot spell it by chance ("pw" could).
        String first = hasher.hash("pw d!".toCharArray());
        String second = hasher.hash("pw d!".toCharArray());
        assertThat(first).startsWith("pbkdf2-sha256$210000$").doesNotContain("pw d!");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void malformedOrWeakStoredHashesNeverMatch() {
        String stored = hasher.hash("pw".toCharArray());
        String weakened = stored.replace("$210000$", "$1000$");
        assertThat(hasher.matches("pw".toCharArray(), weakened)).isFalse();
        assertThat(hasher.matches("pw".toCharArray(), "plain")).isFalse();
        assertThat(hasher.matches("pw".toCharArray(), null)).isFalse();
        assertThat(hasher.matches("pw".toCharArray(), "pbkdf2-sha256$x$y$z")).isFalse();
    }

    @Test
    void tooFewIterationsAreRefused() {
        assertThatThrownBy(() -> new PasswordHasher(100_000, new SecureRandom())).hasMessageContaining("210000");
    }

    @Test
    void tokensAreRandomAndStoredOnlyAsTheirHash() {
        SessionTokens tokens = new SessionTokens(new SecureRandom());
        String token = tokens.newToken();
        assertThat(token).hasSize(43).isNotEqualTo(tokens.newToken());
        assertThat(SessionTokens.hashOf(token)).hasSize(64).doesNotContain(token).isEqualTo(SessionTokens.hashOf(token));
    }
}
