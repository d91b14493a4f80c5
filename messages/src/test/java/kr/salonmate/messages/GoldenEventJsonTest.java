package kr.salonmate.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.salonmate.messages.billing.*;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.post.*;
import kr.salonmate.messages.review.*;
import kr.salonmate.messages.shop.*;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Stored events are the system's history: their JSON must not change by accident. Every event type has a
 * golden file under {@code src/test/resources/golden}; serializing the sample must give exactly that JSON, and
 * reading the file must give the sample back. A renamed or retyped field fails here; change the event with a
 * new {@code @Revision} and an upcaster instead. Run with {@code -Dgolden.write=true} to create a missing file.
 */
class GoldenEventJsonTest {

    private static final ShopId SHOP = ShopId.of("7f1d2c3b-4a5e-4f60-8a9b-0c1d2e3f4a5b");
    private static final ReviewId REVIEW = ReviewId.derive(SHOP, ReviewSource.GOOGLE, "AbFvOqn-google-review-1");
    private static final ReviewId NAVER_REVIEW = ReviewId.derive(SHOP, ReviewSource.NAVER, "naver-20261127-0001");
    private static final UUID REQUEST = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID APPROVAL = UUID.fromString("99999999-8888-4777-8666-555555555555");
    private static final Actor OWNER = Actor.user(UUID.fromString("0a0b0c0d-0e0f-4a1b-8c2d-3e4f5a6b7c8d"), "김사장");
    private static final Instant AT = Instant.parse("2026-11-27T03:15:00Z");
    private static final Instant CREATED = Instant.parse("2026-11-26T22:05:41.123Z");
    private static final PostId POST = PostId.of("3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a");
    private static final UUID PUBLICATION = UUID.fromString("44444444-5555-4666-8777-888888888888");
    private static final List<UUID> PHOTOS = List.of(UUID.fromString("a1a1a1a1-b2b2-4c3c-8d4d-e5e5e5e5e5e5"),
            UUID.fromString("f6f6f6f6-0707-4808-9909-1a1a1a1a1a1a"));
    private static final UUID MEMBER = UUID.fromString("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9");
    private static final UUID INVITATION = UUID.fromString("6a7b8c9d-0e1f-4a2b-b3c4-d5e6f7a8b9c0");
    private static final Instant PERIOD_START = Instant.parse("2026-10-31T15:00:00Z");
    private static final Instant PERIOD_END = Instant.parse("2026-11-30T15:00:00Z");
    private static final String ORDER = "sm-7f1d2c3b4a5e4f608a9b0c1d2e3f4a5b-1795748100";
    private static final ReplySettings SETTINGS = new ReplySettings(ReplyTone.FRIENDLY, "AUTO", "- 살롱 루미 드림",
            true, 5, false);

    /** One representative instance of every event type. */
    static final List<Object> SAMPLES = List.of(
            new ShopRegistered(SHOP, "살롱 루미", "Asia/Seoul", "ko", OWNER, ReplySettings.defaults(), AT),
            new ReplySettingsChanged(SHOP, SETTINGS, OWNER, AT),
            new GoogleLocationConnected(SHOP, "1234567890", "9876543210", "cred-3f2a", OWNER, AT),
            new ReviewsSynced(SHOP, 42, AT),
            new ReviewReceived(REVIEW, SHOP, ReviewSource.GOOGLE, "AbFvOqn-google-review-1", "이지은", 5,
                    "머리가 너무 예쁘게 나왔어요! \"최고\" <b>강추</b>", "ko", CREATED, CREATED, AT),
            new ReviewEditedAtSource(REVIEW, SHOP, 4, "생각해보니 조금 비쌌어요", "ko", 5, "최고예요", CREATED, AT),
            new ReviewPersonalDataErased(REVIEW, SHOP, 4, OWNER, AT),
            new kr.salonmate.messages.privacy.UserErased(MEMBER, List.of(SHOP), AT),
            new ReplyFoundAtSource(REVIEW, SHOP, "감사합니다 (구글에서 직접 작성)", CREATED, AT),
            new ReplyDraftRequested(REVIEW, SHOP, REQUEST, "더 짧게", OWNER, "이지은", 5, "최고예요", "ko", AT),
            new AutoPublishHeld(REVIEW, SHOP, REQUEST, AutoPublishHold.CONTAINS_LINK, AT),
            new ReplyDrafted(REVIEW, SHOP, REQUEST, "이지은 고객님, 감사합니다!", "gpt-4o", "reply-v1",
                    new TokenUsage(412, 61), 5, AT,
                    java.util.List.of(new ReviewId(java.util.UUID.fromString("9a2c8f3e-1b4d-3e5f-8a6b-7c8d9e0f1a2b")))),
            new ReplyDraftFailed(REVIEW, SHOP, REQUEST, "The model did not answer within 30 s", 3, AT),
            new ReplyEdited(REVIEW, SHOP, "고객님 감사합니다 :)", "이지은 고객님, 감사합니다!", OWNER, AT),
            new ReplyApproved(REVIEW, SHOP, APPROVAL, ReviewSource.GOOGLE, "AbFvOqn-google-review-1",
                    "고객님 감사합니다 :)", OWNER, AT),
            new ReplyRejected(REVIEW, SHOP, "Too formal", OWNER, AT),
            new ReplyPublished(REVIEW, SHOP, APPROVAL, ReviewSource.GOOGLE, "AbFvOqn-google-review-1",
                    "고객님 감사합니다 :)", AT),
            new ReplyPostedManually(NAVER_REVIEW, SHOP, APPROVAL, ReviewSource.NAVER, "naver-20261127-0001",
                    "고객님 감사합니다 :)", OWNER, AT),
            new ReplyPublishFailed(REVIEW, SHOP, APPROVAL, "GOOGLE_UNAVAILABLE", "Google did not answer", 6, AT),
            new ReplyPublishRetried(REVIEW, SHOP, APPROVAL, ReviewSource.GOOGLE, "AbFvOqn-google-review-1",
                    "고객님 감사합니다 :)", OWNER, AT),
            new InstagramAccountConnected(SHOP, "17841400000000001", "cred-9a7b", OWNER, AT),
            new PostCreated(POST, SHOP, PHOTOS, "겨울 시즌 레이어드 컷 <b>신규</b>", REQUEST, OWNER, AT),
            new CaptionDraftRequested(POST, SHOP, REQUEST, "더 짧게", 2, OWNER, AT),
            new CaptionDrafted(POST, SHOP, REQUEST, "겨울엔 가볍게 ✂️ 레이어드 컷으로 분위기 전환!",
                    List.of("레이어드컷", "헤어살롱", "hairstyle"), "gpt-4o", "caption-v1", new TokenUsage(380, 92), AT),
            new CaptionDraftFailed(POST, SHOP, REQUEST, "The model did not answer within 30 s", 3, AT),
            new CaptionEdited(POST, SHOP, "이번 주 예약 오픈!", List.of("살롱루미"), "겨울엔 가볍게", OWNER, AT),
            new PostScheduled(POST, SHOP, PUBLICATION, Instant.parse("2026-12-01T01:00:00Z"), OWNER, AT),
            new PostPublishingStarted(POST, SHOP, PUBLICATION, PHOTOS, "이번 주 예약 오픈!", List.of("살롱루미"),
                    OWNER, AT),
            new InstagramContainerCreated(POST, SHOP, PUBLICATION, "17889455560051444", AT),
            new PostPublished(POST, SHOP, PUBLICATION, "17895695668004550",
                    "https://www.instagram.com/p/C1a2b3c4d5e/", AT),
            new PostPublishFailed(POST, SHOP, PUBLICATION, "INSTAGRAM_TOKEN_EXPIRED",
                    "Instagram no longer accepts the access token", 1, AT),
            new PostCancelled(POST, SHOP, OWNER, AT),
            new MemberAdded(SHOP, MEMBER, MemberRole.MANAGER, OWNER, AT),
            new MemberRoleChanged(SHOP, MEMBER, MemberRole.STAFF, MemberRole.MANAGER, OWNER, AT),
            new MemberRemoved(SHOP, MEMBER, MemberRole.STAFF, OWNER, AT),
            new MemberInvited(SHOP, INVITATION, "designer@example.com", MemberRole.STAFF, OWNER,
                    Instant.parse("2026-12-04T03:15:00Z"), AT),
            new InvitationAccepted(SHOP, INVITATION, MEMBER, MemberRole.STAFF,
                    Actor.user(MEMBER, "박디자이너"), AT),
            new InvitationRevoked(SHOP, INVITATION, OWNER, AT),
            new AiGenerationUsed(SHOP, "REPLY", REQUEST, true, "Asia/Seoul", PERIOD_START, PERIOD_END, 30, 30, AT),
            new AiGenerationReturned(SHOP, REQUEST, PERIOD_START, 29, 30, AT),
            new AiQuotaExhausted(SHOP, PERIOD_END, 30, AT),
            new AutoDraftPaused(SHOP, REVIEW, CREATED, AT),
            new AiQuotaRestored(SHOP, List.of(REVIEW), 1000, AT),
            new ChargeRequested(SHOP, ORDER, 29_000, AT, PERIOD_END, 1, false, "c_3f2a9b", "cred-7c1d", "현대",
                    "5678", AT),
            new PaymentSucceeded(SHOP, ORDER, "tviva20261127031500abcd", 29_000, AT, AT),
            new PaymentFailed(SHOP, ORDER, 29_000, "REJECT_CARD_COMPANY", "카드사에서 거절한 결제입니다.", 2, true, AT),
            new SubscriptionStarted(SHOP, Plan.PRO, "c_3f2a9b", "cred-7c1d", "현대", "5678", 29_000, AT, PERIOD_END,
                    1000, AT),
            new SubscriptionRenewed(SHOP, ORDER, AT, PERIOD_END, 1000, AT),
            new SubscriptionPastDue(SHOP, ORDER, Instant.parse("2026-11-28T03:15:00Z"), AT),
            new SubscriptionCancelled(SHOP, PERIOD_END, OWNER, AT),
            new SubscriptionEnded(SHOP, "PAYMENT_FAILED", AT));

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            // configured as the application configures Axon's serializer (AxonInfrastructure.defaultAxonObjectMapper)
            .objectMapper(new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
            .build();
    private final ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TestFactory
    Stream<DynamicTest> everyEventSerializesExactlyAsItsGoldenFile() {
        return SAMPLES.stream().map(sample -> DynamicTest.dynamicTest(sample.getClass().getSimpleName(), () -> {
            SerializedObject<byte[]> serialized = serializer.serialize(sample, byte[].class);
            String json = pretty.writeValueAsString(pretty.readTree(serialized.getData())) + "\n";
            Path golden = goldenDirectory().resolve(sample.getClass().getSimpleName() + ".json");
            if (!Files.exists(golden) && Boolean.getBoolean("golden.write")) {
                Files.writeString(golden, json, StandardCharsets.UTF_8);
            }
            assertThat(golden).as("golden file for " + sample.getClass().getSimpleName()
                    + " (create it with -Dgolden.write=true after checking the JSON)").exists();
            assertThat(json).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));

            String revision = sample.getClass().getAnnotation(Revision.class).value();
            Object read = serializer.deserialize(new SimpleSerializedObject<>(Files.readAllBytes(golden), byte[].class,
                    sample.getClass().getName(), revision));
            assertThat(read).isEqualTo(sample);
        }));
    }

    /** Revision 2 added {@code examples}; a stored revision-1 draft reads as a draft without examples. */
    @Test
    void aReplyDraftedOfRevisionOneReadsWithoutExamples() {
        String stored = """
                {"reviewId":"366b51d0-2ec5-3d5b-9aef-9f8615138f3d","shopId":"7f1d2c3b-4a5e-4f60-8a9b-0c1d2e3f4a5b",
                 "draftRequestId":"11111111-2222-4333-8444-555555555555","text":"이지은 고객님, 감사합니다!",
                 "model":"gpt-4o","promptVersion":"reply-v1","tokenUsage":{"promptTokens":412,"completionTokens":61},
                 "rating":5,"at":"2026-11-27T03:15:00Z"}""";
        Object read = serializer.deserialize(new SimpleSerializedObject<>(stored.getBytes(StandardCharsets.UTF_8),
                byte[].class, ReplyDrafted.class.getName(), "1"));
        assertThat(read).isEqualTo(new ReplyDrafted(REVIEW, SHOP, REQUEST, "이지은 고객님, 감사합니다!", "gpt-4o",
                "reply-v1", new TokenUsage(412, 61), 5, AT));
    }

    @Test
    void everyEventTypeHasASampleAndARevision() throws IOException, URISyntaxException {
        Path classes = Path.of(ShopRegistered.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TreeSet<String> revisioned;
        try (Stream<Path> files = Files.walk(classes)) {
            revisioned = files.map(classes::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .map(GoldenEventJsonTest::load)
                    .filter(type -> type.isAnnotationPresent(Revision.class))
                    .map(Class::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Map<String, Object> sampled = SAMPLES.stream()
                .collect(Collectors.toMap(s -> s.getClass().getName(), Function.identity()));
        assertThat(sampled.keySet()).containsExactlyInAnyOrderElementsOf(revisioned);
        SAMPLES.forEach(sample -> assertThat(sample.getClass().isAnnotationPresent(Revision.class))
                .as(sample.getClass().getSimpleName() + " has @Revision").isTrue());
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path goldenDirectory() {
        return Path.of("src/test/resources/golden");
    }
}
