package org.origincheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The domain is plain Java: the law's concepts and the evaluation, with no framework in it. The Drools
 * adapter, the rule pack loader, the determination service and the REST API depend on the domain, never
 * the other way round. Data flows one way, request -> mapper -> service -> engine (port) -> store, and no
 * package is in a cycle with another, so a change in one cannot break a package it does not reach.
 */
class ArchitectureTest {

    private static final String DOMAIN = "org.origincheck.domain..";

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.origincheck");
    }

    @Test
    void shouldImportTheDomainClassesSoTheRulesCanFail() {
        long domain = classes.stream().filter(c -> c.getPackageName().startsWith("org.origincheck.domain")).count();
        assertThat(domain).as("production classes imported from org.origincheck.domain..").isGreaterThan(20);
        assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith("org.origincheck.rulepack")))
                .as("the other layers are imported too").isTrue();
        assertThat(classes.contain(ArchitectureTest.class)).as("test classes are not imported").isFalse();
    }

    @Test
    void shouldFailTheDependencyRuleForALayerThatUsesAFramework() {
        // The same rule, applied to the rule pack loader (which reads YAML with Jackson), must be violated.
        assertThatThrownBy(() -> classes().that().resideInAPackage("org.origincheck.rulepack..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
                .check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("com.fasterxml.jackson");
    }

    @Test
    void domainShouldDependOnlyOnJavaAndTheDomain() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
                .because("the domain is plain Java: no Drools, JAX-RS, JPA, Jackson, Quarkus or Bean Validation")
                .check(classes);
    }

    @Test
    void domainShouldNotDependOnFrameworks() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.kie..", "org.drools..",
                        "jakarta.ws.rs..", "jakarta.persistence..", "jakarta.validation..",
                        "com.fasterxml.jackson..",
                        "io.quarkus..")
                .check(classes);
    }

    @Test
    void domainShouldNotDependOnTheOuterLayers() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.origincheck.engine..", "org.origincheck.rulepack..",
                        "org.origincheck.determination..", "org.origincheck.api..")
                .check(classes);
    }

    @Test
    void noPackageShouldBeInACycleWithAnother() {
        slices().matching("org.origincheck.(**)").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void theDeterminationServiceShouldKnowNeitherHttpNorReview() {
        noClasses().that().resideInAPackage("org.origincheck.determination")
                .should().dependOnClassesThat().resideInAnyPackage("org.origincheck.determination.rest..", "org.origincheck.api..",
                        "org.origincheck.review..", "org.origincheck.redetermination..", "jakarta.ws.rs..", "org.jboss.resteasy..")
                .because("the service takes domain objects and its refusals are mapped to problem documents at the edge; review follows by an event")
                .check(classes);
    }

    @Test
    void onlyTheEnginePackageShouldNameDrools() {
        noClasses().that().resideOutsideOfPackage("org.origincheck.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.origincheck.engine..", "org.kie..", "org.drools..")
                .because("everything else uses the OriginEngine port")
                .check(classes);
    }

    @Test
    void theRulePackLoaderShouldNotKnowTheEngineOrTheApi() {
        noClasses().that().resideInAnyPackage("org.origincheck.rulepack", "org.origincheck.rulepack.text")
                .should().dependOnClassesThat().resideInAnyPackage("org.origincheck.engine..", "org.origincheck.determination..",
                        "org.origincheck.review..", "org.origincheck.api..")
                .check(classes);
    }

    @Test
    void theRulePackTypesShouldNotBeJavaSerializable() {
        noClasses().that().resideInAnyPackage(DOMAIN, "org.origincheck.rulepack..")
                .and().areNotEnums().and().areNotAssignableTo(Throwable.class)
                .should().beAssignableTo(java.io.Serializable.class)
                .because("the pack's only stored form is rulepack/PackCodec's, read through the records' constructors and checked by"
                        + " BuildValidatedPackTest; a Serializable type would promise a second form that nothing writes or tests")
                .check(classes);
    }

    @Test
    void validShouldCascadeIntoAContainersElementsNotBeOnTheContainer() {
        // Hibernate Validator deprecates @Valid on a container (HV000271, logged at every start); List<@Valid X> says the same
        // thing where Bean Validation 2.0 puts it.
        java.util.List<String> onContainers = new java.util.ArrayList<>();
        for (JavaClass c : classes) {
            Class<?> type = c.reflect();
            for (java.lang.reflect.Field f : type.getDeclaredFields()) {
                if (f.isAnnotationPresent(jakarta.validation.Valid.class) && isContainer(f.getType())) {
                    onContainers.add(type.getName() + "." + f.getName());
                }
            }
            java.util.List<java.lang.reflect.Executable> executables = new java.util.ArrayList<>(java.util.List.of(type.getDeclaredMethods()));
            executables.addAll(java.util.List.of(type.getDeclaredConstructors()));
            for (java.lang.reflect.Executable e : executables) {
                for (java.lang.reflect.Parameter p : e.getParameters()) {
                    if (p.isAnnotationPresent(jakarta.validation.Valid.class) && isContainer(p.getType())) {
                        onContainers.add(type.getName() + "." + e.getName() + "(" + p.getName() + ")");
                    }
                }
            }
        }
        assertThat(onContainers).as("@Valid on a container instead of on its type argument").isEmpty();
    }

    private static boolean isContainer(Class<?> type) {
        return Iterable.class.isAssignableFrom(type) || java.util.Map.class.isAssignableFrom(type) || java.util.Optional.class.isAssignableFrom(type)
                || type.isArray();
    }

    @Test
    void reviewShouldOnlyBeReachedFromTheEdge() {
        noClasses().that().resideInAnyPackage("org.origincheck.determination..", "org.origincheck.engine..", "org.origincheck.rulepack..",
                        "org.origincheck.domain..", "org.origincheck.api..")
                .should().dependOnClassesThat().resideInAPackage("org.origincheck.review..")
                .because("review implements the ports determination/ declares (SettledConclusions, ReviewOpening)")
                .check(classes);
    }
}
