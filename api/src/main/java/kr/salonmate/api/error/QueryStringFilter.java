package kr.salonmate.api.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * A query string that is not percent-encoded UTF-8 ({@code ?q=%FF%FE}, {@code ?q=%zz}) is 400 VALIDATION_FAILED on
 * every endpoint, before anything reads a parameter. Tomcat decodes the query string only when a parameter is
 * first read and then throws, wherever that happens (a controller, a filter, Spring Security): that was a 500
 * with a stack trace in the log, or a 200 on an endpoint that happens to read no parameter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class QueryStringFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    public QueryStringFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !isPercentEncodedUtf8(query)) {
            response.setStatus(400);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ApiError.of("VALIDATION_FAILED",
                    "The query string is not valid percent-encoded UTF-8",
                    Map.of("fields", Map.of("query", "not valid percent-encoded UTF-8")), RequestIdFilter.of(request)));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether every {@code %} starts a two-digit hex escape and the escaped bytes are UTF-8. */
    static boolean isPercentEncodedUtf8(String query) {
        if (query.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    return false;
                }
                int high = Character.digit(query.charAt(i + 1), 16);
                int low = Character.digit(query.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
