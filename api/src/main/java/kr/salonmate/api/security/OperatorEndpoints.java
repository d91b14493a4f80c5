package kr.salonmate.api.security;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import kr.salonmate.api.error.ApiError;
import kr.salonmate.api.error.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /actuator/prometheus} and {@code /actuator/metrics} are for operators only: HTTP Basic with
 * {@code SALONMATE_METRICS_USERNAME} (default {@code prometheus}) and {@code SALONMATE_METRICS_PASSWORD}, what a
 * Prometheus {@code scrape_config} sends ({@code basic_auth}). Without a password they answer nobody. These
 * credentials open nothing else, and no access token opens these. Health and info stay public (a load balancer
 * probes them; they say UP or DOWN and nothing more).
 */
@Configuration(proxyBeanMethods = false)
class OperatorEndpoints {

    private static final Logger log = LoggerFactory.getLogger(OperatorEndpoints.class);
    static final String[] PATHS = {"/actuator/prometheus", "/actuator/prometheus/**", "/actuator/metrics",
            "/actuator/metrics/**"};

    @Bean
    @Order(1)
    SecurityFilterChain operatorEndpointsChain(HttpSecurity http, ObjectMapper json, ContentSecurityPolicy csp,
                                               @Value("${salonmate.metrics.username:prometheus}") String username,
                                               @Value("${salonmate.metrics.password:}") String password) throws Exception {
        if (password.isBlank()) {
            log.info("No SALONMATE_METRICS_PASSWORD: /actuator/prometheus and /actuator/metrics answer nobody");
        }
        AuthenticationEntryPoint challenge = (request, response, e) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"salonmate-operators\", charset=\"UTF-8\"");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ApiError.of("UNAUTHENTICATED",
                    "Operators only: sign in with the metrics credentials", Map.of(), RequestIdFilter.of(request)));
        };
        SecurityConfiguration.securityHeaders(http, csp);
        http.securityMatcher(PATHS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(credentials(username, password))
                .httpBasic(basic -> basic.authenticationEntryPoint(challenge))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(OPERATOR))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(challenge));
        return http.build();
    }

    static final String OPERATOR = "METRICS_OPERATOR";

    /** Compares in constant time; a blank configured password matches nothing. */
    private static AuthenticationManager credentials(String username, String password) {
        byte[] expectedUser = username.getBytes(StandardCharsets.UTF_8);
        byte[] expectedPassword = password.getBytes(StandardCharsets.UTF_8);
        return authentication -> {
            byte[] user = String.valueOf(authentication.getName()).getBytes(StandardCharsets.UTF_8);
            byte[] given = String.valueOf(authentication.getCredentials()).getBytes(StandardCharsets.UTF_8);
            boolean userMatches = MessageDigest.isEqual(user, expectedUser);
            boolean passwordMatches = MessageDigest.isEqual(given, expectedPassword);
            if (expectedPassword.length == 0 || !userMatches || !passwordMatches) {
                throw new BadCredentialsException("Bad metrics credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
                    List.of(new SimpleGrantedAuthority(OPERATOR)));
        };
    }
}
