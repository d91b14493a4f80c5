package kr.salonmate.api.media;

import java.io.InputStream;
import java.nio.file.Path;

/** Where the photos' JPEG renditions are kept: an S3-compatible bucket or a local directory. Thread-safe. */
public interface MediaStorage {

    /** Stores the file under {@code key}; afterwards the object is complete (never half-written). */
    void put(String key, Path file, long size, String contentType);

    /** The stored object; {@link MediaMissing} when there is none. */
    InputStream open(String key);

    /** Removes the object if it exists. */
    void delete(String key);

    /** For logs: what and where. */
    String describe();

    /** No object under that key. */
    class MediaMissing extends RuntimeException {
        public MediaMissing(String key) {
            super("No stored object " + key, null, false, false);
        }
    }

    /** The storage could not be reached or failed; trying again later may help. */
    class StorageUnavailable extends RuntimeException {
        public StorageUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
