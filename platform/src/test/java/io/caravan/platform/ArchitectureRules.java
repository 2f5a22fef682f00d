package io.caravan.platform;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameContaining;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * The boundaries of the platform, as ArchUnit rules over a root package. Every top-level package
 * under the root is a bounded context (whatever its name, so a context split off later is covered
 * without touching this class); each has {@code domain}, {@code application}, {@code infrastructure}
 * and {@code api} layers. {@code shared} is the one context everybody may use and that uses no
 * other.
 *
 * <p>{@link ArchitectureTest} checks the rules on the platform's production classes;
 * {@link ArchitectureTestFixtureTest} checks the very same rules on a fixture with deliberate
 * violations, to prove each rule can fail.
 */
public final class ArchitectureRules {
    /** The platform's root package: each package directly below it is a context. */
    public static final String PLATFORM = "io.caravan.platform";
    /** The plugin SDK: what plugins compile against. */
    public static final String SDK = "io.caravan.sdk";
    /** The plugin runtime and its test kit; their modules may not exist (yet). */
    public static final String RUNTIME = "io.caravan.runtime";

    public static final String TESTKIT = "io.caravan.testkit";

    static final String SHARED = "shared";
    private static final Set<String> OPEN_LAYERS = Set.of("application", "domain");
    private static final String[] JAX_RS_AND_SERVLET = {
        "jakarta.ws.rs..", "javax.ws.rs..", "jakarta.servlet..", "javax.servlet.."
    };

    private ArchitectureRules() {}

    /**
     * (a) A context uses another context only through its {@code application} and {@code domain}
     * packages; its {@code infrastructure} and {@code api} are its own business. {@code shared} may
     * be used whole by everyone.
     */
    public static ArchRule contextsUseOnlyApplicationAndDomainOfOtherContexts(String root) {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .should(useOnlyApplicationAndDomainOfOtherContexts(root))
                .because("a context's infrastructure and api are its own; other contexts go through its "
                        + "application services and domain types");
    }

    /** (a) {@code shared} is used by every context and uses none of them. */
    public static ArchRule sharedUsesNoContext(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "." + SHARED + "..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage(root + "..").and(resideOutsideOfPackage(root + "." + SHARED + "..")))
                .because("shared is what every context may use, so it can know none of them");
    }

    /** (b) Only the plugin host knows the OSGi framework it embeds. */
    public static ArchRule onlyTheHostKnowsOsgi(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(root + ".host..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.felix..", "org.osgi..")
                .because("the plugin host is the one context that embeds Felix; everyone else talks to "
                        + "plugins through the host's application services");
    }

    /** (c) Only identity knows that the identity provider is Keycloak. */
    public static ArchRule onlyIdentityKnowsKeycloak(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(root + ".identity..")
                .should()
                .dependOnClassesThat(resideInAPackage("..keycloak..")
                        .or(simpleNameContaining("Keycloak"))
                        .as("know Keycloak"))
                .because("identity is the one door to the identity provider (its application port "
                        + "IdentityProvisioning); nobody else may depend on Keycloak");
    }

    /**
     * (d) A {@code domain} package depends on nothing outer: no {@code application},
     * {@code infrastructure} or {@code api} package of any context (its own included), no JAX-RS,
     * no servlet.
     */
    public static ArchRule domainDependsOnNothingOuter(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".*.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(concat(
                        new String[] {root + ".*.application..", root + ".*.infrastructure..", root + ".*.api.."},
                        JAX_RS_AND_SERVLET))
                .because(
                        "the domain is the innermost layer: rules and types only, no use cases, " + "adapters or HTTP");
    }

    /**
     * An {@code application} package knows no HTTP: no {@code api} package of any context (so no
     * problem documents of {@code shared.api} either), no JAX-RS, no servlet. Application services
     * throw domain exceptions; each context's api translates them into problem documents.
     */
    public static ArchRule applicationKnowsNoHttp(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".*.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(concat(new String[] {root + ".*.api.."}, JAX_RS_AND_SERVLET))
                .because("use cases are callable from anywhere (REST, startup, a plugin call); the HTTP "
                        + "answer to a failure is decided at the edge");
    }

    /** (e) A module the platform builds on, or that plugins run in, uses nothing of the platform. */
    public static ArchRule usesNothingOfThePlatform(String modulePackage, String root) {
        return noClasses()
                .that()
                .resideInAPackage(modulePackage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + "..")
                .because("plugins see the SDK (and the runtime) only; the platform depends on them, "
                        + "never the other way round");
    }

    /**
     * (e) As {@link #usesNothingOfThePlatform} for a module that may not be on the classpath yet: no
     * classes at all is not a failure.
     */
    public static ArchRule usesNothingOfThePlatformIfPresent(String modulePackage, String root) {
        return usesNothingOfThePlatform(modulePackage, root).allowEmptyShould(true);
    }

    /** (f) The contexts form no cycle. */
    public static ArchRule contextsAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..")
                .namingSlices("context $1")
                .should()
                .beFreeOfCycles()
                .because("a cycle between contexts makes them one context: neither can change, be "
                        + "tested or be split off alone");
    }

    private static ArchCondition<JavaClass> useOnlyApplicationAndDomainOfOtherContexts(String root) {
        return new ArchCondition<>("use only the application and domain packages of other contexts") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = segment(root, origin.getPackageName(), 0);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target =
                            dependency.getTargetClass().getBaseComponentType().getPackageName();
                    String context = segment(root, target, 0);
                    if (context == null || context.equals(own) || context.equals(SHARED)) {
                        continue;
                    }
                    String layer = segment(root, target, 1);
                    if (!OPEN_LAYERS.contains(layer)) {
                        events.add(SimpleConditionEvent.violated(
                                dependency,
                                (own == null ? root : "context " + own)
                                        + " reaches into "
                                        + context + "." + layer + ": " + dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The n-th package segment below root ({@code 0}: the context, {@code 1}: the layer); null if none. */
    static String segment(String root, String packageName, int index) {
        if (!packageName.startsWith(root + ".")) {
            return null;
        }
        String[] segments = packageName.substring(root.length() + 1).split("\\.");
        return index < segments.length ? segments[index] : null;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
