package kr.salonmate.messages.review;

import kr.salonmate.messages.privacy.PersonalData;
import kr.salonmate.messages.privacy.SubjectKind;
import java.time.Instant;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReviewReceived(ReviewId reviewId, ShopId shopId, ReviewSource source, String externalId,
                             @PersonalData(kind = SubjectKind.REVIEWER, subject = "reviewId", erased = SubjectKind.ERASED_AUTHOR) String author,
                             int rating,
                             @PersonalData(kind = SubjectKind.REVIEWER, subject = "reviewId", erased = SubjectKind.ERASED_TEXT) String comment, String language, Instant createdAt, Instant updatedAt,
                             Instant receivedAt) {
}
