package org.moderato.privacy;

import java.util.Locale;
import java.util.function.IntConsumer;
import org.moderato.platform.Hmac;

/**
 * What privacy costs per comment, measured rather than guessed: a timed main, not a test (no assertion
 * on a shared, loaded machine could be fair). Run after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes org.moderato.privacy.EmailVaultBenchmark}.
 */
public final class EmailVaultBenchmark {

    private static final int WARM_UP = 200_000;
    private static final int MEASURED = 500_000;

    private EmailVaultBenchmark() {}

    public static void main(String[] args) {
        EmailVault vault = new EmailVault("e".repeat(32).getBytes(), "i".repeat(32).getBytes());
        EmailVault rotating = new EmailVault(EmailVault.Keys.of("new", "n".repeat(32).getBytes(), "m".repeat(32).getBytes()),
                EmailVault.Keys.of("old", "e".repeat(32).getBytes(), "i".repeat(32).getBytes()));
        String[] addresses = new String[1024];
        String[] sealed = new String[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = "reader" + i + "@example.com";
            sealed[i] = vault.encrypt(addresses[i]);
        }
        byte[] avatarKey = "a".repeat(32).getBytes();
        int mask = addresses.length - 1;
        Object[] sink = new Object[1];

        System.out.println("per operation, " + MEASURED + " runs after " + WARM_UP + " warm-up runs, JDK " + Runtime.version());
        time("seal (AES-256-GCM + blind index)", i -> sink[0] = vault.seal(addresses[i & mask]));
        time("lookup indexes (1 HMAC-SHA-256)", i -> sink[0] = vault.lookupIndexes(addresses[i & mask]));
        time("lookup indexes during a rotation (2)", i -> sink[0] = rotating.lookupIndexes(addresses[i & mask]));
        time("decrypt (current key)", i -> sink[0] = vault.decrypt(sealed[i & mask]));
        time("decrypt old ciphertext during a rotation", i -> sink[0] = rotating.decrypt(sealed[i & mask]));
        time("masked for a moderator (decrypt + mask)", i -> sink[0] = vault.maskedForModerator(sealed[i & mask]));
        time("avatar token (HMAC of the index)", i -> sink[0] = Hmac.sha256Hex(avatarKey, addresses[i & mask]));
        time("a whole submission: lookup + seal", i -> {
            sink[0] = vault.lookupIndexes(addresses[i & mask]);
            sink[0] = vault.seal(addresses[i & mask]);
        });
        if (sink[0] == null) {
            System.out.println("(unreachable; keeps the JIT from dropping the work)");
        }
    }

    private static void time(String what, IntConsumer operation) {
        for (int i = 0; i < WARM_UP; i++) {
            operation.accept(i);
        }
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            operation.accept(i);
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / MEASURED;
        System.out.println(String.format(Locale.ROOT, "  %-44s %7.2f µs", what, micros));
    }
}
