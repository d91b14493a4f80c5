package kr.salonmate.api.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * JSON bodies are small; anything declaring more than 1 MiB is refused with 413 before it is read. A body sent
 * without a declared length (chunked) is read up to the limit first, so it cannot slip past it. (Uploads are
 * multipart and have their own 10 MiB limit; a CSV review import, {@code text/csv}, may have 5 MiB.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodySizeLimitFilter extends OncePerRequestFilter {

    static final long MAX_JSON_BODY = 1024 * 1024;
    static final long MAX_CSV_BODY = 5 * 1024 * 1024;

    private final ObjectMapper json;

    public BodySizeLimitFilter(ObjectMapper json) {
        this.json = json;
    }

    /** The largest body accepted with this content type (multipart is limited by the container instead). */
    public static long limitFor(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")
                ? MAX_CSV_BODY : MAX_JSON_BODY;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getContentType());
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response, limit);
            return;
        }
        if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes((int) limit + 1);
            if (body.length > limit) {
                tooLarge(request, response, limit);
                return;
            }
            chain.doFilter(new ReadBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        response.setStatus(413);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), ApiError.of("PAYLOAD_TOO_LARGE",
                "The body is larger than " + (limit / (1024 * 1024)) + " MiB", Map.of("limitBytes", limit),
                RequestIdFilter.of(request)));
    }
}
