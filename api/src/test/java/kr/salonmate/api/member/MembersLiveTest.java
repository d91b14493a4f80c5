package kr.salonmate.api.member;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.StompTestClient;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Live subscriptions over a real STOMP client: a removed member's subscription of the shop ends within 5 s with an
 * ERROR frame, while a member who stays keeps theirs; a connection whose access token has expired is closed.
 */
class MembersLiveTest extends IntegrationTest {

    private static final Duration REMOVAL_LIMIT = Duration.ofSeconds(5);

    @Autowired
    JwtEncoder encoder;

    private String ws() {
        return "ws://127.0.0.1:" + port + "/ws";
    }

    private static boolean awaitClosed(StompTestClient client, Duration limit) {
        try {
            eventually(() -> !client.isConnected() && client.errors().stream().anyMatch(e -> e.startsWith("ERROR")),
                    closed -> closed, "an ERROR frame and the socket closed", limit);
            return true;
        } catch (ConditionTimeoutException stillOpen) {
            return false;
        }
    }

    @Test
    void aRemovedMembersSubscriptionEndsWithinFiveSecondsWithAnErrorFrame() throws Exception {
        Owner owner = signUp("라이브 제거 살롱");
        Owner removed = signUp("제거될 라이브 살롱");
        Owner staying = signUp("남을 라이브 살롱");
        for (Owner member : new Owner[]{removed, staying}) {
            HttpApi.Response added = api.post(owner.shop("/members"), owner.token(),
                    Map.of("email", member.email(), "role", "STAFF"));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
        try (StompTestClient removedClient = StompTestClient.connect(ws(), removed.token());
             StompTestClient stayingClient = StompTestClient.connect(ws(), staying.token())) {
            removedClient.subscribe("/topic/shops/" + owner.shopId() + "/reviews");
            stayingClient.subscribe("/topic/shops/" + owner.shopId() + "/reviews");
            // the guard checks every second: watched over more than one pass, nobody is ended while a member
            await("both members' sockets open").during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3))
                    .until(() -> removedClient.isConnected() && stayingClient.isConnected());
            assertThat(removedClient.isConnected()).as("%s", removedClient.errors()).isTrue();

            HttpApi.Response removal = api.send("DELETE", owner.shop("/members/" + removed.userId()), owner.token(),
                    null, Map.of());
            assertThat(removal.status()).as(removal.body()).isEqualTo(204);
            Instant removedAt = Instant.now();

            assertThat(awaitClosed(removedClient, REMOVAL_LIMIT)).as("ERROR frame and close within 5 s; got %s",
                    removedClient.errors()).isTrue();
            assertThat(Duration.between(removedAt, Instant.now())).isLessThan(REMOVAL_LIMIT);
            assertThat(removedClient.errors()).anyMatch(e -> e.startsWith("ERROR FORBIDDEN"));
            assertThat(stayingClient.isConnected()).as("the member who stays: %s", stayingClient.errors()).isTrue();
            assertThat(stayingClient.errors()).isEmpty();
        }
    }

    @Test
    void aConnectionWhoseAccessTokenExpiredIsClosed() throws Exception {
        Owner owner = signUp("만료 토큰 살롱");
        Instant now = Instant.now();
        // expired 5 s ago: still inside the decoder's clock-skew allowance, so the CONNECT is accepted
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("salonmate").subject(owner.userId())
                .issuedAt(now.minusSeconds(900)).expiresAt(now.minusSeconds(5)).id(UUID.randomUUID().toString())
                .claim("email", owner.email()).claim("name", "김사장").claim("admin", false).build();
        String expired = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims)).getTokenValue();

        try (StompTestClient client = StompTestClient.connect(ws(), expired);
             StompTestClient fresh = StompTestClient.connect(ws(), owner.token())) {
            client.subscribe("/topic/shops/" + owner.shopId() + "/dashboard");
            fresh.subscribe("/topic/shops/" + owner.shopId() + "/dashboard");
            assertThat(awaitClosed(client, Duration.ofSeconds(5))).as("closed; got %s", client.errors()).isTrue();
            assertThat(client.errors()).anyMatch(e -> e.startsWith("ERROR UNAUTHENTICATED"));
            assertThat(fresh.isConnected()).as("%s", fresh.errors()).isTrue();
        }
    }
}
