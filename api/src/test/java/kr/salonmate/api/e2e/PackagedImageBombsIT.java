package kr.salonmate.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.ImageBombs;
import kr.salonmate.api.support.TestDatabase;
import kr.salonmate.api.support.TestImages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Decompression bombs and lying images uploaded all at once to the packaged jar running with a 384 MB heap: each is
 * rendered within bounds, refused (413/415) or asked to come back (503 with Retry-After); the node stays healthy,
 * nothing runs out of memory, and an ordinary photo uploaded afterwards is stored as always.
 */
class PackagedImageBombsIT {

    /** 6000 x 6000 16-bit RGBA: ~290 MB decoded at full size, 72 MB at the old subsampling step, ~300 KB of file. */
    private static final byte[] BOMB = ImageBombs.png(6000, 6000, 16);

    private record Upload(String what, String filename, String contentType, byte[] bytes) {
    }

    @Test
    void bombsAndLiarsUploadedTogetherLeaveTheNodeHealthy() throws Exception {
        TestDatabase.Database database = TestDatabase.create("e2ebombs");
        Map<String, String> config = PackagedApplication.settings(database, "target/e2e-bombs-data", null);
        try (PackagedApplication app = PackagedApplication.start("bombs", "384m", config)) {
            HttpApi api = new HttpApi(app.baseUrl());
            JsonNode signup = api.post("/v1/auth/signup", null, Map.of("email", "bombs@e2e.test",
                    "password", "a long enough password", "name", "폭탄 원장", "shopName", "폭탄 살롱")).json();
            String token = signup.path("accessToken").asText();
            String media = "/v1/shops/" + signup.path("shop").path("id").asText() + "/media";

            List<Upload> uploads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                uploads.add(new Upload("bomb " + i, "bomb" + i + ".png", "image/png", BOMB));
            }
            uploads.add(new Upload("a bomb calling itself a JPEG", "photo.jpg", "image/jpeg", BOMB));
            uploads.add(new Upload("8000 x 8000 announced, three rows sent", "short.png", "image/png",
                    ImageBombs.truncatedPng(8000, 8000)));
            uploads.add(new Upload("60000 x 60000 announced", "huge.png", "image/png",
                    ImageBombs.truncatedPng(60000, 60000)));
            uploads.add(new Upload("one row 100000 wide", "wide.png", "image/png",
                    ImageBombs.truncatedPng(100000, 1)));

            List<HttpApi.Response> answers = uploadAllAtOnce(api, media, token, uploads);

            int rendered = 0;
            for (int i = 0; i < uploads.size(); i++) {
                Upload upload = uploads.get(i);
                HttpApi.Response answer = answers.get(i);
                assertThat(answer.status()).as("%s: %s", upload.what(), answer.body()).isIn(201, 413, 415, 503);
                if (answer.status() == 201) {
                    rendered++;
                    assertThat(answer.json().path("width").asInt()).isEqualTo(6000);
                } else {
                    assertThat(answer.json().path("error").path("requestId").asText()).as(upload.what()).isNotBlank();
                    assertThat(answer.body()).doesNotContain("Exception", "\tat ");
                }
                if (answer.status() == 503) {
                    assertThat(answer.errorCode()).isEqualTo("UPSTREAM_UNAVAILABLE");
                    assertThat(answer.header("Retry-After")).as("%s: Retry-After", upload.what()).isNotBlank();
                }
                if (upload.what().contains("announced") || upload.what().contains("wide")) {
                    assertThat(answer.status()).as(upload.what()).isIn(413, 415, 503);
                }
            }
            assertThat(rendered).as("some bombs were rendered (subsampled), not all turned away").isPositive();
            assertThat(answers.get(10).status()).as("60000 x 60000").isIn(413, 503);

            HttpApi.Response health = api.get("/actuator/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).contains("UP");
            HttpApi.Response photo = api.upload(media, token, "file", "nails.png", "image/png",
                    TestImages.png(1080, 1350));
            assertThat(photo.status()).as(photo.body()).isEqualTo(201);
            assertThat(TestImages.read(api.fetch(photo.json().path("url").asText()).body()).getWidth())
                    .isEqualTo(1080);
            assertThat(app.log()).doesNotContain("OutOfMemoryError");
        }
    }

    /** Every upload from its own thread, released together; the answers in the same order. */
    private static List<HttpApi.Response> uploadAllAtOnce(HttpApi api, String media, String token,
                                                          List<Upload> uploads) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(uploads.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpApi.Response>> futures = new ArrayList<>();
            for (Upload upload : uploads) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return api.upload(media, token, "file", upload.filename(), upload.contentType(), upload.bytes());
                }, clients));
            }
            go.countDown();
            List<HttpApi.Response> answers = new ArrayList<>();
            for (CompletableFuture<HttpApi.Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }
}
