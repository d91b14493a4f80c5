package kr.salonmate.api.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import kr.salonmate.integration.credentials.CryptoKeyProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One AES-256 key per subject of personal data (a reviewer, a user, an invitee) in {@code personal_data_key}, each
 * wrapped with the installation's key ({@code SALONMATE_CRYPTO_KEY}, as the stored OAuth tokens are). Erasing a
 * subject overwrites its key with {@code NULL}: what was encrypted with it can no longer be read by anyone.
 *
 * <p>Keys are cached in memory so that encrypting and decrypting an event costs no database round trip once its
 * subject is known: ingest creates a key once per new review, a replay reads each key once. A key created inside a
 * transaction is cached only once that transaction commits (a rolled-back key would encrypt data nobody can read
 * later); erasing one evicts it on this node at commit and tells the other nodes, which evict it when the notice
 * arrives ({@link ErasureNotices}); the cache's time to live ({@code salonmate.privacy.key-cache-ttl}) bounds how
 * long a node that missed a notice could still read.
 */
public class SubjectKeys {

    /** Read from the cache: the subject has no key any more (or never had one). */
    private static final SecretKey ERASED = new SecretKeySpec(new byte[32], "ERASED");
    private static final String PENDING = SubjectKeys.class.getName() + ".pending";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * One {@link Cipher} per thread for the keys' own wrapping ({@code Cipher.getInstance} searches the providers each
     * time). Not {@link PersonalDataCipher}'s: sealing a value asks for its key, which may wrap one, in between.
     */
    private static final ThreadLocal<Cipher> WRAPPING = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No AES/GCM/NoPadding in this JVM", e);
        }
    });

    private record Cached(SecretKey key, long loadedAt) {
    }

    private final JdbcTemplate jdbc;
    private final CryptoKeyProvider master;
    private final Clock clock;
    private final long ttlNanos;
    private final int maxEntries;
    /** How many keys a reader's cache miss loads: the missing one and those made after it. */
    static final int READ_AHEAD = 1_000;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /**
     * Counts erasure notices. A key read before a notice arrived may be the erased one, so it is used once but not
     * cached: {@link #put} caches only what was loaded while the count stood still.
     */
    private final AtomicLong erasures = new AtomicLong();
    private final SecureRandom random = new SecureRandom();

    public SubjectKeys(JdbcTemplate jdbc, CryptoKeyProvider master, Clock clock, Duration ttl, int maxEntries) {
        this.jdbc = jdbc;
        this.master = master;
        this.clock = clock;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The key to encrypt this subject's data with, created on first use; {@code null} once the subject is erased. */
    public SecretKey forWriting(String subject) {
        long seen = erasures.get();
        SecretKey known = lookUp(subject);
        if (known != null) {
            return known == ERASED ? null : known;
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        // a concurrent first writer (another node, another thread) may win: then its key is the subject's key.
        // RETURNING says whether this one was written, so a new subject costs one statement, not two.
        boolean written = !jdbc.query("INSERT INTO personal_data_key (subject, wrapped_key, created_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (subject) DO NOTHING RETURNING subject", (rs, i) -> rs.getString(1),
                subject, wrap(subject, raw), Timestamp.from(clock.instant())).isEmpty();
        SecretKey key = written ? new SecretKeySpec(raw, "AES") : load(subject);
        if (key == null) {
            throw new IllegalStateException("The key of " + subject + " was neither created nor found");
        }
        remember(subject, key, seen);
        return key == ERASED ? null : key;
    }

    /** The key to decrypt this subject's data with; {@code null} when it was erased (or never existed). */
    public SecretKey forReading(String subject) {
        SecretKey known = lookUp(subject);
        if (known == null) {
            long seen = erasures.get();
            known = TransactionSynchronizationManager.isSynchronizationActive() ? load(subject)
                    : loadWithNext(subject, seen);
            if (known == null) {
                return null; // no key at all: nothing of this subject was ever encrypted (not cached: it may come)
            }
            remember(subject, known, seen);
        }
        return known == ERASED ? null : known;
    }

    /** Destroys the subject's key, in the current transaction; a later write for it stores the erased placeholder. */
    public void erase(String subject) {
        jdbc.update("INSERT INTO personal_data_key (subject, wrapped_key, created_at, erased_at) VALUES (?, NULL, ?, ?) "
                + "ON CONFLICT (subject) DO UPDATE SET wrapped_key = NULL, erased_at = EXCLUDED.erased_at",
                subject, Timestamp.from(clock.instant()), Timestamp.from(clock.instant()));
        // delivered to every node's ErasureNotices when (and only if) this transaction commits
        jdbc.query("SELECT pg_notify(?, ?)", rs -> { }, ErasureNotices.CHANNEL, subject);
        cache.remove(subject);
        pending().remove(subject);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.remove(subject); // a reader may have cached the old key meanwhile
                }
            });
        }
    }

    /** Another node erased the subject: forget its key here, and do not cache one being read right now. */
    void evict(String subject) {
        erasures.incrementAndGet();
        cache.remove(subject);
    }

    /** Forgets every cached key (notices may have been missed; tests; an operator restoring keys from a backup). */
    public void forgetCache() {
        erasures.incrementAndGet();
        cache.clear();
    }

    private SecretKey lookUp(String subject) {
        Cached cached = cache.get(subject);
        if (cached != null && System.nanoTime() - cached.loadedAt() < ttlNanos) {
            return cached.key();
        }
        return pending().get(subject);
    }

    private SecretKey load(String subject) {
        List<byte[]> rows = jdbc.query("SELECT wrapped_key FROM personal_data_key WHERE subject = ?",
                (rs, i) -> rs.getBytes(1), subject);
        if (rows.isEmpty()) {
            return null;
        }
        if (rows.get(0) == null) {
            return ERASED;
        }
        return new SecretKeySpec(unwrap(subject, rows.get(0)), "AES");
    }

    /**
     * The subject's key and, into the cache, the keys made after it ({@value #READ_AHEAD} in all): a reader that meets
     * an unknown subject is usually going through events in the order they were written (a replay, a node that just
     * started), so the next subjects it meets are the next keys that were made. One query for a thousand people
     * instead of a query each: a replay on a cold node made one transaction per person (docs/benchmarks.md,
     * "Personal data encryption"). Only outside a transaction, so every row read has been committed.
     */
    private SecretKey loadWithNext(String subject, long seen) {
        SecretKey[] found = new SecretKey[1];
        jdbc.query("SELECT subject, wrapped_key FROM personal_data_key "
                        + "WHERE (created_at, subject) >= (SELECT created_at, subject FROM personal_data_key WHERE subject = ?) "
                        + "ORDER BY created_at, subject LIMIT " + READ_AHEAD,
                rs -> {
                    String each = rs.getString(1);
                    byte[] wrapped = rs.getBytes(2);
                    SecretKey key = wrapped == null ? ERASED : new SecretKeySpec(unwrap(each, wrapped), "AES");
                    if (each.equals(subject)) {
                        found[0] = key;
                    } else if (!cache.containsKey(each)) {
                        put(each, key, seen);
                    }
                }, subject);
        return found[0];
    }

    private void remember(String subject, SecretKey key, long seen) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // seen inside a transaction that may still roll back (and may have created the key): cache it after commit
            pending().put(subject, key);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        put(subject, key, seen);
                    }
                }
            });
        } else {
            put(subject, key, seen);
        }
    }

    private void put(String subject, SecretKey key, long seen) {
        if (erasures.get() != seen) {
            return; // an erasure notice came while this key was read: it may be the erased one
        }
        if (cache.size() >= maxEntries) {
            cache.clear(); // crude but bounded: the working set is loaded again, one query per subject
        }
        cache.put(subject, new Cached(key, System.nanoTime()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, SecretKey> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        Object bound = TransactionSynchronizationManager.getResource(PENDING);
        if (bound == null) {
            Map<String, SecretKey> map = new HashMap<>();
            TransactionSynchronizationManager.bindResource(PENDING, map);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            return map;
        }
        return (Map<String, SecretKey>) bound;
    }

    private byte[] wrap(String subject, byte[] raw) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = WRAPPING.get();
            cipher.init(Cipher.ENCRYPT_MODE, master.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(raw);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not wrap the key of a subject: " + e.getClass().getSimpleName());
        }
    }

    private byte[] unwrap(String subject, byte[] wrapped) {
        try {
            Cipher cipher = WRAPPING.get();
            cipher.init(Cipher.DECRYPT_MODE, master.key(), new GCMParameterSpec(TAG_BITS, wrapped, 0, IV_BYTES));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(wrapped, IV_BYTES, wrapped.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            // the installation key changed: nothing personal can be read, and saying so beats reading "(erased)"
            throw new IllegalStateException("The key of " + subject + " cannot be unwrapped: is SALONMATE_CRYPTO_KEY "
                    + "the one it was written with?");
        }
    }
}
