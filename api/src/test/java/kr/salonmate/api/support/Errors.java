package kr.salonmate.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.salonmate.api.support.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * Assertions on the documented error envelope {@code {"error":{code, message, details, timestamp, requestId}}}:
 * the status, the code, every member present and well-formed, the requestId equal to the X-Request-Id header,
 * and nothing internal (stack traces, SQL, class names) in the body.
 */
public final class Errors {

    /** Text that must never reach a client: it would mean a stack trace, SQL or an exception leaked. */
    public static final List<String> INTERNALS = List.of("Exception", "\tat ", "at kr.salonmate", "at org.", "at java.",
            "org.postgresql", "PSQL", "SQLState", "SQL state", "ERROR: ", "SELECT ", "INSERT INTO", "UPDATE ",
            "hibernate", "jakarta.", "springframework", "axonframework", "tools.jackson", "Caused by");

    private Errors() {
    }

    /** The response is {@code status} with the envelope carrying {@code code}; returns the "error" object. */
    public static JsonNode assertError(HttpApi.Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("content type").startsWith("application/json");
        JsonNode root = response.json();
        assertThat(root).as("body").isNotNull();
        List<String> topLevel = new ArrayList<>(root.propertyNames());
        assertThat(topLevel).as("top-level members of %s", response.body()).containsExactly("error");
        JsonNode error = root.path("error");
        assertThat(error.path("code").asText()).as("code in %s", response.body()).isEqualTo(code);
        assertThat(error.path("message").isString()).as("message is text").isTrue();
        assertThat(error.path("message").asText()).as("message").isNotBlank();
        assertThat(error.path("details").isObject()).as("details is an object in %s", response.body()).isTrue();
        assertThat(error.path("timestamp").isString()).as("timestamp is text").isTrue();
        Instant at = Instant.parse(error.path("timestamp").asText());
        assertThat(error.path("timestamp").asText()).endsWith("Z");
        assertThat(Duration.between(at, Instant.now()).abs()).isLessThan(Duration.ofMinutes(2));
        String requestId = response.header("X-Request-Id");
        assertThat(requestId).as("X-Request-Id header").isNotBlank();
        assertThat(error.path("requestId").asText()).as("requestId in the body equals the header").isEqualTo(requestId);
        assertNoInternals(response);
        return error;
    }

    /** 400 VALIDATION_FAILED whose details name every one of {@code fields}. */
    public static JsonNode assertInvalid(HttpApi.Response response, String... fields) {
        JsonNode error = assertError(response, 400, "VALIDATION_FAILED");
        JsonNode named = error.path("details").path("fields");
        assertThat(named.isObject()).as("details.fields in %s", response.body()).isTrue();
        for (String field : fields) {
            assertThat(named.has(field)).as("details.fields names '%s' in %s", field, response.body()).isTrue();
            assertThat(named.path(field).asText()).as("problem with %s", field).isNotBlank();
        }
        return error;
    }

    public static void assertNoInternals(HttpApi.Response response) {
        String body = response.body() == null ? "" : response.body();
        for (String leak : INTERNALS) {
            assertThat(body).as("body must not contain '%s'", leak).doesNotContain(leak);
        }
    }
}
