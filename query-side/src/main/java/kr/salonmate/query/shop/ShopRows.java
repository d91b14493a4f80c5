package kr.salonmate.query.shop;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ShopRows extends JpaRepository<ShopRow, UUID> {

    List<ShopRow> findByGoogleLocationIdIsNotNullOrderByIdAsc();
}
