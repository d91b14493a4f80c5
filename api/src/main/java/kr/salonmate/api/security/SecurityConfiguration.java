package kr.salonmate.api.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import kr.salonmate.api.error.ApiError;
import kr.salonmate.api.error.RequestIdFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
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
     * The dashboard page (static files under {@code /}) loads only its own scripts, styles and images and talks only
     * to this origin (HTTP API and {@code /ws}); review text is rendered as text, and this policy is the second line.
     */
    static final String DASHBOARD_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The page's policy, plus the origin of Toss's card-registration SDK ({@code salonmate.toss.sdk-url}) for its
     * script and the window it opens, when upgrading is offered.
     */
    static String dashboardCsp(kr.salonmate.saga.billing.TossProperties toss) {
        if (toss == null || !toss.upgradeOffered()) {
            return DASHBOARD_CSP;
        }
        java.net.URI sdk = java.net.URI.create(toss.sdkUrl());
        String origin = sdk.getScheme() + "://" + sdk.getRawAuthority();
        return DASHBOARD_CSP.replace("script-src 'self';", "script-src 'self' " + origin + ";")
                + "; frame-src " + origin + " https://*.tosspayments.com";
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json,
                            org.springframework.beans.factory.ObjectProvider<kr.salonmate.saga.billing.TossProperties> toss)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> { })
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        request -> isDashboardDocument(request.getRequestURI()),
                        new StaticHeadersWriter("Content-Security-Policy", dashboardCsp(toss.getIfAvailable())))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/v1/auth/signup", "/v1/auth/login", "/v1/auth/refresh",
                                "/v1/auth/logout", "/v1/auth/logout-all", "/v1/auth/verify-email",
                                "/v1/auth/verify-email/resend", "/v1/auth/password/forgot",
                                "/v1/auth/password/reset").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v1/auth/jwks", "/v1/media/**").permitAll()
                        // Toss calls the webhook (it proves nothing: the payment is re-read from Toss); the page reads
                        // the public client key before anyone signs in
                        .requestMatchers(HttpMethod.POST, "/v1/billing/toss/webhook").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v1/billing/config").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
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

    private static boolean isDashboardDocument(String path) {
        return "/".equals(path) || "/index.html".equals(path) || "/sw.js".equals(path);
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
    JwtDecoder jwtDecoder(JwtKeys keys) throws Exception {
        return NimbusJwtDecoder.withPublicKey(keys.signingKey().toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
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
