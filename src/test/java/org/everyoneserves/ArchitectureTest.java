package org.everyoneserves;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.EntityManager;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everyoneserves.content.ContentVersion;
import org.junit.jupiter.api.Test;

/**
 * The package rules of README's map: features form no cycle, {@code platform} knows no feature, a feature does not
 * reach into another's pages or API (the one exception: {@code sync} composes the other features' API answers, which
 * it must return unchanged), pages and resources leave the database to their feature's service, and only
 * {@code content} reads stored content versions.
 */
class ArchitectureTest {

    private static final String ROOT = "org.everyoneserves";
    private static final Pattern FEATURE = Pattern.compile("org\\.everyoneserves\\.(\\w+)(\\.(\\w+))?.*");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void featuresFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void platformKnowsNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".platform..")
                .should().dependOnClassesThat(DescribedPredicate.describe("are in a feature",
                        c -> c.getPackageName().startsWith(ROOT + ".") && !c.getPackageName().startsWith(ROOT + ".platform")))
                .check(CLASSES);
    }

    @Test
    void noFeatureReachesIntoAnothersPagesOrApi() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".sync..")
                .should(new ArchCondition<>("depend on another feature's web or api package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = feature(origin.getPackageName());
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            Matcher target = FEATURE.matcher(d.getTargetClass().getPackageName());
                            if (target.matches() && !target.group(1).equals(own) && !"platform".equals(target.group(1))
                                    && ("web".equals(target.group(3)) || "api".equals(target.group(3)))) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .check(CLASSES);
    }

    @Test
    void pagesAndResourcesLeaveTheDatabaseToTheirService() {
        noClasses().that(DescribedPredicate.describe("are a feature's page or resource", ArchitectureTest::isFeatureAdapter))
                .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .check(CLASSES);
    }

    @Test
    void onlyContentReadsStoredVersions() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".content..")
                .should().dependOnClassesThat().areAssignableTo(ContentVersion.class)
                .check(CLASSES);
    }

    private static boolean isFeatureAdapter(JavaClass c) {
        Matcher m = FEATURE.matcher(c.getPackageName());
        return m.matches() && !"platform".equals(m.group(1)) && ("web".equals(m.group(3)) || "api".equals(m.group(3)));
    }

    private static String feature(String packageName) {
        Matcher m = FEATURE.matcher(packageName);
        return m.matches() ? m.group(1) : "";
    }
}
