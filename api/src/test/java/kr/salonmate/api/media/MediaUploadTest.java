package kr.salonmate.api.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.Map;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Photo uploads through the real HTTP API into the local-directory store, and the signed links that serve them. */
class MediaUploadTest extends IntegrationTest {

    @Autowired
    private MediaJanitor janitor;
    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aPngIsStoredAsAJpegRenditionAnyoneWithTheSignedLinkCanFetch() {
        Owner owner = signUp("살롱 사진");
        HttpApi.Response upload = api.upload(owner.shop("/media"), owner.token(), "file", "투명.png", "image/png",
                TestImages.png(1080, 1080));

        assertThat(upload.status()).isEqualTo(201);
        JsonNode media = upload.json();
        assertThat(media.path("id").asText()).isNotBlank();
        assertThat(media.path("contentType").asText()).isEqualTo("image/png");
        assertThat(media.path("size").asLong()).isPositive();
        assertThat(media.path("width").asInt()).isEqualTo(1080);
        assertThat(media.path("height").asInt()).isEqualTo(1080);
        String url = media.path("url").asText();
        assertThat(url).startsWith(api.baseUrl() + "/v1/media/" + media.path("id").asText() + "?expires=")
                .contains("&signature=");

        HttpResponse<byte[]> served = api.fetch(url);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage image = TestImages.read(served.body());
        assertThat(image.getWidth()).isEqualTo(1080);
        assertThat(image.getHeight()).isEqualTo(1080);
    }

    @Test
    void aPhoneJpegIsTurnedUprightAndLosesItsLocation() {
        Owner owner = signUp("살롱 회전");
        byte[] sideways = TestImages.jpegWithExifOrientation6AndGps(1350, 1080); // stored landscape, shown portrait
        assertThat(TestImages.containsAscii(sideways, "Exif")).isTrue();

        HttpApi.Response upload = api.upload(owner.shop("/media"), owner.token(), "file", "IMG_0001.JPG",
                "image/jpeg", sideways);

        assertThat(upload.status()).isEqualTo(201);
        assertThat(upload.json().path("width").asInt()).isEqualTo(1080);
        assertThat(upload.json().path("height").asInt()).isEqualTo(1350);
        byte[] served = api.fetch(upload.json().path("url").asText()).body();
        assertThat(TestImages.containsAscii(served, "Exif")).isFalse();
        assertThat(TestImages.containsAscii(served, "Seoul")).isFalse();
        BufferedImage upright = TestImages.read(served);
        assertThat(upright.getWidth()).isEqualTo(1080);
        assertThat(upright.getHeight()).isEqualTo(1350);
        // red was on the left of the stored pixels: turned clockwise, it is on top
        int top = upright.getRGB(540, 100);
        int bottom = upright.getRGB(540, 1250);
        assertThat((top >> 16) & 0xff).isGreaterThan(200);
        assertThat(bottom & 0xff).isGreaterThan(200);
    }

    @Test
    void aWebpIsAccepted() {
        Owner owner = signUp("살롱 웹피");
        HttpApi.Response upload = api.upload(owner.shop("/media"), owner.token(), "file", "a.webp", "image/webp",
                TestImages.WEBP);

        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        assertThat(upload.json().path("contentType").asText()).isEqualTo("image/webp");
        assertThat(TestImages.read(api.fetch(upload.json().path("url").asText()).body())).isNotNull();
    }

    @Test
    void aFileThatOnlyClaimsToBeAJpegIsRefusedWith415() {
        Owner owner = signUp("살롱 거짓말");
        HttpApi.Response upload = api.upload(owner.shop("/media"), owner.token(), "file", "photo.jpg", "image/jpeg",
                TestImages.notAnImage());

        assertThat(upload.status()).isEqualTo(415);
        assertThat(upload.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(upload.json().path("error").path("requestId").asText()).isNotBlank();
    }

    @Test
    void aFileStartingLikeAJpegThatIsNotOneIsRefusedWith415() {
        Owner owner = signUp("살롱 깨진");
        byte[] broken = new byte[2048];
        broken[0] = (byte) 0xFF;
        broken[1] = (byte) 0xD8;
        broken[2] = (byte) 0xFF;
        HttpApi.Response upload = api.upload(owner.shop("/media"), owner.token(), "file", "x.jpg", "image/jpeg", broken);

        assertThat(upload.status()).isEqualTo(415);
        assertThat(upload.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void anUploadOver10MiBIsRefusedWith413() {
        Owner owner = signUp("살롱 대용량");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.jpeg(10, 10), 0, big, 0, 100);
        HttpApi.Response upload = api.upload(owner.shop("/media"), owner.token(), "file", "big.jpg", "image/jpeg", big);

        assertThat(upload.status()).isEqualTo(413);
        assertThat(upload.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void badRequestsGetTheErrorEnvelope() {
        Owner owner = signUp("살롱 입력");
        HttpApi.Response otherPart = api.upload(owner.shop("/media"), owner.token(), "photo", "a.png", "image/png",
                TestImages.png(10, 10));
        assertThat(otherPart.status()).isEqualTo(400);
        assertThat(otherPart.errorCode()).isEqualTo("VALIDATION_FAILED");

        HttpApi.Response json = api.post(owner.shop("/media"), owner.token(), Map.of("file", "x"));
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");

        HttpApi.Response anonymous = api.upload(owner.shop("/media"), null, "file", "a.png", "image/png",
                TestImages.png(10, 10));
        assertThat(anonymous.status()).isEqualTo(401);

        Owner stranger = signUp("남의 가게");
        HttpApi.Response foreign = api.upload(owner.shop("/media"), stranger.token(), "file", "a.png", "image/png",
                TestImages.png(10, 10));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aTamperedOrExpiredLinkServesNothing() {
        Owner owner = signUp("살롱 링크");
        String url = api.upload(owner.shop("/media"), owner.token(), "file", "a.png", "image/png",
                TestImages.png(100, 100)).json().path("url").asText();

        String otherPhoto = url.replaceFirst("/v1/media/[0-9a-f-]+", "/v1/media/" + java.util.UUID.randomUUID());
        assertThat(api.fetch(otherPhoto).statusCode()).isEqualTo(403);
        String later = url.replaceFirst("expires=(\\d+)", "expires=99999999999");
        assertThat(api.fetch(later).statusCode()).isEqualTo(403);
        String expired = url.replaceFirst("expires=(\\d+)", "expires=1000");
        assertThat(api.fetch(expired).statusCode()).isEqualTo(403);
        assertThat(api.fetch(url.substring(0, url.indexOf('?'))).statusCode()).isEqualTo(403);
        HttpApi.Response envelope = api.get(url.substring(api.baseUrl().length()).replace("signature=", "signature=x"),
                null);
        assertThat(envelope.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void photosNoPostTookAreCleanedUpAfterADayAndTheirLinksStopWorking() {
        Owner owner = signUp("살롱 청소");
        JsonNode media = api.upload(owner.shop("/media"), owner.token(), "file", "a.png", "image/png",
                TestImages.png(100, 100)).json();
        String url = media.path("url").asText();
        assertThat(api.fetch(url).statusCode()).isEqualTo(200);

        jdbc.update("UPDATE media SET created_at = now() - interval '25 hours' WHERE id = ?::uuid",
                media.path("id").asText());
        assertThat(janitor.cleanUp()).isGreaterThanOrEqualTo(1);

        assertThat(api.fetch(url).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM media WHERE id = ?::uuid", Long.class,
                media.path("id").asText())).isZero();
    }
}
