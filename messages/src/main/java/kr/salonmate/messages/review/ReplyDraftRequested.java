package kr.salonmate.messages.review;

import kr.salonmate.messages.privacy.PersonalData;
import kr.salonmate.messages.privacy.SubjectKind;
import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/** Carries the review as it is now, so that the drafter needs nothing else about it. */
@Revision("1")
public record ReplyDraftRequested(ReviewId reviewId, ShopId shopId, UUID draftRequestId, String instruction,
                                  Actor requestedBy,
                                  @PersonalData(kind = SubjectKind.REVIEWER, subject = "reviewId", erased = SubjectKind.ERASED_AUTHOR) String author, int rating,
                                  @PersonalData(kind = SubjectKind.REVIEWER, subject = "reviewId", erased = SubjectKind.ERASED_TEXT) String comment, String language,
                                  Instant at) {
}
