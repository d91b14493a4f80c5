package kr.salonmate.saga;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Put on every bean of this module (components, sagas, configurations), so that
 * {@code salonmate.modules.saga.enabled=false} switches the whole module off even when an application scans
 * {@code kr.salonmate} itself instead of importing {@link SagaModule}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = SagaModule.ENABLED_PROPERTY, havingValue = "true", matchIfMissing = true)
public @interface SagaModuleEnabled {
}
