package kr.salonmate.api.media;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kr.salonmate.api.config.LocalSecrets;
import kr.salonmate.messages.post.MediaUrls;
import kr.salonmate.messages.post.SignMediaUrls;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring links to the photos' JPEG renditions: {@code {public-base-url}/v1/media/{id}?expires=…&signature=…}
 * with an HMAC-SHA256 over the id and the expiry. They are what the API shows and what Instagram fetches; without
 * a valid, unexpired signature a photo is not served. Also answers {@link SignMediaUrls} for the publishing saga.
 */
@Component
public class MediaLinks {

    private final byte[] key;
    private final Environment environment;
    private final MediaProperties properties;
    private final MediaStore store;
    private final Clock clock;

    public MediaLinks(MediaProperties properties, MediaStore store, Clock clock, Environment environment,
                      @Value("${salonmate.data-dir:./data}") String dataDir) {
        this.properties = properties;
        this.store = store;
        this.clock = clock;
        this.environment = environment;
        this.key = Base64.getDecoder().decode(LocalSecrets.configuredOrPersisted(properties.signingKey(),
                Path.of(dataDir, "media-signing.key"), () -> {
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return Base64.getEncoder().encodeToString(random);
                }));
    }

    /** A link valid for {@code salonmate.media.url-ttl} from now. */
    public String url(UUID mediaId) {
        long expires = clock.instant().plus(properties.urlTtl()).getEpochSecond();
        return publicBaseUrl() + "/v1/media/" + mediaId + "?expires=" + expires + "&signature=" + sign(mediaId, expires);
    }

    /** Whether the signature is ours for this id and expiry, and the link has not expired. */
    public boolean isValid(UUID mediaId, Long expires, String signature) {
        if (expires == null || signature == null || signature.length() > 100) {
            return false;
        }
        // compared as seconds: any long is a possible (forged) expiry, most of them beyond what an Instant holds
        if (expires < clock.instant().getEpochSecond()) {
            return false;
        }
        return MessageDigest.isEqual(sign(mediaId, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The links Instagram fetches; fails when a photo is not (or no longer) stored in that shop. */
    @QueryHandler
    public MediaUrls handle(SignMediaUrls query) {
        Map<UUID, MediaStore.Media> found = store.storedInShop(query.shopId().value(), query.mediaIds()).stream()
                .collect(Collectors.toMap(MediaStore.Media::id, Function.identity()));
        List<String> urls = new ArrayList<>();
        for (UUID id : query.mediaIds()) {
            if (!found.containsKey(id)) {
                throw new IllegalArgumentException("Photo " + id + " is not stored in shop " + query.shopId());
            }
            urls.add(url(id));
        }
        return new MediaUrls(urls);
    }

    /** {@code salonmate.public-base-url}, read when used (it may name the port the server got at start). */
    private String publicBaseUrl() {
        String url = environment.getProperty("salonmate.public-base-url", "http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private String sign(UUID mediaId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((mediaId + "." + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
