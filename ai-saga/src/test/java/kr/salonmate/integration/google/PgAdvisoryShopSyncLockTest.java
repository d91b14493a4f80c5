package kr.salonmate.integration.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;

import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.saga.testsupport.Postgres;
import org.junit.jupiter.api.Test;

/** Two "nodes" (two lock instances, each on its own connections) against one PostgreSQL. */
class PgAdvisoryShopSyncLockTest {

    private final PgAdvisoryShopSyncLock nodeA = new PgAdvisoryShopSyncLock(Postgres.dataSource());
    private final PgAdvisoryShopSyncLock nodeB = new PgAdvisoryShopSyncLock(Postgres.dataSource());

    @Test
    void whileOneNodeSyncsAShopAnotherNodeCannotButMaySyncOtherShops() {
        ShopId shop = ShopId.random();
        ShopId otherShop = ShopId.random();
        AtomicBoolean sameShopRan = new AtomicBoolean();
        AtomicBoolean otherShopRan = new AtomicBoolean();

        boolean ran = nodeA.runExclusively(shop, () -> {
            assertThat(nodeB.runExclusively(shop, () -> sameShopRan.set(true))).isFalse();
            assertThat(nodeB.runExclusively(otherShop, () -> otherShopRan.set(true))).isTrue();
        });

        assertThat(ran).isTrue();
        assertThat(sameShopRan).isFalse();
        assertThat(otherShopRan).isTrue();
        assertThat(nodeB.runExclusively(shop, () -> sameShopRan.set(true))).isTrue(); // released afterwards
        assertThat(sameShopRan).isTrue();
    }

    @Test
    void theLockIsReleasedWhenTheSyncFails() {
        ShopId shop = ShopId.random();

        assertThatThrownBy(() -> nodeA.runExclusively(shop, () -> {
            throw new IllegalStateException("Google down");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(nodeB.runExclusively(shop, () -> { })).isTrue();
    }
}
