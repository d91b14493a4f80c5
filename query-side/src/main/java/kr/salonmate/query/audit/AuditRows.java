package kr.salonmate.query.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditRows extends JpaRepository<AuditRow, Long> {

    List<AuditRow> findByReviewIdAndShopIdOrderBySequenceAsc(UUID reviewId, UUID shopId);
}
