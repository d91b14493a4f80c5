package kr.salonmate.api.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.salonmate.api.ids.RandomUuids;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error envelope for requests refused before any controller ran: by the servlet container itself (a request
 * line or headers it cannot parse or will not accept) or by a {@code sendError} (Spring Security's firewall).
 * Without this they answer with Tomcat's HTML page or Spring Boot's default error JSON.
 */
@Configuration
public class ContainerErrors {

    /** The error code of a status that nothing more specific was decided for. */
    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "RATE_LIMITED";
            case 503 -> "UPSTREAM_UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL" : "MALFORMED_REQUEST";
        };
    }

    static String newRequestId() {
        return "req_" + RandomUuids.next().toString().replace("-", "");
    }

    static String messageOf(int status) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 404 -> "No such resource";
            case 413 -> "The request is too large";
            default -> status >= 500 ? "Something went wrong on our side" : "The request was refused";
        };
    }

    /** Replaces Spring Boot's BasicErrorController: what a {@code sendError} or an unhandled error renders. */
    @RestController
    static class ErrorEndpoint implements ErrorController {

        @RequestMapping("${server.error.path:${error.path:/error}}")
        ResponseEntity<ApiError> error(HttpServletRequest request, HttpServletResponse response) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer value && value >= 400 && value < 600 ? value : 500;
            String requestId = RequestIdFilter.of(request);
            if (requestId == null) { // refused before the filters ran (a TRACE, say)
                requestId = newRequestId();
                response.setHeader(RequestIdFilter.HEADER, requestId);
            }
            securityHeaders(response);
            return ResponseEntity.status(HttpStatus.valueOf(status)).contentType(MediaType.APPLICATION_JSON)
                    .body(ApiError.of(codeOf(status), messageOf(status), Map.of(), requestId));
        }
    }

    /**
     * A request refused before Spring Security's header writer ran (by the container, or by the security firewall,
     * whose error dispatch the filter chain does not see again) gets the same security headers as every response.
     */
    static void securityHeaders(HttpServletResponse response) {
        setIfAbsent(response, "X-Content-Type-Options", "nosniff");
        setIfAbsent(response, "X-Frame-Options", "DENY");
        setIfAbsent(response, "Content-Security-Policy",
                "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    }

    private static void setIfAbsent(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }

    /** Tomcat's own error pages (for requests it refuses before the application sees them) become the envelope. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> envelopeForContainerErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(EnvelopeValve.class.getName());
            }
            host.getPipeline().addValve(new EnvelopeValve());
        });
    }

    public static class EnvelopeValve extends ErrorReportValve {

        private static final ObjectMapper JSON = JsonMapper.builder().build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            String requestId = RequestIdFilter.of(request);
            if (requestId == null) {
                requestId = newRequestId();
                response.setHeader(RequestIdFilter.HEADER, requestId);
            }
            securityHeaders(response);
            try {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(
                            ApiError.of(codeOf(status), messageOf(status), Map.of(), requestId)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response is already on its way; nothing more to say
            }
        }
    }
}
