package com.journeyexplorer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The dependency rule of the README's "Architecture" section, checked on the compiled main classes: which top-level
 * package may use which, no cycles between them, and {@code analysis} as plain Java on JGraphT.
 */
class ArchitectureTests {

    private static final String BASE = "com.journeyexplorer";

    /** The application class in the base package: it starts the app or the command-line import. */
    private static final String ROOT = "";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    /** The package of the domain model ({@code Journey}, {@code Touchpoint}, ...), which every layer shares. */
    private static final String DOMAIN_MODEL = "journey";

    /**
     * Each top-level package and the other project packages it may use; a package always uses itself, and every
     * package may use the domain model ({@link #DOMAIN_MODEL}). Dependencies point one way: api on top, ingest
     * over graph, analysis and config at the bottom, the domain model under everything.
     */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry(DOMAIN_MODEL, Set.of()),
            Map.entry("analysis", Set.of()),
            Map.entry("config", Set.of()),
            Map.entry("export", Set.of("analysis")),
            Map.entry("graph", Set.of("config")),
            Map.entry("ingest", Set.of("graph", "config")),
            Map.entry("api", Set.of("analysis", "export", "graph", "ingest", "config")),
            Map.entry("security", Set.of("config")),
            Map.entry("demo", Set.of("ingest", "graph", "config")),
            Map.entry("cli", Set.of("ingest", "config", ROOT)),
            Map.entry(ROOT, Set.of("cli")));

    /**
     * The in-memory projection, also in {@code analysis}: graph loads and publishes the {@code JourneySnapshot} and
     * writes the aggregated {@code :TRANSITION} relationships from its {@code TransitionTable} (numbered by
     * {@code NodeSpace}, timed by {@code DurationStats}) and derives which journeys are open ({@code OpenJourneys});
     * ingest plans each import against the current snapshot; demo loads only into an empty one.
     * Only these three may use these types besides the packages that may use all of {@code analysis}.
     */
    private static final Set<String> PROJECTION = Set.of(
            "analysis.JourneySnapshot", "analysis.NodeSpace", "analysis.TransitionTable", "analysis.DurationStats",
            "analysis.OpenJourneys");

    private static final Set<String> USE_PROJECTION = Set.of("graph", "ingest", "demo");

    @Test
    void everyTopLevelPackageHasARule() {
        Set<String> packages = new TreeSet<>();
        MAIN.forEach(javaClass -> packages.add(topLevelPackage(javaClass)));
        assertThat(MAY_USE.keySet()).as("a rule in MAY_USE for each top-level package").containsAll(packages);
        assertThat(packages).as("no rule for a package that is gone").containsAll(MAY_USE.keySet());
    }

    @Test
    void dependenciesPointOneWay() {
        List<String> violations = new ArrayList<>();
        new TreeSet<>(MAY_USE.keySet()).forEach(name -> {
            String packageName = name.equals(ROOT) ? BASE : BASE + "." + name + "..";
            EvaluationResult result = classes().that().resideInAPackage(packageName)
                    .should().onlyDependOnClassesThat(allowedFor(name)).evaluate(MAIN);
            violations.addAll(result.getFailureReport().getDetails());
        });
        assertThat(violations).as("dependencies against the rule").isEmpty();
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void analysisIsPlainJavaOnJGraphT() {
        classes().that().resideInAPackage(BASE + ".analysis..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jgrapht..", BASE + ".analysis..",
                        BASE + "." + DOMAIN_MODEL + "..")
                .because("analysis imports nothing from Spring, Neo4j or the web, so its tests run in milliseconds")
                .check(MAIN);
    }

    @Test
    void domainModelIsPlainJava() {
        classes().that().resideInAPackage(BASE + "." + DOMAIN_MODEL + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", BASE + "." + DOMAIN_MODEL + "..")
                .because("every layer uses the domain model, so it uses none of them")
                .check(MAIN);
    }

    /** What a class of the given top-level package may use. */
    private static DescribedPredicate<JavaClass> allowedFor(String name) {
        Set<String> packages = MAY_USE.get(name);
        List<String> described = packages.stream().map(p -> p.isEmpty() ? "the application class" : p).sorted().toList();
        return DescribedPredicate.describe("outside the project, in " + (name.isEmpty() ? "the base package" : name)
                + ", in " + described + ", the domain model" + (USE_PROJECTION.contains(name) ? " or the projection" : ""),
                target -> {
                    if (!inProject(target)) {
                        return true;
                    }
                    String targetPackage = topLevelPackage(target);
                    return targetPackage.equals(name) || packages.contains(targetPackage)
                            || targetPackage.equals(DOMAIN_MODEL)
                            || USE_PROJECTION.contains(name) && PROJECTION.contains(typeName(target));
                });
    }

    private static boolean inProject(JavaClass javaClass) {
        return javaClass.getBaseComponentType().getName().startsWith(BASE + ".");
    }

    /** The top-level package under the base package ({@code graph}, {@code api}, ...), or "" for the base package. */
    private static String topLevelPackage(JavaClass javaClass) {
        String packageName = javaClass.getBaseComponentType().getPackageName();
        if (packageName.equals(BASE)) {
            return ROOT;
        }
        String rest = packageName.substring(BASE.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The top-level type a class belongs to, relative to the base package: {@code analysis.Journey} for its nested types too. */
    private static String typeName(JavaClass javaClass) {
        String name = javaClass.getBaseComponentType().getName().substring(BASE.length() + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }
}
