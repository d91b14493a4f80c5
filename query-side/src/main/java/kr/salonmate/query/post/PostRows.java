package kr.salonmate.query.post;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface PostRows extends JpaRepository<PostRow, UUID>, JpaSpecificationExecutor<PostRow> {
}
