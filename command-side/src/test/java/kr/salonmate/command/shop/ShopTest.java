package kr.salonmate.command.shop;

import static kr.salonmate.command.Violations.invalid;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ChangeReplySettings;
import kr.salonmate.messages.shop.ConnectGoogleLocation;
import kr.salonmate.messages.shop.ConnectInstagramAccount;
import kr.salonmate.messages.shop.InstagramAccountConnected;
import kr.salonmate.messages.shop.GoogleLocationConnected;
import kr.salonmate.messages.shop.RecordReviewSync;
import kr.salonmate.messages.shop.RegisterShop;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ReplySettingsChanged;
import kr.salonmate.messages.shop.ReplyTone;
import kr.salonmate.messages.shop.ReviewsSynced;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShopTest {

    static final Instant NOW = Instant.parse("2026-11-27T03:15:00Z");
    static final ShopId SHOP = ShopId.of("7d4f2c1e-0b9a-4f6e-9c33-1a2b3c4d5e6f");
    static final Actor OWNER = Actor.user(UUID.fromString("33333333-3333-3333-3333-333333333333"), "최원장");
    static final ReplySettings FRIENDLY = new ReplySettings(ReplyTone.FRIENDLY, "ko", "- 헤어살롱 미소 드림", true, 4,
            false);

    private FixtureConfiguration<Shop> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Shop.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static RegisterShop register(String name, String timezone, String locale) {
        return new RegisterShop(SHOP, name, timezone, locale, OWNER);
    }

    static ShopRegistered registered() {
        return new ShopRegistered(SHOP, "헤어살롱 미소", "Asia/Seoul", "ko", OWNER, ReplySettings.defaults(), NOW);
    }

    static ChangeReplySettings change(ReplySettings settings) {
        return new ChangeReplySettings(SHOP, settings, OWNER);
    }

    static ReplySettings withLanguage(String language) {
        return new ReplySettings(ReplyTone.POLITE, language, null, true, null, false);
    }

    static ReplySettings withSignature(String signature) {
        return new ReplySettings(ReplyTone.POLITE, "AUTO", signature, true, null, false);
    }

    static ReplySettings withAutoPublishFrom(Integer minRating) {
        return new ReplySettings(ReplyTone.POLITE, "AUTO", null, true, minRating, false);
    }

    // --- registering --------------------------------------------------------------------------------------

    @Test
    void aRegisteredShopStartsWithTheDefaultReplySettings() {
        fixture.givenNoPriorActivity()
               .when(register("헤어살롱 미소", "Asia/Seoul", "ko"))
               .expectEvents(registered());
    }

    @Test
    void aShopNameIsKeptWithoutSurroundingSpaces() {
        fixture.givenNoPriorActivity()
               .when(register("  헤어살롱 미소 ", "Asia/Seoul", "ko"))
               .expectEvents(registered());
    }

    @Test
    void aShopNeedsAName() {
        fixture.givenNoPriorActivity()
               .when(register("   ", "Asia/Seoul", "ko"))
               .expectException(invalid("name"))
               .expectNoEvents();
    }

    @Test
    void aShopNameHasAtMost100Characters() {
        fixture.givenNoPriorActivity()
               .when(register("가".repeat(101), "Asia/Seoul", "ko"))
               .expectException(invalid("name"));
    }

    @Test
    void aShopNameOfExactly100CharactersIsFine() {
        String name = "가".repeat(100);
        fixture.givenNoPriorActivity()
               .when(register(name, "Europe/Berlin", "en"))
               .expectEvents(new ShopRegistered(SHOP, name, "Europe/Berlin", "en", OWNER, ReplySettings.defaults(), NOW));
    }

    @Test
    void theTimeZoneMustBeAnIanaZoneId() {
        fixture.givenNoPriorActivity()
               .when(register("헤어살롱 미소", "Mars/Olympus_Mons", "ko"))
               .expectException(invalid("timezone"))
               .expectNoEvents();
    }

    @Test
    void anOffsetIsNotATimeZone() {
        fixture.givenNoPriorActivity()
               .when(register("헤어살롱 미소", "+09:00", "ko"))
               .expectException(invalid("timezone"));
    }

    @Test
    void theLocaleIsKoreanOrEnglish() {
        fixture.givenNoPriorActivity()
               .when(register("헤어살롱 미소", "Asia/Seoul", "ja"))
               .expectException(invalid("locale"))
               .expectNoEvents();
    }

    @Test
    void aShopNeedsALocale() {
        fixture.givenNoPriorActivity()
               .when(register("헤어살롱 미소", "Asia/Seoul", null))
               .expectException(invalid("locale"));
    }

    // --- reply settings -----------------------------------------------------------------------------------

    @Test
    void changedReplySettingsAreRecorded() {
        fixture.given(registered())
               .when(change(FRIENDLY))
               .expectEvents(new ReplySettingsChanged(SHOP, FRIENDLY, OWNER, NOW));
    }

    @Test
    void unchangedReplySettingsChangeNothing() {
        fixture.given(registered(), new ReplySettingsChanged(SHOP, FRIENDLY, OWNER, NOW))
               .when(change(FRIENDLY))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void theDefaultsAgainOnANewShopChangeNothing() {
        fixture.given(registered())
               .when(change(ReplySettings.defaults()))
               .expectNoEvents();
    }

    @Test
    void replySettingsNeedATone() {
        fixture.given(registered())
               .when(change(new ReplySettings(null, "AUTO", null, true, null, false)))
               .expectException(invalid("tone"))
               .expectNoEvents();
    }

    @Test
    void theReplyLanguageIsAutoKoreanOrEnglish() {
        fixture.given(registered())
               .when(change(withLanguage("fr")))
               .expectException(invalid("language"));
    }

    @Test
    void theReplyLanguageMayBeEnglish() {
        fixture.given(registered())
               .when(change(withLanguage("en")))
               .expectEvents(new ReplySettingsChanged(SHOP, withLanguage("en"), OWNER, NOW));
    }

    @Test
    void aSignatureHasAtMost200Characters() {
        fixture.given(registered())
               .when(change(withSignature("가".repeat(201))))
               .expectException(invalid("signature"));
    }

    @Test
    void autoPublishingCannotStartBelowOneStar() {
        fixture.given(registered())
               .when(change(withAutoPublishFrom(0)))
               .expectException(invalid("autoPublishMinRating"));
    }

    @Test
    void autoPublishingCannotStartAboveFiveStars() {
        fixture.given(registered())
               .when(change(withAutoPublishFrom(6)))
               .expectException(invalid("autoPublishMinRating"));
    }

    @Test
    void autoPublishingCanBeLimitedToFiveStarReviews() {
        fixture.given(registered())
               .when(change(withAutoPublishFrom(5)))
               .expectEvents(new ReplySettingsChanged(SHOP, withAutoPublishFrom(5), OWNER, NOW));
    }

    @Test
    void autoPublishingCanBeSwitchedOff() {
        fixture.given(registered(), new ReplySettingsChanged(SHOP, withAutoPublishFrom(4), OWNER, NOW))
               .when(change(withAutoPublishFrom(null)))
               .expectEvents(new ReplySettingsChanged(SHOP, withAutoPublishFrom(null), OWNER, NOW));
    }

    // --- Google -------------------------------------------------------------------------------------------

    @Test
    void aGoogleLocationIsConnectedByReferenceToItsStoredCredential() {
        fixture.given(registered())
               .when(new ConnectGoogleLocation(SHOP, "1234567890", "987654321", "cred-42", OWNER))
               .expectEvents(new GoogleLocationConnected(SHOP, "1234567890", "987654321", "cred-42", OWNER, NOW));
    }

    @Test
    void aGoogleConnectionNeedsAnAccount() {
        fixture.given(registered())
               .when(new ConnectGoogleLocation(SHOP, " ", "987654321", "cred-42", OWNER))
               .expectException(invalid("accountId"));
    }

    @Test
    void aGoogleConnectionNeedsALocation() {
        fixture.given(registered())
               .when(new ConnectGoogleLocation(SHOP, "1234567890", null, "cred-42", OWNER))
               .expectException(invalid("locationId"));
    }

    @Test
    void aGoogleConnectionNeedsAStoredCredential() {
        fixture.given(registered())
               .when(new ConnectGoogleLocation(SHOP, "1234567890", "987654321", "", OWNER))
               .expectException(invalid("credentialRef"))
               .expectNoEvents();
    }

    // --- Instagram ----------------------------------------------------------------------------------------

    @Test
    void anInstagramAccountIsConnectedByReferenceToItsStoredToken() {
        fixture.given(registered())
               .when(new ConnectInstagramAccount(SHOP, "17841400000000001", "cred-7", OWNER))
               .expectEvents(new InstagramAccountConnected(SHOP, "17841400000000001", "cred-7", OWNER, NOW));
    }

    @Test
    void anInstagramConnectionNeedsTheNumericUserId() {
        fixture.given(registered())
               .when(new ConnectInstagramAccount(SHOP, "@salon.lumi", "cred-7", OWNER))
               .expectException(invalid("igUserId"))
               .expectNoEvents();
    }

    @Test
    void anInstagramConnectionNeedsAStoredCredential() {
        fixture.given(registered())
               .when(new ConnectInstagramAccount(SHOP, "17841400000000001", " ", OWNER))
               .expectException(invalid("credentialRef"))
               .expectNoEvents();
    }

    // --- sync runs ----------------------------------------------------------------------------------------

    @Test
    void everySyncRunIsRecorded() {
        fixture.given(registered(), new ReviewsSynced(SHOP, 12, NOW.minusSeconds(600)))
               .when(new RecordReviewSync(SHOP, 13))
               .expectEvents(new ReviewsSynced(SHOP, 13, NOW));
    }

    @Test
    void aSyncRunCannotHaveSeenANegativeNumberOfReviews() {
        fixture.given(registered())
               .when(new RecordReviewSync(SHOP, -1))
               .expectException(invalid("reviewsSeen"));
    }
}
