package kr.salonmate.api.media;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Photos in an S3-compatible bucket (MinIO, S3, R2) through the MinIO Java client. The bucket is created on first
 * use when missing. An upload is one PUT (or a multipart upload the server completes atomically): the object is
 * visible only complete.
 */
public class S3MediaStorage implements MediaStorage {

    private final MinioClient client;
    private final String bucket;
    private final String endpoint;
    private volatile boolean bucketReady;

    public S3MediaStorage(StorageProperties properties) {
        this.endpoint = properties.endpoint();
        this.bucket = properties.bucket();
        this.client = MinioClient.builder()
                .endpoint(properties.endpoint())
                .credentials(properties.accessKey(), properties.secretKey())
                .region(properties.region())
                .build();
    }

    @Override
    public void put(String key, Path file, long size, String contentType) {
        ensureBucket();
        try {
            client.uploadObject(UploadObjectArgs.builder().bucket(bucket).object(key).filename(file.toString())
                    .contentType(contentType).build());
        } catch (Exception e) {
            throw new StorageUnavailable("Could not store " + key + " in bucket " + bucket, e);
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (ErrorResponseException e) {
            String code = e.errorResponse() == null ? null : e.errorResponse().code();
            if ("NoSuchKey".equals(code) || "NoSuchBucket".equals(code)) {
                throw new MediaMissing(key);
            }
            throw new StorageUnavailable("Could not read " + key + " from bucket " + bucket, e);
        } catch (Exception e) {
            throw new StorageUnavailable("Could not read " + key + " from bucket " + bucket, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            throw new StorageUnavailable("Could not delete " + key + " from bucket " + bucket, e);
        }
    }

    @Override
    public String describe() {
        return "bucket " + bucket + " at " + endpoint;
    }

    private void ensureBucket() {
        if (bucketReady) {
            return;
        }
        synchronized (this) {
            if (bucketReady) {
                return;
            }
            try {
                if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                }
                bucketReady = true;
            } catch (ErrorResponseException e) {
                if (e.errorResponse() != null && "BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                    bucketReady = true;
                    return;
                }
                throw new StorageUnavailable("Could not prepare bucket " + bucket, e);
            } catch (Exception e) {
                throw new StorageUnavailable("Could not prepare bucket " + bucket, e);
            }
        }
    }
}
