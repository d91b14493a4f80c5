package kr.salonmate.api.oauth;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The wire side of Google and Kakao sign-in, on Spring Security's OAuth 2.0 client: the authorization request (with
 * PKCE S256 and, for Google, an OpenID nonce), the code-for-token exchange at the token endpoint, and who signed in —
 * for Google the ID token, checked against Google's JWKS (RS256 signature, {@code iss}, {@code aud}, {@code exp},
 * {@code nonce}); for Kakao {@code GET /v2/user/me} with the access token.
 */
@Component
class ProviderClients {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final OAuthProperties properties;
    private final org.springframework.core.env.Environment environment;
    private final RestClientAuthorizationCodeTokenResponseClient tokenClient;
    private final RestClient kakaoApi;
    /** One decoder per JWKS URL: it caches the provider's keys and fetches them again when a new key id shows up. */
    private final Map<String, NimbusJwtDecoder> idTokenDecoders = new ConcurrentHashMap<>();

    ProviderClients(OAuthProperties properties, org.springframework.core.env.Environment environment) {
        this.properties = properties;
        this.environment = environment;
        JdkClientHttpRequestFactory requests = requestFactory();
        this.tokenClient = new RestClientAuthorizationCodeTokenResponseClient();
        this.tokenClient.setRestClient(RestClient.builder()
                .requestFactory(requests)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        this.kakaoApi = RestClient.builder().requestFactory(requests).build();
    }

    private static JdkClientHttpRequestFactory requestFactory() {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
        factory.setReadTimeout(TIMEOUT);
        return factory;
    }

    /** {@code salonmate.public-base-url}, read when used (it may name the port the server got at start). */
    String publicBaseUrl() {
        return environment.getProperty("salonmate.public-base-url", "http://localhost:8080").replaceAll("/+$", "");
    }

    String redirectUri(OAuthProvider provider) {
        return publicBaseUrl() + "/v1/auth/oauth/" + provider.path() + "/callback";
    }

    ClientRegistration registration(OAuthProvider provider) {
        ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(provider.path())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .redirectUri(redirectUri(provider));
        if (provider == OAuthProvider.GOOGLE) {
            OAuthProperties.Google google = properties.google();
            return builder.clientId(google.clientId()).clientSecret(google.clientSecret())
                    .scope("openid", "email", "profile")
                    .authorizationUri(google.authorizeUrl()).tokenUri(google.tokenUrl())
                    .jwkSetUri(google.jwksUrl()).issuerUri(google.issuer())
                    .build();
        }
        OAuthProperties.Kakao kakao = properties.kakao();
        return builder.clientId(kakao.clientId()).clientSecret(kakao.clientSecret())
                .scope("account_email", "profile_nickname")
                .authorizationUri(kakao.authorizeUrl()).tokenUri(kakao.tokenUrl())
                .userInfoUri(kakao.apiBaseUrl().replaceAll("/+$", "") + "/v2/user/me")
                .build();
    }

    /** The provider's authorization request for this sign-in attempt. */
    OAuth2AuthorizationRequest authorizationRequest(OAuthProvider provider, String state, String codeVerifier,
                                                    String nonce) {
        ClientRegistration registration = registration(provider);
        Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        parameters.put(PkceParameterNames.CODE_CHALLENGE, Pkce.challenge(codeVerifier));
        parameters.put(PkceParameterNames.CODE_CHALLENGE_METHOD, "S256");
        if (provider == OAuthProvider.GOOGLE) {
            parameters.put(OidcParameterNames.NONCE, nonce);
        }
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(registration.getRedirectUri())
                .scopes(registration.getScopes())
                .state(state)
                .additionalParameters(parameters)
                .attributes(Map.of(PkceParameterNames.CODE_VERIFIER, codeVerifier))
                .build();
    }

    /** Trades the authorization code for the provider's tokens and finds out who signed in. */
    ProviderIdentity identify(OAuthProvider provider, String code, String state, String codeVerifier, String nonce) {
        ClientRegistration registration = registration(provider);
        OAuth2AuthorizationRequest request = authorizationRequest(provider, state, codeVerifier, nonce);
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
                .redirectUri(registration.getRedirectUri()).state(state).build();
        OAuth2AccessTokenResponse tokens;
        try {
            tokens = tokenClient.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration,
                    new OAuth2AuthorizationExchange(request, response)));
        } catch (OAuth2AuthorizationException | RestClientException e) {
            throw new SignInRefused("PROVIDER_ERROR", provider + " did not accept the authorization code: " + e.getMessage());
        }
        return provider == OAuthProvider.GOOGLE ? google(registration, tokens, nonce) : kakao(tokens);
    }

    private ProviderIdentity google(ClientRegistration registration, OAuth2AccessTokenResponse tokens, String nonce) {
        Object idToken = tokens.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN);
        if (!(idToken instanceof String value) || value.isBlank()) {
            throw new SignInRefused("PROVIDER_ERROR", "Google's token response carries no ID token");
        }
        Jwt jwt;
        try {
            jwt = idTokenDecoder(registration).decode(value);
        } catch (JwtException e) {
            throw new SignInRefused("PROVIDER_ERROR", "Google's ID token does not check out: " + e.getMessage());
        }
        if (!nonce.equals(jwt.getClaimAsString(OidcParameterNames.NONCE))) {
            throw new SignInRefused("PROVIDER_ERROR", "Google's ID token is for another sign-in (nonce)");
        }
        Object verified = jwt.getClaims().get("email_verified");
        String locale = jwt.getClaimAsString("locale");
        return new ProviderIdentity(OAuthProvider.GOOGLE, jwt.getSubject(), jwt.getClaimAsString("email"),
                Boolean.TRUE.equals(verified) || "true".equals(verified), jwt.getClaimAsString("name"),
                locale != null && locale.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "ko");
    }

    private NimbusJwtDecoder idTokenDecoder(ClientRegistration registration) {
        return idTokenDecoders.computeIfAbsent(registration.getProviderDetails().getJwkSetUri() + " "
                + registration.getClientId() + " " + registration.getProviderDetails().getIssuerUri(), key -> {
            RestTemplate jwks = new RestTemplate(requestFactory());
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).restOperations(jwks).build();
            // OidcIdTokenValidator: iss is the configured issuer, aud holds our client id (azp when there are
            // several), exp and iat present and exp not passed
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                    new OidcIdTokenValidator(registration)));
            return decoder;
        });
    }

    private ProviderIdentity kakao(OAuth2AccessTokenResponse tokens) {
        JsonNode me;
        try {
            me = kakaoApi.get().uri(registration(OAuthProvider.KAKAO).getProviderDetails().getUserInfoEndpoint().getUri())
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.getAccessToken().getTokenValue())
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve().body(JsonNode.class);
        } catch (RestClientException e) {
            throw new SignInRefused("PROVIDER_ERROR", "Kakao's user API failed: " + e.getMessage());
        }
        if (me == null || !me.path("id").isNumber() && !me.path("id").isString()) {
            throw new SignInRefused("PROVIDER_ERROR", "Kakao's user API answered without an id");
        }
        JsonNode account = me.path("kakao_account");
        String email = account.path("email").isString() ? account.path("email").asText() : null;
        // Kakao vouches for an address only when it is both valid (still the person's) and verified
        boolean verified = account.path("is_email_valid").asBoolean(false) && account.path("is_email_verified").asBoolean(false);
        String nickname = account.path("profile").path("nickname").isString()
                ? account.path("profile").path("nickname").asText() : me.path("properties").path("nickname").asText(null);
        return new ProviderIdentity(OAuthProvider.KAKAO, me.path("id").asText(), email, verified, nickname, "ko");
    }

}
