package kr.salonmate.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewReceived;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** Every event of a review, including ones added later, has a handler in the audit trail's projection. */
class AuditCoverageTest {

    @Test
    void theAuditProjectionHandlesEveryReviewEvent() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        List<Class<?>> reviewEvents = new java.util.ArrayList<>();
        for (var candidate : scanner.findCandidateComponents(ReviewReceived.class.getPackageName())) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.isRecord() && Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                    .anyMatch(ReviewId.class::equals)) {
                reviewEvents.add(type);
            }
        }
        Set<Class<?>> handled = Arrays.stream(ReplyAuditProjection.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(EventHandler.class))
                .map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());

        assertThat(reviewEvents).hasSizeGreaterThanOrEqualTo(12);
        assertThat(handled).containsAll(reviewEvents);
    }
}
