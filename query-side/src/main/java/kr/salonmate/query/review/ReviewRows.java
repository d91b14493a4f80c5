package kr.salonmate.query.review;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** How the projection writes the inbox; the inbox is read with SQL ({@link InboxReads}). */
interface ReviewRows extends JpaRepository<ReviewRow, UUID> {

    /** A deleted user's name on the approvals they made (flushes first: rows of this batch carry it too). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "UPDATE review_view SET approved_by_name = :name WHERE approved_by_user_id = :userId",
            nativeQuery = true)
    int renameApprover(@Param("userId") UUID userId, @Param("name") String name);
}
