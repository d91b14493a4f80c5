package kr.salonmate.api.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import kr.salonmate.api.error.ApiError;
import kr.salonmate.api.error.RequestIdFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.ObjectMapper;

/**
 * Stateless bearer-token security: the app issues RS256 access tokens and validates them as an OAuth2
 * resource server. Only RS256 with our own key is accepted, so {@code alg: none}, HS256 tricks and foreign
 * keys fail. Shop membership and roles are checked per endpoint by {@link ShopAccess}.
 */
@Configuration
public class SecurityConfiguration {

    /**
     * Security headers on every response: {@link ContentSecurityPolicy}, and Spring Security's defaults —
     * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and, on a request that came over TLS,
     * {@code Strict-Transport-Security} (one year, subdomains). Behind a TLS-terminating proxy the request counts as
     * TLS through the proxy's {@code X-Forwarded-Proto} ({@code server.forward-headers-strategy}, native by default:
     * Tomcat believes it only from a private-network or loopback peer).
     */
    @Bean
    ContentSecurityPolicy contentSecurityPolicy(
            @Value("${salonmate.toss.sdk-url:https://js.tosspayments.com/v1/payment}") String tossSdkUrl,
            Environment environment) {
        return new ContentSecurityPolicy(tossSdkUrl, () -> environment.getProperty("salonmate.public-base-url", ""));
    }

    /**
     * No observations from Spring Security itself. With an observation registry present it wraps every filter of
     * every request's chain (an observation around the chain, an event per filter, one around authentication and one
     * around authorization): profiled under load, observations were about a twelfth of the CPU an authenticated read
     * costs (docs/benchmarks.md, "Read API"), and they told nothing the HTTP server observation does not — that one
     * still times, counts and traces every request, with its status.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    static void securityHeaders(HttpSecurity http, ContentSecurityPolicy csp) throws Exception {
        http.headers(headers -> headers
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                .addHeaderWriter(csp));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ContentSecurityPolicy csp,
                            @Value("${salonmate.cors.allowed-origins:}") String allowedOrigins) throws Exception {
        securityHeaders(http, csp);
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                // after the header writer, so that a refused cross-origin call carries the security headers too
                .addFilterAfter(CorsPolicy.filter(CorsPolicy.origins(allowedOrigins), json), HeaderWriterFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/v1/auth/signup", "/v1/auth/login", "/v1/auth/refresh",
                                "/v1/auth/logout", "/v1/auth/logout-all", "/v1/auth/verify-email",
                                "/v1/auth/verify-email/resend", "/v1/auth/password/forgot",
                                "/v1/auth/password/reset", "/v1/auth/oauth/exchange").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v1/auth/jwks", "/v1/auth/oauth/**", "/v1/media/**").permitAll()
                        // Toss calls the webhook (it proves nothing: the payment is re-read from Toss); the page reads
                        // the public client key before anyone signs in
                        .requestMatchers(HttpMethod.POST, "/v1/billing/toss/webhook").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v1/billing/config").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/ws/**", "/error").permitAll()
                        .requestMatchers("/v1/**", "/actuator/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(bearerTokensOutsidePublicAuth())
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((request, response, e) ->
                                write(json, request, response, 401, "UNAUTHENTICATED",
                                        "Sign in first: the access token is missing, expired or not valid"))
                        .accessDeniedHandler((request, response, e) ->
                                write(json, request, response, 403, "FORBIDDEN", "Not allowed")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) ->
                                write(json, request, response, 401, "UNAUTHENTICATED",
                                        "Sign in first: the access token is missing, expired or not valid"))
                        .accessDeniedHandler((request, response, e) ->
                                write(json, request, response, 403, "FORBIDDEN", "Not allowed")));
        return http.build();
    }

    /**
     * The public auth endpoints ignore an Authorization header: clients send their (possibly expired) access token
     * with every call, and an expired one must not stop the call that renews it.
     */
    private static BearerTokenResolver bearerTokensOutsidePublicAuth() {
        DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
        RequestMatcher publicAuth = PathPatternRequestMatcher.withDefaults().matcher("/v1/auth/**");
        return request -> publicAuth.matches(request) ? null : bearer.resolve(request);
    }

    private static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response, int status,
                              String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), ApiError.of(code, message, Map.of(), RequestIdFilter.of(request)));
    }

    @Bean
    JwtDecoder jwtDecoder(JwtKeys keys, Clock clock) throws Exception {
        NimbusJwtDecoder verifier = NimbusJwtDecoder.withPublicKey(keys.signingKey().toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        verifier.setJwtValidator(timestamps);
        return new VerifiedTokenCache(verifier, clock);
    }

    @Bean
    JwtEncoder jwtEncoder(JwtKeys keys) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(keys.signingKey())));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }
}
