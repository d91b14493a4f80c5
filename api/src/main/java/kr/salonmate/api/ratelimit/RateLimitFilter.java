package kr.salonmate.api.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.error.ApiError;
import kr.salonmate.api.error.RequestIdFilter;
import kr.salonmate.api.security.CurrentUser;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Per-user and per-IP-on-auth limits, answered with {@code 429 RATE_LIMITED} and {@code Retry-After} before any
 * work is done. Runs after Spring Security (which knows the user) and before the idempotency filter (so a refused
 * request claims no key). The client address is the connection's, or the proxy's forwarded one when
 * {@code server.forward-headers-strategy} is set (docs/operations.md).
 */
@Component
@Order(-50)
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final ObjectMapper json;

    public RateLimitFilter(RateLimiter limiter, ObjectMapper json) {
        this.limiter = limiter;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UUID user = CurrentUser.idOfRequest();
        if ("POST".equals(request.getMethod()) && request.getRequestURI().startsWith("/v1/auth/")
                || isOAuthStart(request)) {
            long wait = limiter.authRequest(request.getRemoteAddr());
            if (wait > 0) {
                refuse(request, response, wait, "Too many sign-in attempts from this address; try again in "
                        + wait + " s", "AUTH_PER_IP");
                return;
            }
        } else if (user != null) {
            long wait = limiter.userRequest(user);
            if (wait > 0) {
                refuse(request, response, wait, "Too many requests; try again in " + wait + " s", "PER_USER");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Starting a Google or Kakao sign-in stores a state row: limited per address like the other sign-in attempts. */
    private static boolean isOAuthStart(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/v1/auth/oauth/") && path.endsWith("/authorize");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long retryAfter, String message,
                        String scope) throws IOException {
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ApiError.of("RATE_LIMITED", message, Map.of("scope", scope),
                RequestIdFilter.of(request)));
    }
}
