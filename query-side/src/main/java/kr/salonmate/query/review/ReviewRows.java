package kr.salonmate.query.review;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ReviewRows extends JpaRepository<ReviewRow, UUID>, JpaSpecificationExecutor<ReviewRow> {
}
