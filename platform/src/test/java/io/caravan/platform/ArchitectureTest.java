package io.caravan.platform;

import static io.caravan.platform.ArchitectureRules.PLATFORM;
import static io.caravan.platform.ArchitectureRules.RUNTIME;
import static io.caravan.platform.ArchitectureRules.SDK;
import static io.caravan.platform.ArchitectureRules.TESTKIT;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The boundaries the build enforces, checked on the production classes of the platform, the SDK
 * and (once they exist) the plugin runtime and test kit. A violation fails the unit-test phase and
 * names the offending class and dependency. The rules themselves are in {@link ArchitectureRules}.
 */
@AnalyzeClasses(
        packages = {PLATFORM, SDK, RUNTIME, TESTKIT},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule contexts_use_only_application_and_domain_of_other_contexts =
            ArchitectureRules.contextsUseOnlyApplicationAndDomainOfOtherContexts(PLATFORM);

    @ArchTest
    static final ArchRule shared_uses_no_context = ArchitectureRules.sharedUsesNoContext(PLATFORM);

    @ArchTest
    static final ArchRule only_the_host_knows_osgi = ArchitectureRules.onlyTheHostKnowsOsgi(PLATFORM);

    @ArchTest
    static final ArchRule only_identity_knows_keycloak = ArchitectureRules.onlyIdentityKnowsKeycloak(PLATFORM);

    @ArchTest
    static final ArchRule domain_depends_on_nothing_outer = ArchitectureRules.domainDependsOnNothingOuter(PLATFORM);

    @ArchTest
    static final ArchRule application_knows_no_http = ArchitectureRules.applicationKnowsNoHttp(PLATFORM);

    @ArchTest
    static final ArchRule sdk_uses_nothing_of_the_platform = ArchitectureRules.usesNothingOfThePlatform(SDK, PLATFORM);

    @ArchTest
    static final ArchRule runtime_uses_nothing_of_the_platform =
            ArchitectureRules.usesNothingOfThePlatformIfPresent(RUNTIME, PLATFORM);

    @ArchTest
    static final ArchRule testkit_uses_nothing_of_the_platform =
            ArchitectureRules.usesNothingOfThePlatformIfPresent(TESTKIT, PLATFORM);

    @ArchTest
    static final ArchRule contexts_are_free_of_cycles = ArchitectureRules.contextsAreFreeOfCycles(PLATFORM);
}
