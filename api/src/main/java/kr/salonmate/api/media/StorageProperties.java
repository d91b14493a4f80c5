package kr.salonmate.api.media;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code salonmate.storage.*}: where photos are kept. With {@code endpoint} set ({@code SALONMATE_STORAGE_ENDPOINT},
 * with {@code _ACCESS_KEY}, {@code _SECRET_KEY}, {@code _BUCKET}) in an S3-compatible bucket through the MinIO
 * client; otherwise in {@code local-directory} (default {@code $SALONMATE_DATA_DIR/media}).
 */
@ConfigurationProperties("salonmate.storage")
public record StorageProperties(String endpoint, String accessKey, String secretKey, String bucket, String region,
                                String localDirectory) {

    public StorageProperties {
        bucket = bucket == null || bucket.isBlank() ? "salonmate-media" : bucket;
        region = region == null || region.isBlank() ? "us-east-1" : region;
    }

    public boolean usesObjectStorage() {
        return endpoint != null && !endpoint.isBlank();
    }

    @Override
    public String toString() {
        return "StorageProperties[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region
                + ", localDirectory=" + localDirectory + ", secretKey=" + (secretKey == null ? "null" : "***") + "]";
    }
}
