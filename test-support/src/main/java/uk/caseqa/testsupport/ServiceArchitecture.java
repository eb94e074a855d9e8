package uk.caseqa.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The dependency rules every service keeps (docs/adr/0002): the domain is plain Java plus the published language;
 * use cases do not reach into adapters; persistence adapters are package-private; only the shared outbox relay
 * publishes to Kafka.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    public static void verify(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        classes().that().resideInAPackage(basePackage + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", basePackage + ".domain..",
                        "uk.caseqa.contracts..")
                .because("the domain core is free of Spring, Mongo and Kafka")
                .check(classes);
        noClasses().that().resideInAPackage(basePackage + ".application..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".adapter..")
                .because("use cases talk to ports, not adapters")
                .check(classes);
        noClasses().that().resideInAPackage(basePackage + ".adapter.out.persistence..")
                .should().bePublic()
                .because("persistence stays behind the ports")
                .check(classes);
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.cloud.stream.function.StreamBridge")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
                .because("events leave only through the outbox (EventPublisher), never fire-and-forget")
                .check(classes);
    }
}
