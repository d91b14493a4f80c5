package kr.salonmate.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Present unless {@code salonmate.modules.query.enabled=false}. Every bean of this module carries it (not only
 * {@link QuerySideModule}), so switching the read side off holds even when an application scans
 * {@code kr.salonmate} as a whole.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(name = "salonmate.modules.query.enabled", havingValue = "true", matchIfMissing = true)
public @interface ConditionalOnQuerySide {
}
