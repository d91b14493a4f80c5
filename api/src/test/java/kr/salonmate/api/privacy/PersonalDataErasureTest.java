package kr.salonmate.api.privacy;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.ShopFixtures;
import kr.salonmate.messages.review.ReplyEdited;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * API.md "Privacy": a reviewer's name and text, and a user's name, are stored encrypted with a key of their own, and
 * erasing destroys that key: the event store, the inbox and its search, the history, the audit JSON and CSV and the
 * analytics keywords no longer show them, a replay of the projections does not bring them back, and the rest of the
 * history (rating, status, the shop's reply) stays.
 */
class PersonalDataErasureTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    private CommandGateway commands;
    @Autowired
    private AccountStore accounts;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private SubjectKeys keys;
    @Autowired
    private PlainTextReEncryption reEncryption;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("defaultAxonObjectMapper")
    private com.fasterxml.jackson.databind.ObjectMapper axonMapper;

    @Test
    void anOwnerErasesAReviewersNameAndTextEverywhereAndAReplayDoesNotBringThemBack() {
        Owner owner = signUp("개인정보 살롱");
        String author = "홍길동" + UUID.randomUUID().toString().substring(0, 6);
        String word = "보라색염색" + UUID.randomUUID().toString().substring(0, 4);
        String comment = word + " 정말 최고예요 친절한 디자이너";
        Instant written = Instant.now().minus(1, ChronoUnit.DAYS);
        ShopId shop = ShopId.of(owner.shopId());
        String externalId = "privacy-" + UUID.randomUUID();
        ReviewId review = ReviewId.derive(shop, ReviewSource.GOOGLE, externalId);
        commands.sendAndWait(new SyncReview(review, shop, ReviewSource.GOOGLE, externalId, author, 5, comment,
                "ko", written, written, null));
        String path = owner.shop("/reviews/" + review);

        // stored sealed from the start: the event store row does not hold the plain text
        assertThat(rawPayloads(review.toString())).noneMatch(p -> p.contains(author) || p.contains(word))
                .anyMatch(p -> p.contains("pd1:reviewer:" + review));
        JsonNode shown = eventually(() -> api.get(path, owner.token()), r -> r.status() == 200, "the review").json();
        assertThat(shown.path("author").asText()).isEqualTo(author);
        assertThat(shown.path("comment").asText()).isEqualTo(comment);
        assertThat(search(owner, word)).isEqualTo(1);
        HttpApi.Response edited = api.put(path + "/reply", owner.token(), Map.of("text", "감사합니다! 또 오세요"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        eventually(() -> keywords(owner), terms -> !terms.isEmpty(), "keywords of the review");

        HttpApi.Response erased = api.send("DELETE", path + "/personal-data", owner.token(), null, Map.of());
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);

        assertErased(owner, path, review, author, word);
        assertThat(api.send("DELETE", path + "/personal-data", owner.token(), null, Map.of()).status())
                .as("erasing again changes nothing").isEqualTo(204);
        assertThat(history(owner, path)).filteredOn(e -> e.path("action").asText().equals("ERASED")).hasSize(1);

        // the event store: the key is gone, so the sealed value reads as erased, also without any cache
        assertThat(jdbc.queryForObject("SELECT wrapped_key IS NULL FROM personal_data_key WHERE subject = ?",
                Boolean.class, "reviewer:" + review)).isTrue();
        keys.forgetCache();
        ReviewReceived received = (ReviewReceived) eventStore.readEvents(review.toString()).asStream()
                .map(m -> m.getPayload()).filter(ReviewReceived.class::isInstance).findFirst().orElseThrow();
        assertThat(received.author()).isEqualTo("(erased)");
        assertThat(received.comment()).isEmpty();
        assertThat(received.rating()).isEqualTo(5);
        assertThat(rawPayloads(review.toString())).noneMatch(p -> p.contains(author) || p.contains(word));

        // the same again after every projection that holds review text is rebuilt from the first event
        String admin = operatorToken();
        for (String projection : List.of("review-inbox", "reply-audit", "analytics")) {
            HttpApi.Response replay = api.post("/v1/admin/projections/" + projection + "/replay", admin, null);
            assertThat(replay.status()).as(replay.body()).isEqualTo(202);
            eventually(() -> api.get("/v1/admin/projections/" + projection, admin).json(),
                    p -> p.path("replay").path("state").asText().equals("DONE") && !p.path("replaying").asBoolean()
                            && p.path("lag").asLong() == 0, projection + " replayed");
        }
        assertErased(owner, path, review, author, word);
    }

    private void assertErased(Owner owner, String path, ReviewId review, String author, String word) {
        JsonNode after = eventually(() -> api.get(path, owner.token()).json(),
                r -> r.path("author").asText().equals("(erased)"), "the erased review in the inbox");
        assertThat(after.path("comment").asText()).isEmpty();
        assertThat(after.path("rating").asInt()).isEqualTo(5);
        assertThat(after.path("reply").path("text").asText()).as("the shop's reply stays").isEqualTo("감사합니다! 또 오세요");
        assertThat(search(owner, word)).isZero();
        assertThat(search(owner, author)).isZero();

        List<JsonNode> history = eventually(() -> history(owner, path),
                h -> h.stream().anyMatch(e -> e.path("action").asText().equals("ERASED")), "the ERASED entry");
        assertThat(history).extracting(e -> e.path("action").asText()).startsWith("SYNCED").contains("EDITED")
                .endsWith("ERASED");
        JsonNode erasedEntry = history.get(history.size() - 1);
        assertThat(erasedEntry.path("actor").path("userId").asText()).isEqualTo(owner.userId());
        assertThat(history.get(0).path("text").asText()).isEmpty();
        assertThat(history).anyMatch(e -> e.path("text").asText().equals("감사합니다! 또 오세요"));

        String auditJson = api.get(owner.shop("/audit?size=100"), owner.token()).body();
        assertThat(auditJson).doesNotContain(author).doesNotContain(word).contains("ERASED");
        HttpApi.Response csv = api.get(owner.shop("/audit?format=csv"), owner.token());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).doesNotContain(author).doesNotContain(word).contains("ERASED")
                .contains("감사합니다! 또 오세요");
        List<String> terms = eventually(() -> keywords(owner), List::isEmpty, "no keywords of the erased text");
        assertThat(terms).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM analytics_review WHERE review_id = ?::uuid AND rating = 5",
                Integer.class, review.toString())).as("the review still counts").isEqualTo(1);
    }

    @Test
    void onlyTheShopsOwnerMayEraseAndBadRequestsChangeNothing() {
        Owner owner = signUp("권한 살롱");
        Owner manager = signUp("매니저의 살롱");
        Owner stranger = signUp("남의 살롱");
        new ShopFixtures(accounts, commands).join(owner, manager, Role.MANAGER);
        ReviewId review = new ShopFixtures(accounts, commands).sync(owner, "who-" + UUID.randomUUID(), 4,
                "머리가 예뻐요", Instant.now());
        String path = owner.shop("/reviews/" + review);
        eventually(() -> api.get(path, owner.token()).status(), s -> s == 200, "the review");

        HttpApi.Response byManager = api.send("DELETE", path + "/personal-data", manager.token(), null, Map.of());
        assertThat(byManager.status()).isEqualTo(403);
        assertThat(byManager.errorCode()).isEqualTo("FORBIDDEN");
        HttpApi.Response byStranger = api.send("DELETE", path + "/personal-data", stranger.token(), null, Map.of());
        assertThat(byStranger.status()).isEqualTo(403);
        HttpApi.Response unknown = api.send("DELETE", owner.shop("/reviews/" + UUID.randomUUID() + "/personal-data"),
                owner.token(), null, Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("REVIEW_NOT_FOUND");
        HttpApi.Response otherShops = api.send("DELETE", stranger.shop("/reviews/" + review + "/personal-data"),
                stranger.token(), null, Map.of());
        assertThat(otherShops.status()).as("another shop's review is not found in one's own shop").isEqualTo(404);
        HttpApi.Response notAnId = api.send("DELETE", owner.shop("/reviews/not-a-uuid/personal-data"), owner.token(),
                null, Map.of());
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(api.send("DELETE", path + "/personal-data", null, null, Map.of()).status()).isEqualTo(401);

        assertThat(api.get(path, owner.token()).json().path("comment").asText()).isEqualTo("머리가 예뻐요");
        assertThat(history(owner, path)).noneMatch(e -> e.path("action").asText().equals("ERASED"));
    }

    @Test
    void aUserWhoDeletesThemselvesLosesAccessAndTheirNameLeavesTheHistoryWhileTheEntriesStay() {
        Owner owner = signUp("탈퇴 살롱");
        String name = "박매니저" + UUID.randomUUID().toString().substring(0, 6);
        Owner manager = signUpNamed(name);
        HttpApi.Response added = api.post(owner.shop("/members"), owner.token(),
                Map.of("email", manager.email(), "role", "MANAGER"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        ReviewId review = new ShopFixtures(accounts, commands).sync(owner, "leave-" + UUID.randomUUID(), 5,
                "친절해요", Instant.now());
        String path = owner.shop("/reviews/" + review);
        eventually(() -> api.get(path, manager.token()).status(), s -> s == 200, "the review");
        assertThat(api.put(path + "/reply", manager.token(), Map.of("text", "고맙습니다")).status()).isEqualTo(200);
        eventually(() -> history(owner, path), h -> h.stream().anyMatch(e -> e.path("actor").path("name").asText()
                .equals(name)), "the manager's edit in the history");
        assertThat(rawPayloads(review.toString())).noneMatch(p -> p.contains(name));

        HttpApi.Response noPassword = api.send("DELETE", "/v1/me", manager.token(), null, Map.of());
        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(noPassword.errorCode()).isEqualTo("VALIDATION_FAILED");
        HttpApi.Response wrongPassword = api.send("DELETE", "/v1/me", manager.token(), Map.of("password", "wrong one!"),
                Map.of());
        assertThat(wrongPassword.status()).isEqualTo(401);
        HttpApi.Response unknownField = api.send("DELETE", "/v1/me", manager.token(),
                Map.of("password", PASSWORD, "force", true), Map.of());
        assertThat(unknownField.status()).isEqualTo(400);
        HttpApi.Response malformed = api.sendBytes("DELETE", "/v1/me", manager.token(),
                "{\"password\": ".getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("MALFORMED_REQUEST");
        HttpApi.Response wrongType = api.sendBytes("DELETE", "/v1/me", manager.token(),
                PASSWORD.getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(wrongType.status()).as(wrongType.body()).isEqualTo(415);
        HttpApi.Response huge = api.send("DELETE", "/v1/me", manager.token(), Map.of("password", "x".repeat(10_000)),
                Map.of());
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/v1/me", manager.token()).status()).as("nothing was deleted by bad requests")
                .isEqualTo(200);

        HttpApi.Response deleted = api.send("DELETE", "/v1/me", manager.token(), Map.of("password", PASSWORD),
                Map.of());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

        assertThat(api.get("/v1/me", manager.token()).status()).isEqualTo(401);
        assertThat(api.get(path, manager.token()).status()).isEqualTo(403);
        assertThat(api.post("/v1/auth/refresh", null, Map.of("refreshToken", manager.refreshToken())).status())
                .isEqualTo(401);
        assertThat(api.post("/v1/auth/login", null, Map.of("email", manager.email(), "password", PASSWORD)).status())
                .isEqualTo(401);

        List<JsonNode> history = eventually(() -> history(owner, path), h -> h.stream().anyMatch(e ->
                e.path("action").asText().equals("EDITED")
                        && e.path("actor").path("name").asText().equals("(deleted user)")), "the name gone");
        JsonNode edit = history.stream().filter(e -> e.path("action").asText().equals("EDITED")).findFirst()
                .orElseThrow();
        assertThat(edit.path("actor").path("userId").asText()).isEqualTo(manager.userId());
        assertThat(edit.path("text").asText()).isEqualTo("고맙습니다");
        assertThat(api.get(owner.shop("/audit?format=csv"), owner.token()).body()).doesNotContain(name)
                .contains("(deleted user)");
        keys.forgetCache();
        ReplyEdited replayed = (ReplyEdited) eventStore.readEvents(review.toString()).asStream()
                .map(m -> m.getPayload()).filter(ReplyEdited.class::isInstance).findFirst().orElseThrow();
        assertThat(replayed.editedBy().name()).isEqualTo("(deleted user)");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE id = ?::uuid", Integer.class,
                manager.userId())).isZero();
        eventually(() -> api.get(owner.shop("/members"), owner.token()).body(), b -> !b.contains(manager.userId()),
                "the manager gone from the members");
        String audit = eventually(() -> memberAudit(owner), rows -> rows.contains("MEMBER_LEFT"), "the manager left");
        assertThat(audit).doesNotContain(name).contains("(deleted user)");
    }

    @Test
    void theOnlyOwnerOfAShopWithOtherMembersCannotDeleteTheirAccount() {
        Owner owner = signUp("마지막 사장 살롱");
        Owner staff = signUp("직원 살롱");
        new ShopFixtures(accounts, commands).join(owner, staff, Role.STAFF);
        HttpApi.Response refused = api.send("DELETE", "/v1/me", owner.token(), Map.of("password", PASSWORD), Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("LAST_OWNER");
        assertThat(api.get(owner.shop("/reviews"), owner.token()).status()).isEqualTo(200);

        // the staff member owns a shop of their own with nobody else: they may go, the shop's history stays
        HttpApi.Response gone = api.send("DELETE", "/v1/me", staff.token(), Map.of("password", PASSWORD), Map.of());
        assertThat(gone.status()).as(gone.body()).isEqualTo(204);
        assertThat(api.get(owner.shop("/reviews"), owner.token()).status()).isEqualTo(200);
    }

    /** An event stored in plain text before V60 is rewritten sealed by the start-up job, and still reads the same. */
    @Test
    void anEventStoredInPlainTextIsReEncryptedOnce() throws Exception {
        Owner owner = signUp("예전 살롱");
        ReviewId review = new ShopFixtures(accounts, commands).sync(owner, "plain-" + UUID.randomUUID(), 3,
                "예전에 쓴 리뷰", Instant.now());
        String author = "옛날손님" + UUID.randomUUID().toString().substring(0, 6);
        // as written before encryption: the same event with its personal fields in plain text
        byte[] sealed = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 0", byte[].class, review.toString());
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(sealed);
        tree.put("author", author).put("comment", "예전에 쓴 리뷰");
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? AND sequence_number = 0",
                json.writeValueAsBytes(tree), review.toString());
        assertThat(rawPayloads(review.toString())).anyMatch(p -> p.contains(author));

        assertThat(reEncryption.reEncryptAll()).isGreaterThanOrEqualTo(1);

        // the review's own event, rewritten above (a draft the pipeline wrote meanwhile from the plain-text event may
        // greet the reviewer by name in its reply text, which is not personal data)
        assertThat(rawPayload(review.toString(), 0)).doesNotContain(author).doesNotContain("예전에 쓴 리뷰")
                .contains("pd1:reviewer:" + review);
        keys.forgetCache();
        ReviewReceived received = (ReviewReceived) eventStore.readEvents(review.toString()).asStream()
                .map(m -> m.getPayload()).filter(ReviewReceived.class::isInstance).findFirst().orElseThrow();
        assertThat(received.author()).isEqualTo(author);
        assertThat(received.comment()).isEqualTo("예전에 쓴 리뷰");
        assertThat(reEncryption.reEncryptAll()).as("a second pass finds nothing to do").isZero();
    }

    /** A dead letter kept before V60 holds its event in plain text; the start-up job seals it, once. */
    @Test
    void aDeadLetterStoredInPlainTextIsReEncryptedOnce() throws Exception {
        Owner owner = signUp("오래된 실패 살롱");
        ReviewId review = new ShopFixtures(accounts, commands).sync(owner, "dl-" + UUID.randomUUID(), 2,
                "처리 못 한 리뷰", Instant.now());
        String author = "실패손님" + UUID.randomUUID().toString().substring(0, 6);
        var event = jdbc.queryForMap("SELECT event_identifier, payload_type, payload_revision, payload, time_stamp "
                + "FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0", review.toString());
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree((byte[]) event.get("payload"));
        tree.put("author", author).put("comment", "처리 못 한 리뷰");
        String letter = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO dead_letter_entry (dead_letter_id, enqueued_at, sequence_index, payload, event_identifier,
                    message_type, payload_revision, payload_type, processing_group, sequence_identifier, time_stamp,
                    aggregate_identifier, sequence_number, type)
                VALUES (?, now(), 0, ?, ?, 'DomainEventMessage', ?, ?, 'old-group', ?, ?, ?, 0, 'Review')""",
                letter, json.writeValueAsBytes(tree), event.get("event_identifier"), event.get("payload_revision"),
                event.get("payload_type"), review.toString(), event.get("time_stamp"), review.toString());

        assertThat(reEncryption.reEncryptDeadLetters()).isEqualTo(1);

        byte[] stored = jdbc.queryForObject("SELECT payload FROM dead_letter_entry WHERE dead_letter_id = ?",
                byte[].class, letter);
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain(author).doesNotContain("처리 못 한");
        keys.forgetCache();
        ReviewReceived received = axonMapper.readValue(stored, ReviewReceived.class);
        assertThat(received.author()).isEqualTo(author);
        assertThat(reEncryption.reEncryptDeadLetters()).as("a second pass finds nothing to do").isZero();
        jdbc.update("DELETE FROM dead_letter_entry WHERE dead_letter_id = ?", letter);
    }

    private Owner signUpNamed(String name) {
        String email = "named-" + UUID.randomUUID() + "@salon.test";
        HttpApi.Response response = api.post("/v1/auth/signup", null, Map.of("email", email, "password", PASSWORD,
                "name", name, "shopName", name + "의 살롱"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        return new Owner(body.path("user").path("id").asText(), email, body.path("shop").path("id").asText(),
                body.path("accessToken").asText(), body.path("refreshToken").asText());
    }

    /** The shop's membership audit, one line per entry. */
    private String memberAudit(Owner owner) {
        return String.join("\n", jdbc.query("SELECT action || ' ' || coalesce(actor_name, '') FROM shop_member_audit "
                + "WHERE shop_id = ?::uuid ORDER BY sequence", (rs, i) -> rs.getString(1), owner.shopId()));
    }

    private String rawPayload(String aggregateId, long sequenceNumber) {
        return jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND sequence_number = ?", (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8),
                aggregateId, sequenceNumber);
    }

    private List<String> rawPayloads(String aggregateId) {
        return jdbc.query("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
                (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), aggregateId);
    }

    private int search(Owner owner, String text) {
        return api.get(owner.shop("/reviews?q=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8)),
                owner.token()).json().path("total").asInt();
    }

    private List<JsonNode> history(Owner owner, String path) {
        List<JsonNode> items = new ArrayList<>();
        api.get(path + "/history", owner.token()).json().path("items").forEach(items::add);
        return items;
    }

    private List<String> keywords(Owner owner) {
        List<String> terms = new ArrayList<>();
        api.get(owner.shop("/analytics"), owner.token()).json().path("keywords")
                .forEach(k -> terms.add(k.path("term").asText()));
        return terms;
    }
}
