package kr.salonmate.query;

import static org.assertj.core.api.Assertions.assertThat;

import kr.salonmate.query.audit.ReplyAuditProjection;
import kr.salonmate.query.dashboard.DashboardProjection;
import kr.salonmate.query.review.ReviewInboxProjection;
import kr.salonmate.query.review.ReviewInboxQueries;
import kr.salonmate.query.shop.ShopProjection;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** A node started with {@code salonmate.modules.query.enabled=false} runs no projection and answers no query. */
class QuerySideSwitchTest {

    private final ApplicationContextRunner node = new ApplicationContextRunner()
            .withPropertyValues("salonmate.modules.query.enabled=false");

    @Test
    void theSwitchedOffModuleContributesNothing() {
        node.withUserConfiguration(QuerySideModule.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(QuerySideModule.class);
            assertThat(context).doesNotHaveBean(ReviewInboxProjection.class);
            assertThat(context).doesNotHaveBean(ReplyAuditProjection.class);
            assertThat(context).doesNotHaveBean(DashboardProjection.class);
            assertThat(context).doesNotHaveBean(ShopProjection.class);
        });
    }

    @Test
    void theSwitchHoldsEvenWhenAnApplicationScansTheModulesPackagesItself() {
        node.withUserConfiguration(ScansTheInbox.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ReviewInboxProjection.class);
            assertThat(context).doesNotHaveBean(ReviewInboxQueries.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = ReviewInboxProjection.class)
    static class ScansTheInbox {
    }
}
