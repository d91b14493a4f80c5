package kr.salonmate.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of ARCHITECTURE.md, held by the compiler's output: the three libraries meet only through
 * {@code messages}, and {@code messages} is plain vocabulary. The {@code ai-saga} module holds two package roots:
 * {@code kr.salonmate.saga} (sagas and policies) and {@code kr.salonmate.integration} (the outside services' clients,
 * the credential vault, review sync; ADR 0027).
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

    @Test
    void messagesArePlainVocabulary() {
        noClasses().that().resideInAPackage("kr.salonmate.messages..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "kr.salonmate.command..", "kr.salonmate.query..", "kr.salonmate.saga..",
                        "kr.salonmate.integration..", "kr.salonmate.api..", "org.springframework..",
                        "jakarta.persistence..", "org.hibernate..")
                .check(classes);
    }
}
