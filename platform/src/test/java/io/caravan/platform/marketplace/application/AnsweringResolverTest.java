package io.caravan.platform.marketplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.host.application.RoutingFacts;
import io.caravan.platform.marketplace.domain.AnswerRule;
import io.caravan.platform.marketplace.domain.AnsweringMode;
import io.caravan.platform.shared.domain.InstallationId;
import io.caravan.platform.shared.domain.ReleaseId;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.runtime.JsonPluginConfiguration;
import io.caravan.runtime.PluginDescriptorReader;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.plugin.ExtensionPoint;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who answers one call, from a store's rules, its enabled providers and the call's facts. */
class AnsweringResolverTest {
    static final StoreRef STORE = new StoreRef("s-1", "shop");

    final InstalledPlugin generalTax = provider("general-tax", "TAX", ExtensionPoint.TAX_CALCULATOR);
    final InstalledPlugin swissTax = provider("swiss-tax", "TAX", ExtensionPoint.TAX_CALCULATOR);
    final InstalledPlugin payA = provider("pay-a", "PAYMENTS", ExtensionPoint.PAYMENT_AUTHORIZER);
    final InstalledPlugin payB = provider("pay-b", "PAYMENTS", ExtensionPoint.PAYMENT_AUTHORIZER);
    final InstalledPlugin payC = provider("pay-c", "PAYMENTS", ExtensionPoint.PAYMENT_AUTHORIZER);

    static InstalledPlugin provider(String pluginId, String kind, ExtensionPoint point) {
        String descriptor = """
                {"id": "%s", "name": "%s", "version": "1.0.0", "sdk": "[1.0,2.0)", "kinds": ["%s"],
                 "extensions": [{"point": "%s", "class": "com.example.Impl", "failurePolicy": "FAIL_CLOSED"},
                                {"point": "HEALTH", "class": "com.example.Health", "failurePolicy": "FAIL_OPEN"}],
                 "configuration": {"schema": {"type": "object"}, "secrets": []},
                 "permissions": {"egressHosts": [], "events": [], "data": []}}
                """.formatted(pluginId, pluginId, kind, point);
        return new InstalledPlugin(
                new InstallationId(UUID.randomUUID().toString()),
                STORE,
                new PluginArtifact(
                        new ReleaseId(UUID.randomUUID().toString()),
                        "com.example." + pluginId.replace('-', '.'),
                        "0".repeat(64),
                        PluginDescriptorReader.read(descriptor)),
                JsonPluginConfiguration.parse("{}", Set.of()));
    }

    static String id(InstalledPlugin p) {
        return p.installationId().value();
    }

    static RoutingFacts to(String country) {
        return RoutingFacts.destination(CountryCode.of(country));
    }

    static RoutingFacts pay(String country, String currency, String method, Long amount) {
        return new RoutingFacts(
                country == null ? null : CountryCode.of(country),
                currency == null ? null : Currency.getInstance(currency),
                method,
                amount);
    }

    static AnswerRule routed(
            Set<String> countries,
            Set<String> currencies,
            Set<String> methods,
            Long min,
            Long max,
            InstalledPlugin... providers) {
        return new AnswerRule(
                countries,
                currencies,
                methods,
                min,
                max,
                java.util.Arrays.stream(providers)
                        .map(AnsweringResolverTest::id)
                        .toList(),
                null);
    }

    AnsweringResolver.Resolution tax(List<AnswerRule> rules, RoutingFacts facts) {
        return AnsweringResolver.resolve(ExtensionPoint.TAX_CALCULATOR, rules, List.of(generalTax, swissTax), facts);
    }

    AnsweringResolver.Resolution authorise(List<AnswerRule> rules, RoutingFacts facts) {
        return AnsweringResolver.resolve(ExtensionPoint.PAYMENT_AUTHORIZER, rules, List.of(payA, payB, payC), facts);
    }

    @Test
    void pointsAnswerByKind() {
        assertThat(AnsweringMode.of(ExtensionPoint.TAX_CALCULATOR)).isEqualTo(AnsweringMode.SINGLE);
        assertThat(AnsweringMode.of(ExtensionPoint.MEMBERSHIP_DISCOUNTS)).isEqualTo(AnsweringMode.SINGLE);
        assertThat(AnsweringMode.of(ExtensionPoint.RETURN_REFUNDS)).isEqualTo(AnsweringMode.SINGLE);
        assertThat(AnsweringMode.of(ExtensionPoint.AFFILIATE_COMMISSIONS)).isEqualTo(AnsweringMode.SINGLE);
        assertThat(AnsweringMode.of(ExtensionPoint.PAYMENT_METHODS)).isEqualTo(AnsweringMode.ROUTED);
        assertThat(AnsweringMode.of(ExtensionPoint.CARRIER_RATES)).isEqualTo(AnsweringMode.ROUTED);
        assertThat(AnsweringMode.of(ExtensionPoint.ORDER_EVENTS)).isEqualTo(AnsweringMode.EVERY);
        assertThat(AnsweringMode.of(ExtensionPoint.HEALTH)).isEqualTo(AnsweringMode.EVERY);
    }

    @Test
    void aCountryRuleBeatsTheDefaultWhereverTheDefaultStands() {
        List<AnswerRule> rules = List.of(
                AnswerRule.single(Set.of(), id(generalTax)), AnswerRule.single(Set.of("CH", "LI"), id(swissTax)));

        assertThat(tax(rules, to("CH")).answering()).containsExactly(swissTax);
        assertThat(tax(rules, to("LI")).answering()).containsExactly(swissTax);
        assertThat(tax(rules, to("DE")).answering()).containsExactly(generalTax);
        assertThat(tax(rules, RoutingFacts.NONE).answering())
                .as("no destination: only the default applies")
                .containsExactly(generalTax);
        assertThat(tax(rules, to("DE")).whyNobody()).isNull();
    }

    @Test
    void withoutADefaultNobodyAnswersOtherDestinationsAndSaysWhy() {
        List<AnswerRule> rules = List.of(AnswerRule.single(Set.of("CH"), id(swissTax)));

        AnsweringResolver.Resolution de = tax(rules, to("DE"));
        assertThat(de.answering()).isEmpty();
        assertThat(de.whyNobody()).contains("cover only CH").contains("no default rule for DE");
        assertThat(tax(rules, RoutingFacts.NONE).whyNobody()).contains("calls without a destination");
        assertThat(tax(rules, to("CH")).answering()).containsExactly(swissTax);
    }

    @Test
    void noRulesMeansNobodyForASingleAnswerPointNeverTheFirstProvider() {
        AnsweringResolver.Resolution none = tax(List.of(), to("DE"));

        assertThat(none.answering()).isEmpty();
        assertThat(none.whyNobody()).contains("no installation is chosen");
    }

    @Test
    void aVacatedRuleAnswersNobodyInsteadOfFallingToTheDefault() {
        List<AnswerRule> rules = List.of(
                AnswerRule.single(Set.of(), id(generalTax)),
                AnswerRule.single(Set.of("CH"), id(swissTax)).without(id(swissTax), "swiss-tax was disabled"));

        AnsweringResolver.Resolution ch = tax(rules, to("CH"));
        assertThat(ch.answering()).isEmpty();
        assertThat(ch.whyNobody()).contains("the rule for CH answers nobody").contains("swiss-tax was disabled");
        assertThat(tax(rules, to("DE")).answering()).containsExactly(generalTax);
    }

    @Test
    void aRuleNamingAnInstallationThatCannotAnswerAnswersNobody() {
        List<AnswerRule> rules =
                List.of(AnswerRule.single(Set.of(), id(generalTax)), AnswerRule.single(Set.of("CH"), id(swissTax)));

        AnsweringResolver.Resolution ch =
                AnsweringResolver.resolve(ExtensionPoint.TAX_CALCULATOR, rules, List.of(generalTax), to("CH"));

        assertThat(ch.answering()).as("never the default instead").isEmpty();
        assertThat(ch.whyNobody()).contains(id(swissTax)).contains("not enabled");
    }

    @Test
    void aStoreWithoutProvidersHasNoReasonToGive() {
        AnsweringResolver.Resolution none =
                AnsweringResolver.resolve(ExtensionPoint.TAX_CALCULATOR, List.of(), List.of(payA), to("DE"));

        assertThat(none.answering()).isEmpty();
        assertThat(none.whyNobody()).isNull();
    }

    @Test
    void withoutRoutingRulesEveryProviderTakesPartInInstallOrder() {
        assertThat(authorise(List.of(), pay("BR", "BRL", "pix", 5000L)).answering())
                .containsExactly(payA, payB, payC);
    }

    @Test
    void theFirstMatchingRoutingRuleGivesTheOrderAndItsListIsExhaustive() {
        List<AnswerRule> rules = List.of(
                routed(Set.of("BR"), Set.of("BRL"), Set.of("pix"), null, null, payC, payA),
                routed(Set.of("BR"), Set.of(), Set.of(), null, null, payB));

        assertThat(authorise(rules, pay("BR", "BRL", "pix", 5000L)).answering()).containsExactly(payC, payA);
        assertThat(authorise(rules, pay("BR", "BRL", "card", 5000L)).answering())
                .as("the second rule: other methods to BR")
                .containsExactly(payB);
        assertThat(authorise(rules, pay("BR", "BRL", null, 5000L)).answering())
                .as("a method rule does not match a call about no method")
                .containsExactly(payB);
        assertThat(authorise(rules, pay("PT", "EUR", "card", 5000L)).answering())
                .as("no rule matches: every provider")
                .containsExactly(payA, payB, payC);
    }

    @Test
    void theAmountBandIncludesItsMinimumAndExcludesItsMaximum() {
        List<AnswerRule> rules = List.of(
                routed(Set.of(), Set.of("BRL"), Set.of(), 1000L, 50000L, payB),
                routed(Set.of(), Set.of(), Set.of(), null, null, payA));

        assertThat(authorise(rules, pay("BR", "BRL", "pix", 999L)).answering()).containsExactly(payA);
        assertThat(authorise(rules, pay("BR", "BRL", "pix", 1000L)).answering()).containsExactly(payB);
        assertThat(authorise(rules, pay("BR", "BRL", "pix", 49999L)).answering())
                .containsExactly(payB);
        assertThat(authorise(rules, pay("BR", "BRL", "pix", 50000L)).answering())
                .containsExactly(payA);
        assertThat(authorise(rules, pay("BR", "USD", "pix", 5000L)).answering())
                .as("another currency")
                .containsExactly(payA);
        assertThat(authorise(rules, pay("BR", null, "pix", null)).answering())
                .as("no amount: a band does not match")
                .containsExactly(payA);
    }

    @Test
    void openEndedBandsMatchFromTheirBound() {
        List<AnswerRule> rules = List.of(routed(Set.of(), Set.of("EUR"), Set.of(), null, 10000L, payC));

        assertThat(authorise(rules, pay("PT", "EUR", "cod", 0L)).answering()).containsExactly(payC);
        assertThat(authorise(rules, pay("PT", "EUR", "cod", 10000L)).answering())
                .containsExactly(payA, payB, payC);
    }

    @Test
    void aRoutingRuleLeftWithNobodyAnswersNobodyForItsCalls() {
        List<AnswerRule> rules = List.of(routed(Set.of("BR"), Set.of(), Set.of("pix"), null, null, payA)
                .without(id(payA), "pay-a was uninstalled"));

        AnsweringResolver.Resolution pix = authorise(rules, pay("BR", "BRL", "pix", 100L));
        assertThat(pix.answering()).isEmpty();
        assertThat(pix.whyNobody()).contains("pay-a was uninstalled");
        assertThat(authorise(rules, pay("BR", "BRL", "card", 100L)).answering()).containsExactly(payA, payB, payC);
    }

    @Test
    void aRoutingRuleSkipsProvidersThatCannotAnswerAndKeepsTheRest() {
        List<AnswerRule> rules = List.of(routed(Set.of(), Set.of(), Set.of("pix"), null, null, payB, payA));

        assertThat(AnsweringResolver.resolve(
                                ExtensionPoint.PAYMENT_AUTHORIZER,
                                rules,
                                List.of(payA, payC),
                                pay(null, null, "pix", null))
                        .answering())
                .containsExactly(payA);
    }

    @Test
    void aCallAboutNoSaleReachesEveryPaymentProviderSoAHeldPaymentCanBeFinished() {
        List<AnswerRule> rules = List.of(routed(Set.of(), Set.of(), Set.of(), null, null, payB));

        assertThat(authorise(rules, pay("PT", "EUR", "card", 100L)).answering()).containsExactly(payB);
        assertThat(authorise(rules, RoutingFacts.NONE).answering())
                .as("capture, void, refund, resume, notifications look up the installation that holds the payment")
                .containsExactly(payA, payB, payC);
    }

    @Test
    void orderEventsAndHealthGoToEveryProviderWhateverTheRules() {
        List<AnswerRule> rules = List.of(AnswerRule.single(Set.of(), id(swissTax)));

        assertThat(AnsweringResolver.resolve(
                                ExtensionPoint.HEALTH, rules, List.of(generalTax, swissTax, payA), RoutingFacts.NONE)
                        .answering())
                .containsExactly(generalTax, swissTax, payA);
    }

    @Test
    void routingFactsRefuseWhatCannotBeRouted() {
        assertThatThrownBy(() -> pay("BR", "BRL", "pix", -1L)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new RoutingFacts(null, null, null, 100L)).hasMessageContaining("currency");
        assertThatThrownBy(() -> pay("BR", "BRL", " ", 1L)).hasMessageContaining("blank");
        assertThat(RoutingFacts.NONE.withMethod("pix").methodCode()).isEqualTo("pix");
    }
}
