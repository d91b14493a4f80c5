package kr.salonmate.query.review;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** How the projection writes the inbox; the inbox is read with SQL ({@link InboxReads}). */
interface ReviewRows extends JpaRepository<ReviewRow, UUID> {
}
