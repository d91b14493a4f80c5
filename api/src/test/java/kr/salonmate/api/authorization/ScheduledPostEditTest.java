package kr.salonmate.api.authorization;

import static kr.salonmate.api.support.Errors.assertError;
import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.ShopWithReviewsTest;
import kr.salonmate.api.support.TestImages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A scheduled post's caption is what a MANAGER (or the OWNER) approved for Instagram: STAFF may edit posts that are
 * not scheduled, but not change a scheduled one (403, nothing changes); a MANAGER still may
 * (docs/decisions/0016-staff-edits-of-scheduled-posts.md).
 */
class ScheduledPostEditTest extends ShopWithReviewsTest {

    @Test
    void staffMayNotChangeWhatAManagerScheduled() {
        Owner owner = signUp("살롱 예약 게시");
        Owner staff = member(owner, "STAFF");
        Owner manager = member(owner, "MANAGER");
        String post = readyPost(owner);

        HttpApi.Response staffEditsReady = api.put(post, staff.token(), edit("직원이 고친 캡션"));
        assertThat(staffEditsReady.status()).as(staffEditsReady.body()).isEqualTo(200);

        HttpApi.Response scheduled = api.post(post + "/publish", manager.token(),
                Map.of("at", OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(1).toString()));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(202);
        JsonNode before = eventually(() -> api.get(post, owner.token()).json(),
                p -> p.path("status").asText().equals("SCHEDULED"), "the post to be scheduled");

        assertError(api.put(post, staff.token(), edit("링크 넣은 캡션 https://evil.example")), 403, "FORBIDDEN");
        JsonNode after = api.get(post, owner.token()).json();
        assertThat(after.path("caption").asText()).isEqualTo(before.path("caption").asText()).isEqualTo("직원이 고친 캡션");
        assertThat(after.path("status").asText()).isEqualTo("SCHEDULED");

        HttpApi.Response managerEdits = api.put(post, manager.token(), edit("매니저가 고친 캡션"));
        assertThat(managerEdits.status()).as(managerEdits.body()).isEqualTo(200);
        assertThat(managerEdits.json().path("caption").asText()).isEqualTo("매니저가 고친 캡션");
        assertThat(managerEdits.json().path("status").asText()).isEqualTo("SCHEDULED");
    }

    private static Map<String, Object> edit(String caption) {
        return Map.of("caption", caption, "hashtags", List.of("살롱"));
    }

    /** A post with a drafted caption; returns its path. */
    private String readyPost(Owner owner) {
        HttpApi.Response upload = api.upload(owner.shop("/media"), owner.token(), "file", "a.png", "image/png",
                TestImages.png(1080, 1350));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        HttpApi.Response created = api.post(owner.shop("/posts"), owner.token(), Map.of(
                "mediaIds", List.of(upload.json().path("id").asText()), "brief", "겨울 네일"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String post = owner.shop("/posts/" + created.json().path("id").asText());
        eventually(() -> api.get(post, owner.token()).json(), p -> p.path("status").asText().equals("READY"),
                "the caption to be drafted");
        return post;
    }
}
