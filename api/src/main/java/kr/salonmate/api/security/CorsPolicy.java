package kr.salonmate.api.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kr.salonmate.api.error.ApiError;
import kr.salonmate.api.error.RequestIdFilter;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * API.md's {@code SALONMATE_CORS_ALLOWED_ORIGINS}: the web origins, besides the server's own, whose pages may call
 * the API (and open {@code /ws}, see {@code WebSocketConfiguration}). Calls carry a bearer token, never a cookie,
 * so credentials are not allowed. A cross-origin call from any other origin is {@code 403 FORBIDDEN} with the
 * envelope (and no CORS headers, so the browser does not hand the answer to the page). Same-origin calls are not
 * CORS calls at all; behind a TLS-terminating proxy the origin is compared with the forwarded scheme and host
 * ({@code server.forward-headers-strategy}).
 */
final class CorsPolicy {

    private CorsPolicy() {
    }

    /** The comma-separated setting as a list of origins; blank entries dropped. */
    static List<String> origins(String setting) {
        return setting == null ? List.of() : Arrays.stream(setting.split(",")).map(String::trim)
                .filter(origin -> !origin.isEmpty()).map(origin -> origin.endsWith("/")
                        ? origin.substring(0, origin.length() - 1) : origin).toList();
    }

    static CorsFilter filter(List<String> allowedOrigins, ObjectMapper json) {
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(allowedOrigins);
        api.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        api.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", RequestIdFilter.HEADER,
                "Accept", "Accept-Language"));
        api.setExposedHeaders(List.of(RequestIdFilter.HEADER, "Retry-After", "Location", "Content-Disposition"));
        api.setAllowCredentials(false);
        api.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/v1/**", api);
        // the WebSocket handshake: the same origins (WebSocketConfiguration checks them again)
        source.registerCorsConfiguration("/ws", api);
        source.registerCorsConfiguration("/ws/**", api);
        // every other path (the page, actuator, API docs) is same-origin only: a cross-origin call is refused
        CorsConfiguration none = new CorsConfiguration();
        none.setAllowedOrigins(List.of());
        source.registerCorsConfiguration("/**", none);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new EnvelopeCorsProcessor(json));
        return filter;
    }

    /** Spring's CORS checks, refusing with the API's envelope instead of a plain-text body. */
    private static final class EnvelopeCorsProcessor extends DefaultCorsProcessor {
        private final ObjectMapper json;

        EnvelopeCorsProcessor(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            HttpServletResponse servlet = ((ServletServerHttpResponse) response).getServletResponse();
            servlet.setStatus(403);
            servlet.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(servlet.getOutputStream(), ApiError.of("FORBIDDEN",
                    "This origin may not call the API (SALONMATE_CORS_ALLOWED_ORIGINS)", Map.of(),
                    servlet.getHeader(RequestIdFilter.HEADER)));
        }
    }
}
