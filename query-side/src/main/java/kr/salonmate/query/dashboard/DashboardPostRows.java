package kr.salonmate.query.dashboard;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DashboardPostRows extends JpaRepository<DashboardPostRow, UUID> {
}
