package kr.salonmate.api.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.salonmate.integration.connections.ShopConnections;
import kr.salonmate.messages.common.RuleViolation;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where failures become API errors. Business rules arrive as {@link RuleViolation}s whose code
 * decides the status; nothing internal (stack traces, SQL) ever reaches the body.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private static final Map<String, HttpStatus> STATUS_BY_CODE = Map.of(
            "VALIDATION_FAILED", HttpStatus.BAD_REQUEST,
            "MALFORMED_REQUEST", HttpStatus.BAD_REQUEST,
            "UNAUTHENTICATED", HttpStatus.UNAUTHORIZED,
            "QUOTA_EXCEEDED", HttpStatus.PAYMENT_REQUIRED,
            "FORBIDDEN", HttpStatus.FORBIDDEN,
            "NOT_FOUND", HttpStatus.NOT_FOUND,
            "GONE", HttpStatus.GONE,
            "RATE_LIMITED", HttpStatus.TOO_MANY_REQUESTS,
            "UPSTREAM_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE);

    static HttpStatus statusOf(String code) {
        HttpStatus status = STATUS_BY_CODE.get(code);
        if (status != null) {
            return status;
        }
        return code.endsWith("_NOT_FOUND") ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
    }

    /** Query results arrive through futures; answer for what actually went wrong. */
    @ExceptionHandler(java.util.concurrent.CompletionException.class)
    ResponseEntity<ApiError> completion(java.util.concurrent.CompletionException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof ApiException api) {
            return api(api, request);
        }
        if (cause instanceof RuleViolation rule) {
            return rule(rule, request);
        }
        return internal(cause instanceof Exception ex ? ex : e, request);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e, HttpServletRequest request) {
        if (e instanceof kr.salonmate.api.ratelimit.RateLimiter.RateLimitedException limited) {
            return ResponseEntity.status(e.status()).header(HttpHeaders.RETRY_AFTER,
                            Long.toString(limited.retryAfterSeconds())).contentType(MediaType.APPLICATION_JSON)
                    .body(ApiError.of(e.code(), e.getMessage(), e.details(), RequestIdFilter.of(request)));
        }
        if (e instanceof ServiceBusy busy) {
            return ResponseEntity.status(e.status()).header(HttpHeaders.RETRY_AFTER,
                            Long.toString(busy.retryAfterSeconds())).contentType(MediaType.APPLICATION_JSON)
                    .body(ApiError.of(e.code(), e.getMessage(), e.details(), RequestIdFilter.of(request)));
        }
        return respond(e.status(), e.code(), e.getMessage(), e.details(), request);
    }

    /** A token Google or Instagram did not accept when a shop was connected: the request's field is wrong. */
    @ExceptionHandler(ShopConnections.TokenRejected.class)
    ResponseEntity<ApiError> tokenRejected(ShopConnections.TokenRejected e, HttpServletRequest request) {
        return api(ApiException.validation(e.field(), e.getMessage()), request);
    }

    /** Google, Instagram or the review sync is out of reach (or not on this node): try again, perhaps elsewhere. */
    @ExceptionHandler(ShopConnections.ConnectionUnavailable.class)
    ResponseEntity<ApiError> connectionUnavailable(ShopConnections.ConnectionUnavailable e,
                                                   HttpServletRequest request) {
        return api(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE", e.getMessage()), request);
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ApiError> rule(RuleViolation e, HttpServletRequest request) {
        return respond(statusOf(e.code()), e.code(), e.getMessage(), Map.of(), request);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ApiError> staleVersion(ConflictingAggregateVersionException e, HttpServletRequest request) {
        return respond(HttpStatus.CONFLICT, "VERSION_MISMATCH",
                "The item changed since you loaded it; reload and try again",
                Map.of("expectedVersion", e.getExpectedVersion(), "actualVersion", e.getActualVersion()), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ApiError> aggregateMissing(AggregateNotFoundException e, HttpServletRequest request) {
        return respond(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such item", Map.of(), request);
    }

    /** Through Axon Server a rule violation arrives wrapped; its code travels in the details. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ApiError> remoteCommand(CommandExecutionException e, HttpServletRequest request) {
        if (e.getCause() instanceof RuleViolation rule) {
            return rule(rule, request);
        }
        Object details = e.getDetails().orElse(null);
        if (details instanceof String code && code.matches("[A-Z_]{3,40}")) {
            return respond(statusOf(code), code, e.getMessage(), Map.of(), request);
        }
        return internal(e, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> constraint(ConstraintViolationException e, HttpServletRequest request) {
        Map<String, Object> fields = e.getConstraintViolations().stream().collect(Collectors.toMap(
                v -> leafName(v.getPropertyPath()), v -> v.getMessage(), (a, b) -> a, LinkedHashMap::new));
        return respond(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Some fields are not valid: "
                + String.join(", ", fields.keySet()), Map.of("fields", fields), request);
    }

    /** A method-parameter violation's path is {@code method.parameter}; clients know the parameter's name only. */
    private static String leafName(jakarta.validation.Path path) {
        String name = null;
        for (jakarta.validation.Path.Node node : path) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name == null ? path.toString() : name;
    }

    /**
     * Spring MVC's own failures (bad parameters and bodies, media types, methods, unknown paths, uploads too large)
     * reach here through {@link ResponseEntityExceptionHandler}, which sets their status and headers ({@code Allow},
     * {@code Accept}); only the body becomes our envelope. One that this does not describe for the client stays a
     * 500, like any other surprise.
     */
    @Override
    @SuppressWarnings("unchecked")
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object problem, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest webRequest) {
        HttpServletRequest request = ((ServletWebRequest) webRequest).getRequest();
        Failure failure = standard(e);
        if (failure == null) {
            return (ResponseEntity<Object>) (ResponseEntity<?>) internal(e, request);
        }
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(failure.code(), failure.message(), failure.details(), RequestIdFilter.of(request)));
    }

    /** The base class logs every wrong method as a warning; scanners send thousands, and it is the client's mistake. */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         WebRequest request) {
        return handleExceptionInternal(e, null, headers, status, request);
    }

    /** A client that went away is no failure of ours: the one quiet line of {@link #internal}, as before. */
    @Override
    @SuppressWarnings("unchecked")
    protected ResponseEntity<Object> handleAsyncRequestNotUsableException(AsyncRequestNotUsableException e,
                                                                          WebRequest request) {
        return (ResponseEntity<Object>) (ResponseEntity<?>) internal(e, ((ServletWebRequest) request).getRequest());
    }

    private record Failure(String code, String message, Map<String, Object> details) {

        static Failure invalid(String message, Map<String, Object> fields) {
            return new Failure("VALIDATION_FAILED", message, Map.of("fields", fields));
        }

        static Failure badParameter(String name) {
            return invalid("Parameter is missing or not valid: " + name, Map.of(name, "missing or not valid"));
        }
    }

    private static Failure standard(Exception e) {
        if (e instanceof MethodArgumentNotValidException invalid) {
            Map<String, Object> fields = new LinkedHashMap<>();
            invalid.getBindingResult().getFieldErrors().forEach(error ->
                    fields.putIfAbsent(error.getField(), error.getDefaultMessage()));
            invalid.getBindingResult().getGlobalErrors().forEach(error ->
                    fields.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
            return Failure.invalid("Some fields are not valid: " + String.join(", ", fields.keySet()), fields);
        }
        if (e instanceof HandlerMethodValidationException invalid) {
            Map<String, Object> fields = new LinkedHashMap<>();
            invalid.getParameterValidationResults().forEach(result -> {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(error -> fields.putIfAbsent(name, error.getDefaultMessage()));
            });
            return Failure.invalid("Some parameters are not valid: " + String.join(", ", fields.keySet()), fields);
        }
        if (e instanceof HttpMessageNotReadableException unreadable) {
            return unreadable(unreadable);
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return Failure.badParameter(missing.getParameterName());
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return Failure.badParameter(mismatch.getName());
        }
        if (e instanceof MissingRequestHeaderException missing) {
            return Failure.badParameter(missing.getHeaderName());
        }
        if (e instanceof MissingServletRequestPartException missing) {
            String name = missing.getRequestPartName();
            return Failure.invalid("Part is missing: " + name, Map.of(name, "missing"));
        }
        if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
            return new Failure("UNSUPPORTED_MEDIA_TYPE", "Content type not supported: " + unsupported.getContentType(),
                    Map.of());
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return new Failure("NOT_ACCEPTABLE", "Cannot answer in the requested format", Map.of());
        }
        if (e instanceof HttpRequestMethodNotSupportedException) {
            return new Failure("METHOD_NOT_ALLOWED", e.getMessage(), Map.of());
        }
        if (e instanceof NoResourceFoundException) {
            return new Failure("NOT_FOUND", "No such resource", Map.of());
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return new Failure("PAYLOAD_TOO_LARGE", "The upload is too large", Map.of());
        }
        return null;
    }

    private static Failure unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = unknown.getPropertyName();
            return Failure.invalid("Unknown field: " + field, Map.of(field, "unknown field"));
        }
        // a value of the wrong type, or a number too large for its field (valid JSON, not a valid value)
        if ((cause instanceof MismatchedInputException || cause instanceof InputCoercionException)
                && !((JacksonException) cause).getPath().isEmpty()) {
            String field = path(((JacksonException) cause).getPath());
            return Failure.invalid("Field has the wrong type or value: " + field, Map.of(field, "wrong type or value"));
        }
        String message = cause instanceof JacksonException ? "The body is not valid JSON" : "The body is missing or unreadable";
        return new Failure("MALFORMED_REQUEST", message, Map.of());
    }

    private static String path(List<JacksonException.Reference> path) {
        StringBuilder name = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                name.append('[').append(ref.getIndex()).append(']');
            }
        }
        return name.isEmpty() ? "body" : name.toString();
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> multipart(MultipartException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The multipart body is not valid", Map.of(), request);
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, QueryTimeoutException.class})
    ResponseEntity<ApiError> databaseDown(Exception e, HttpServletRequest request) {
        log.warn("Database unavailable: {}", e.getMessage());
        ResponseEntity<ApiError> response = respond(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                "The service is briefly unavailable; try again shortly", Map.of(), request);
        return ResponseEntity.status(response.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_JSON).body(response.getBody());
    }

    /**
     * A query string Tomcat cannot decode ({@code ?q=%FF%FE}: not UTF-8, or a broken percent-escape) surfaces when
     * a parameter is first read. It is the client's mistake in the parameters, like any other bad parameter.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ApiError> undecodableParameters(InvalidParameterException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The query string is not valid percent-encoded"
                + " UTF-8", Map.of("fields", Map.of("query", "not valid percent-encoded UTF-8")), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> internal(Exception e, HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // the client went away mid-response (a closed tab, a timed-out scraper): nothing is wrong here and
            // nobody is listening, so one quiet line and no body; under load thousands of these are normal
            log.debug("Client went away during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        if (isDatabaseDown(e)) {
            return databaseDown(e, request);
        }
        log.error("Unhandled failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "Something went wrong on our side", Map.of(),
                request);
    }

    private static boolean isDatabaseDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            // PostgreSQL's connection exceptions (class 08) and shutdowns (57P): a connection that broke mid-query
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ApiError> respond(HttpStatus status, String code, String message,
                                                    Map<String, Object> details, HttpServletRequest request) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(code, message, details, RequestIdFilter.of(request)));
    }
}
