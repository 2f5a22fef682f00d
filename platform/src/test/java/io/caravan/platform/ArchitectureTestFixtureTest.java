package io.caravan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.caravan.archfixture.platform.billing.api.InvoiceLinks;
import io.caravan.archfixture.platform.billing.application.InvoiceRefusal;
import io.caravan.archfixture.platform.billing.application.Invoicing;
import io.caravan.archfixture.platform.billing.infrastructure.InvoiceTable;
import io.caravan.archfixture.platform.host.infrastructure.FrameworkBundles;
import io.caravan.archfixture.platform.identity.application.SignIn;
import io.caravan.archfixture.platform.orders.api.OrderResource;
import io.caravan.archfixture.platform.orders.application.Customers;
import io.caravan.archfixture.platform.orders.application.PlaceOrder;
import io.caravan.archfixture.platform.orders.domain.OrderAnswer;
import io.caravan.archfixture.platform.orders.infrastructure.BundleLookup;
import io.caravan.archfixture.platform.shared.domain.Totals;
import io.caravan.archfixture.sdk.PluginApi;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rule that cannot fail proves nothing: each rule of {@link ArchitectureRules}, exactly as
 * {@link ArchitectureTest} uses it, is run on the fixture {@code io.caravan.archfixture} (a
 * miniature platform with deliberate violations) and must fail naming the offending class, and must
 * not flag the fixture's allowed dependencies.
 */
class ArchitectureTestFixtureTest {
    private static final String ROOT = "io.caravan.archfixture.platform";
    private static final String SDK = "io.caravan.archfixture.sdk";
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("io.caravan.archfixture");

    @Test
    void aContextReachingIntoAnotherContextsInfrastructureOrApiFails() {
        ArchRule rule = ArchitectureRules.contextsUseOnlyApplicationAndDomainOfOtherContexts(ROOT);

        assertFailsNaming(rule, PlaceOrder.class, InvoiceTable.class);
        assertFailsNaming(rule, OrderResource.class, InvoiceLinks.class);
        // Another context's application and domain are open, and shared is open to all.
        assertThat(violations(rule))
                .noneMatch(line -> line.contains("<" + Invoicing.class.getName() + "."))
                .noneMatch(line -> line.contains("<" + InvoiceRefusal.class.getName() + "."))
                .noneMatch(line -> line.contains("calls method <" + Invoicing.class.getName() + "."));
    }

    @Test
    void sharedUsingAContextFails() {
        assertFailsNaming(ArchitectureRules.sharedUsesNoContext(ROOT), Totals.class);
    }

    @Test
    void osgiOutsideTheHostFails() {
        ArchRule rule = ArchitectureRules.onlyTheHostKnowsOsgi(ROOT);

        assertFailsNaming(rule, BundleLookup.class, org.osgi.framework.Bundle.class);
        assertThat(violations(rule)).noneMatch(line -> line.contains(FrameworkBundles.class.getName()));
    }

    @Test
    void keycloakOutsideIdentityFails() {
        ArchRule rule = ArchitectureRules.onlyIdentityKnowsKeycloak(ROOT);

        assertFailsNaming(rule, Customers.class);
        assertThat(violations(rule)).noneMatch(line -> line.contains(SignIn.class.getName()));
    }

    @Test
    void aDomainKnowingJaxRsFails() {
        assertFailsNaming(
                ArchitectureRules.domainDependsOnNothingOuter(ROOT),
                OrderAnswer.class,
                jakarta.ws.rs.core.Response.class);
    }

    @Test
    void anApplicationServiceSpeakingHttpFails() {
        ArchRule rule = ArchitectureRules.applicationKnowsNoHttp(ROOT);

        assertFailsNaming(rule, InvoiceRefusal.class);
        assertThat(violations(rule)).noneMatch(line -> line.contains(PlaceOrder.class.getName()));
    }

    @Test
    void anSdkUsingThePlatformFails() {
        assertFailsNaming(ArchitectureRules.usesNothingOfThePlatform(SDK, ROOT), PluginApi.class);
    }

    @Test
    void aModuleThatIsNotThereYetPasses() {
        ArchRule rule = ArchitectureRules.usesNothingOfThePlatformIfPresent("io.caravan.archfixture.runtime", ROOT);

        assertThatCode(() -> rule.check(FIXTURE)).doesNotThrowAnyException();
        // ...while the strict variant refuses to pass on nothing.
        assertThatThrownBy(() -> ArchitectureRules.usesNothingOfThePlatform("io.caravan.archfixture.runtime", ROOT)
                        .check(FIXTURE))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void contextsDependingOnEachOtherFail() {
        assertFailsNaming(ArchitectureRules.contextsAreFreeOfCycles(ROOT), PlaceOrder.class, Invoicing.class);
    }

    @Test
    void contextAndLayerAreTheFirstTwoSegmentsBelowTheRoot() {
        assertThat(ArchitectureRules.segment(ROOT, ROOT + ".orders.application.sub", 0))
                .isEqualTo("orders");
        assertThat(ArchitectureRules.segment(ROOT, ROOT + ".orders.application.sub", 1))
                .isEqualTo("application");
        assertThat(ArchitectureRules.segment(ROOT, ROOT + ".orders", 1)).isNull();
        assertThat(ArchitectureRules.segment(ROOT, ROOT, 0)).isNull();
        assertThat(ArchitectureRules.segment(ROOT, ROOT + "extra.orders", 0)).isNull();
    }

    /** The rule fails as the build would see it (an AssertionError), naming every given class. */
    private static void assertFailsNaming(ArchRule rule, Class<?>... named) {
        assertThatThrownBy(() -> rule.check(FIXTURE)).isInstanceOf(AssertionError.class);
        assertThat(violations(rule)).anySatisfy(line -> {
            for (Class<?> type : named) {
                assertThat(line).contains(type.getName());
            }
        });
    }

    private static List<String> violations(ArchRule rule) {
        return rule.evaluate(FIXTURE).getFailureReport().getDetails();
    }
}
