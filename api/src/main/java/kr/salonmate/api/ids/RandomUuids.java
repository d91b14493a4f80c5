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
 */
public final class RandomUuids {

    private static final ThreadLocal<SecureRandom> GENERATOR = ThreadLocal.withInitial(RandomUuids::newGenerator);

    private RandomUuids() {
    }

    public static UUID next() {
        byte[] bytes = new byte[16];
        GENERATOR.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
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
