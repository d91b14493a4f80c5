package kr.salonmate.api.ids;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs without a lock that every thread shares. {@link UUID#randomUUID()} draws from one
 * {@code SecureRandom} per JVM, and on Linux that is {@code NativePRNG}, which serialises all callers on a single
 * monitor: under load, request ids and Axon's message identifiers (several per request or event) queued behind it
 * for most of the request time (docs/benchmarks.md, "Read API"). Each thread here has a DRBG of its own, seeded
 * from the system's entropy once, so the ids are as unpredictable as before and threads never wait for each other.
 *
 * <p>Each thread draws {@value #BUFFERED} ids' worth of bytes at a time. The DRBG (Hash_DRBG, SHA-256) hashes its
 * state twice after every request whatever its size, so a request of 16 bytes cost three digests: in a replay's
 * profile, Axon's identifier of each handled event's result message was a twentieth of the processor's thread
 * (docs/benchmarks.md). The bytes are the same DRBG's output, only fetched in larger pieces.
 */
public final class RandomUuids {

    static final int BUFFERED = 32;
    private static final ThreadLocal<Draw> DRAWS = ThreadLocal.withInitial(Draw::new);

    private RandomUuids() {
    }

    public static UUID next() {
        return DRAWS.get().next();
    }

    /** One thread's generator and the bytes it has drawn and not used yet. */
    private static final class Draw {

        private final SecureRandom generator = newGenerator();
        private final byte[] bytes = new byte[16 * BUFFERED];
        private int position = bytes.length;

        UUID next() {
            if (position == bytes.length) {
                generator.nextBytes(bytes);
                position = 0;
            }
            int at = position;
            position += 16;
            bytes[at + 6] = (byte) ((bytes[at + 6] & 0x0f) | 0x40); // version 4
            bytes[at + 8] = (byte) ((bytes[at + 8] & 0x3f) | 0x80); // IETF variant
            long most = 0;
            long least = 0;
            for (int i = 0; i < 8; i++) {
                most = (most << 8) | (bytes[at + i] & 0xff);
                least = (least << 8) | (bytes[at + 8 + i] & 0xff);
            }
            return new UUID(most, least);
        }

        private static SecureRandom newGenerator() {
            try {
                return SecureRandom.getInstance("DRBG");
            } catch (NoSuchAlgorithmException e) {
                return new SecureRandom();
            }
        }
    }
}
