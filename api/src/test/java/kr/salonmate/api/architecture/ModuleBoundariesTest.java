package kr.salonmate.api.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The module map of docs/architecture.md, held by the compiler's output: the three libraries meet only through
 * {@code messages}, {@code messages} is plain vocabulary, and {@code axon-postgres} (Axon's tables) knows none of
 * them. The {@code ai-saga} module holds two package roots: {@code kr.salonmate.saga} (sagas and policies) and
 * {@code kr.salonmate.integration} (the outside services' clients, the credential vault, review sync; ADR 0027).
 */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("kr.salonmate");
    }

    @Test
    void theCommandSideKnowsOnlyMessages() {
        noClasses().that().resideInAPackage("kr.salonmate.command..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "kr.salonmate.query..", "kr.salonmate.saga..", "kr.salonmate.integration..",
                        "kr.salonmate.api..")
                .check(classes);
    }

    @Test
    void theQuerySideKnowsOnlyMessages() {
        noClasses().that().resideInAPackage("kr.salonmate.query..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "kr.salonmate.command..", "kr.salonmate.saga..", "kr.salonmate.integration..",
                        "kr.salonmate.api..")
                .check(classes);
    }

    @Test
    void theSagasKnowOnlyMessages() {
        noClasses().that().resideInAnyPackage("kr.salonmate.saga..", "kr.salonmate.integration..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "kr.salonmate.command..", "kr.salonmate.query..", "kr.salonmate.api..")
                .check(classes);
    }

    /**
     * A controller connects Google or Instagram, or starts a sync, through {@code ShopConnections} only: the
     * clients, the credential vault and the review sync are {@code ai-saga}'s own. Reading an integration's settings
     * (its {@code *Properties}, e.g. the Toss client key the page needs) is allowed.
     */
    @Test
    void controllersReachTheIntegrationsOnlyThroughTheirDoor() {
        noClasses().that().resideInAPackage("kr.salonmate.api..")
                .and().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat(resideInAPackage("kr.salonmate.integration..")
                        .and(not(resideInAPackage("kr.salonmate.integration.connections..")))
                        .and(not(simpleNameEndingWith("Properties"))))
                .check(classes);
    }

    @Test
    void messagesArePlainVocabulary() {
        noClasses().that().resideInAPackage("kr.salonmate.messages..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "kr.salonmate.command..", "kr.salonmate.query..", "kr.salonmate.saga..",
                        "kr.salonmate.integration..", "kr.salonmate.api..", "org.springframework..",
                        "jakarta.persistence..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void axonsStorageKnowsNoModule() {
        noClasses().that().resideInAPackage("kr.salonmate.axon..")
                .should().dependOnClassesThat().resideInAnyPackage("kr.salonmate.messages..",
                        "kr.salonmate.command..", "kr.salonmate.query..", "kr.salonmate.saga..", "kr.salonmate.api..")
                .check(classes);
    }
}
