package kr.salonmate.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description is generated from the controllers. This test checks it describes the contract's
 * endpoints, and that docs/openapi.json is the current one (regenerate it with {@code -Dopenapi.write=true}).
 */
class OpenApiDocumentTest extends IntegrationTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "openapi.json");

    @Test
    void theApiDescriptionCoversTheContractAndDocsHoldTheCurrentOne() throws Exception {
        HttpApi.Response response = api.get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        JsonNode paths = document.path("paths");
        for (String path : new String[]{"/v1/auth/signup", "/v1/auth/login", "/v1/auth/refresh", "/v1/auth/jwks",
                "/v1/auth/logout-all", "/v1/auth/verify-email", "/v1/auth/verify-email/resend",
                "/v1/auth/password/forgot", "/v1/auth/password/reset",
                "/v1/me", "/v1/shops", "/v1/shops/{shopId}", "/v1/shops/{shopId}/reply-settings",
                "/v1/shops/{shopId}/connections/google", "/v1/shops/{shopId}/reviews/sync",
                "/v1/shops/{shopId}/reviews", "/v1/shops/{shopId}/reviews/{reviewId}",
                "/v1/shops/{shopId}/reviews/{reviewId}/reply", "/v1/shops/{shopId}/reviews/{reviewId}/reply/approve",
                "/v1/shops/{shopId}/reviews/{reviewId}/history", "/v1/shops/{shopId}/dashboard",
                "/v1/shops/{shopId}/reviews/import", "/v1/shops/{shopId}/reviews/{reviewId}/reply/posted",
                "/v1/shops/{shopId}/connections/instagram", "/v1/shops/{shopId}/media", "/v1/media/{mediaId}",
                "/v1/shops/{shopId}/posts", "/v1/shops/{shopId}/posts/{postId}",
                "/v1/shops/{shopId}/posts/{postId}/publish", "/v1/shops/{shopId}/posts/{postId}/cancel",
                "/v1/shops/{shopId}/audit", "/v1/shops/{shopId}/analytics", "/v1/admin/projections",
                "/v1/admin/projections/{name}", "/v1/admin/projections/{name}/replay", "/v1/admin/dead-letters",
                "/v1/admin/dead-letters/{group}/retry"}) {
            assertThat(paths.has(path)).as("OpenAPI describes " + path).isTrue();
        }
        // the server URL differs per run; everything else is stable
        ((tools.jackson.databind.node.ObjectNode) document).remove("servers");
        String current = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(DOCUMENT, current, StandardCharsets.UTF_8);
        }
        assertThat(DOCUMENT).as("docs/openapi.json (regenerate with -Dopenapi.write=true)").exists();
        assertThat(Json.parse(Files.readString(DOCUMENT, StandardCharsets.UTF_8)))
                .as("docs/openapi.json is out of date: run the api tests with -Dopenapi.write=true")
                .isEqualTo(Json.parse(current));
    }
}
