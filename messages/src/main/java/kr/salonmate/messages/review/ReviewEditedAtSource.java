package kr.salonmate.messages.review;

import kr.salonmate.messages.privacy.PersonalData;
import kr.salonmate.messages.privacy.SubjectKind;
import java.time.Instant;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReviewEditedAtSource(ReviewId reviewId, ShopId shopId, int rating,
                                   @PersonalData(kind = SubjectKind.REVIEWER, subject = "reviewId", erased = SubjectKind.ERASED_TEXT) String comment, String language,
                                   int previousRating,
                                   @PersonalData(kind = SubjectKind.REVIEWER, subject = "reviewId", erased = SubjectKind.ERASED_TEXT) String previousComment, Instant updatedAt, Instant at) {
}
