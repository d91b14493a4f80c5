package kr.salonmate.api.media;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.security.CurrentUser;
import kr.salonmate.api.security.ShopAccess;
import kr.salonmate.messages.shop.ShopId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Media", description = "Photo uploads for Instagram posts, and the signed links Instagram fetches")
public class MediaController {

    /** 10 MiB, as the servlet multipart limit ({@code spring.servlet.multipart.max-file-size}). */
    static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(MediaController.class);

    private final ShopAccess access;
    private final MediaStore store;
    private final MediaStorage storage;
    private final MediaLinks links;
    private final RenditionSlots renditions;
    private final Clock clock;

    public MediaController(ShopAccess access, MediaStore store, MediaStorage storage, MediaLinks links,
                           RenditionSlots renditions, Clock clock) {
        this.access = access;
        this.store = store;
        this.storage = storage;
        this.links = links;
        this.renditions = renditions;
        this.clock = clock;
    }

    /** An uploaded photo as the API shows it; {@code url} is a signed, expiring link to its JPEG rendition. */
    public record MediaResponse(UUID id, String contentType, long size, int width, int height, String url) {
    }

    @PostMapping(path = "/v1/shops/{shopId}/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a photo (JPEG, PNG or WebP by its bytes, at most 10 MiB); it is stored upright as a"
            + " JPEG without metadata")
    public ResponseEntity<MediaResponse> upload(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                                @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.STAFF);
        if (file == null || file.isEmpty()) {
            throw ApiException.validation("file", "a non-empty image file is required");
        }
        Path upload = Files.createTempFile("salonmate-upload-", ".bin");
        Path jpeg = Files.createTempFile("salonmate-rendition-", ".jpg");
        try {
            long size = copyAtMost(file, upload);
            ImageType type = ImageRendition.sniff(upload);
            if (type == null) {
                throw unsupported("The file is not a JPEG, PNG or WebP image (whatever its name or declared type)");
            }
            ImageRendition.Result result;
            try (RenditionSlots.Slot slot = renditions.take()) {
                result = ImageRendition.render(upload, type, jpeg);
            } catch (ImageRendition.Unreadable e) {
                throw unsupported("The file starts like a " + type + " image but cannot be read as one");
            } catch (ImageRendition.TooManyPixels e) {
                throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", e.getMessage(),
                        Map.of("maxPixels", ImageRendition.MAX_PIXELS, "maxSide", ImageRendition.MAX_SIDE));
            }
            UUID id = UUID.randomUUID();
            store.insertPending(id, shop.value(), type.contentType(), size, result.width(), result.height(),
                    user.id(), clock.instant());
            String key = MediaStore.keyOf(shop.value(), id);
            storage.put(key, jpeg, result.renditionBytes(), MediaType.IMAGE_JPEG_VALUE);
            store.markStored(id, result.renditionBytes());
            return ResponseEntity.status(HttpStatus.CREATED).body(new MediaResponse(id, type.contentType(), size,
                    result.width(), result.height(), links.url(id)));
        } catch (MediaStorage.StorageUnavailable e) {
            log.warn("Photo storage failed: {}", e.toString());
            // the pending row stays: the janitor removes it and whatever part of the object exists
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                    "The photo could not be stored right now; try again shortly");
        } finally {
            Files.deleteIfExists(upload);
            Files.deleteIfExists(jpeg);
        }
    }

    @GetMapping("/v1/media/{mediaId}")
    @Operation(summary = "The photo's JPEG rendition, for anyone with an unexpired signed link (Instagram fetches it)")
    public ResponseEntity<InputStreamResource> serve(@PathVariable UUID mediaId,
                                                     @RequestParam(required = false) Long expires,
                                                     @RequestParam(required = false) String signature) {
        if (!links.isValid(mediaId, expires, signature)) {
            throw ApiException.forbidden("This photo link is not valid or has expired");
        }
        MediaStore.Media media = store.find(mediaId).filter(MediaStore.Media::stored)
                .orElseThrow(() -> ApiException.notFound("MEDIA_NOT_FOUND", "There is no such photo",
                        Map.of("mediaId", mediaId)));
        InputStream content;
        try {
            content = storage.open(media.storageKey());
        } catch (MediaStorage.MediaMissing e) {
            throw ApiException.notFound("MEDIA_NOT_FOUND", "There is no such photo", Map.of("mediaId", mediaId));
        } catch (MediaStorage.StorageUnavailable e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                    "The photo cannot be read right now; try again shortly");
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate());
        if (media.renditionSize() != null) {
            response.contentLength(media.renditionSize());
        }
        return response.body(new InputStreamResource(content));
    }

    /** Streams the part into our own temp file, counting: never more than the limit, never all in memory. */
    private static long copyAtMost(MultipartFile file, Path target) throws IOException {
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = file.getInputStream(); OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                copied += n;
                if (copied > MAX_UPLOAD_BYTES) {
                    throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                            "The photo is larger than 10 MiB", Map.of("limitBytes", MAX_UPLOAD_BYTES));
                }
                out.write(buffer, 0, n);
            }
        }
        return copied;
    }

    private static ApiException unsupported(String message) {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", message,
                Map.of("accepted", java.util.List.of("image/jpeg", "image/png", "image/webp")));
    }
}
