package io.caravan.platform.marketplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.RoutingFacts;
import io.caravan.platform.marketplace.domain.AnswerRule;
import io.caravan.platform.marketplace.domain.Installation;
import io.caravan.platform.tenancy.application.StoreContext;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.StoreRole;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.plugin.ExtensionPoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What installing, disabling, enabling and uninstalling do to a store's answering rules, and how
 * the merchant's rules are validated, on {@link InstallationsTest}'s fixture (the echo bundle's real
 * descriptor, in-memory rows and audit).
 */
class AnsweringRulesTest {
    static final String OTHER = "other-tax";
    static final String TAX = ExtensionPoint.TAX_CALCULATOR.name();

    final InstallationsTest fixture;
    final Installations installations;
    final AnsweringRules answering;
    final StoreContext store;

    AnsweringRulesTest() throws IOException {
        fixture = new InstallationsTest();
        fixture.otherPlugin(OTHER);
        installations = fixture.installations;
        answering = fixture.answering;
        store = fixture.store;
    }

    List<AnswerRule> taxRules() {
        return fixture.answeringRows.rules("s-1", TAX);
    }

    List<AuditEntry> audited(String action) {
        List<AuditEntry> found = new ArrayList<>(
                fixture.audit.stream().filter(e -> e.action().equals(action)).toList());
        Collections.reverse(found); // the fixture keeps the latest first
        return found;
    }

    /** Who answers a tax call to {@code country}, as the directory would resolve it now. */
    List<String> taxAnswer(String country) {
        List<InstalledPlugin> enabled = new ArrayList<>();
        for (InstallationDetails d : installations.list(store)) {
            if (d.installation().isEnabled()) {
                enabled.add(new InstalledPlugin(
                        new io.caravan.platform.shared.domain.InstallationId(
                                d.installation().id()),
                        store.ref(),
                        fixture.installations.artifacts.of(d.release()),
                        io.caravan.runtime.JsonPluginConfiguration.parse("{}", Set.of())));
            }
        }
        return AnsweringResolver.resolve(
                        ExtensionPoint.TAX_CALCULATOR,
                        taxRules(),
                        enabled,
                        RoutingFacts.destination(CountryCode.of(country)))
                .answering()
                .stream()
                .map(p -> p.pluginId().value())
                .toList();
    }

    static AnsweringRuleInput rule(List<String> countries, String installationId) {
        return new AnsweringRuleInput(countries, null, null, null, null, installationId, null);
    }

    @Test
    void theFirstTaxPluginAnswersByDefaultAndASecondDoesNotTakeOver() {
        InstallationDetails first = installations.install(store, InstallationsTest.PLUGIN, "1.0.0", "{}");

        assertThat(taxRules())
                .containsExactly(
                        AnswerRule.single(Set.of(), first.installation().id()));
        assertThat(audited("answering.default-set"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail())
                        .isEqualTo("test-echo-tax answers TAX_CALCULATOR by default because nothing did"));
        assertThat(first.answering().answers())
                .extracting(InstallationAnswers.Answer::point)
                .containsExactlyInAnyOrder("TAX_CALCULATOR", "HEALTH");

        InstallationDetails second = installations.install(store, OTHER, "1.0.0", "{}");

        assertThat(taxRules())
                .as("unchanged")
                .containsExactly(
                        AnswerRule.single(Set.of(), first.installation().id()));
        assertThat(audited("answering.default-set")).hasSize(1);
        assertThat(second.answering().answers())
                .extracting(InstallationAnswers.Answer::point)
                .containsExactly("HEALTH");
        assertThat(second.answering().notAnswering()).singleElement().satisfies(n -> {
            assertThat(n.point()).isEqualTo(TAX);
            assertThat(n.why())
                    .contains("answered by default by test-echo-tax")
                    .contains("PUT /api/stores/shop/answering/TAX_CALCULATOR");
        });
        assertThat(taxAnswer("DE")).containsExactly(InstallationsTest.PLUGIN);
    }

    @Test
    void aCountryRuleForTheSecondPluginThenItsDisableLeavesThatCountryUnanswered() {
        Installation general = installations
                .install(store, InstallationsTest.PLUGIN, "1.0.0", "{}")
                .installation();
        Installation swiss = installations.install(store, OTHER, "1.0.0", "{}").installation();

        AnsweringOverview.PointView view = answering.replace(
                store, TAX, List.of(rule(List.of(), general.id()), rule(List.of("CH", "LI"), swiss.id())));

        assertThat(view.whoAnswers()).containsExactly("CH, LI: other-tax", "every other call: test-echo-tax");
        assertThat(taxAnswer("CH")).containsExactly(OTHER);
        assertThat(taxAnswer("DE")).containsExactly(InstallationsTest.PLUGIN);
        assertThat(audited("answering.rules-replaced"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail())
                        .isEqualTo("before: [* -> test-echo-tax]; after: [* -> test-echo-tax; CH,LI -> other-tax]"));
        assertThat(fixture.market.signals).contains("invalidate s-1");

        InstallationDetails disabled = installations.disable(store, OTHER, "trying another");

        assertThat(disabled.answering().leftUnanswered()).containsExactly("TAX_CALCULATOR for CH, LI");
        assertThat(taxAnswer("CH")).as("never silently the default").isEmpty();
        assertThat(taxAnswer("DE")).containsExactly(InstallationsTest.PLUGIN);
        assertThat(taxRules().get(1).vacated())
                .contains("other-tax was disabled")
                .contains("trying another");
        assertThat(audited("answering.rules-vacated")).hasSize(1);

        installations.enable(store, OTHER);
        assertThat(taxAnswer("CH"))
                .as("re-enabling answers nothing the merchant did not choose")
                .isEmpty();
    }

    @Test
    void disablingTheOnlyAnswerAndEnablingItAgainBringsItBackAsTheDefault() {
        installations.install(store, InstallationsTest.PLUGIN, "1.0.0", "{}");

        installations.disable(store, InstallationsTest.PLUGIN, null);
        assertThat(taxAnswer("DE")).isEmpty();
        installations.install(store, OTHER, "1.0.0", "{}");
        assertThat(taxAnswer("DE"))
                .as("nobody answered: the new installation becomes the default")
                .containsExactly(OTHER);

        installations.enable(store, InstallationsTest.PLUGIN);
        assertThat(taxAnswer("DE"))
                .as("someone answers now: enabling does not take over")
                .containsExactly(OTHER);
    }

    @Test
    void uninstallingTheAnswerSaysWhichCallsAnswerNobody() {
        installations.install(store, InstallationsTest.PLUGIN, "1.0.0", "{}");

        List<String> unanswered = installations.uninstall(store, InstallationsTest.PLUGIN, false);

        assertThat(unanswered).containsExactly("TAX_CALCULATOR by default");
        assertThat(taxRules()).singleElement().satisfies(r -> {
            assertThat(r.installationIds()).isEmpty();
            assertThat(r.vacated()).contains("was uninstalled");
        });
        installations.install(store, InstallationsTest.PLUGIN, "1.0.0", "{}");
        assertThat(taxAnswer("DE"))
                .as("installed again where nobody answered")
                .containsExactly(InstallationsTest.PLUGIN);
    }

    @Test
    void everyBadFieldIsNamedAndNothingChanges() {
        Installation general = installations
                .install(store, InstallationsTest.PLUGIN, "1.0.0", "{}")
                .installation();
        Installation swiss = installations.install(store, OTHER, "1.0.0", "{}").installation();
        installations.disable(store, OTHER, null);
        List<AnswerRule> before = taxRules();

        assertThatThrownBy(() -> answering.replace(
                        store,
                        TAX,
                        List.of(
                                rule(List.of("ch", "ZZ"), general.id()),
                                rule(List.of(), "no-such-installation"),
                                rule(List.of("DE"), swiss.id()),
                                new AnsweringRuleInput(
                                        List.of("FR"), List.of("EUR"), List.of("pix"), 1L, 2L, null, null),
                                rule(List.of(), general.id()),
                                rule(List.of(), general.id()))))
                .isInstanceOfSatisfying(
                        InvalidAnsweringRulesException.class,
                        e -> assertThat(e.errors())
                                .extracting(InvalidAnsweringRulesException.FieldError::field)
                                .containsExactly(
                                        "rules[0].countries[0]",
                                        "rules[0].countries[1]",
                                        "rules[1].installationId",
                                        "rules[2].installationId",
                                        "rules[3].currencies",
                                        "rules[3].methodCodes",
                                        "rules[3].minAmountMinor",
                                        "rules[3].maxAmountMinor",
                                        "rules[3].installationId",
                                        "rules[5]"));
        assertThat(taxRules()).isEqualTo(before);
        assertThat(audited("answering.rules-replaced")).isEmpty();
    }

    @Test
    void anotherStoresInstallationReadsLikeOneThatDoesNotExist() {
        StoreContext other = new StoreContext("s-2", "other-shop", Actor.user("kenji"), StoreRole.OWNER);
        Installation theirs = installations
                .install(other, InstallationsTest.PLUGIN, "1.0.0", "{}")
                .installation();
        installations.install(store, InstallationsTest.PLUGIN, "1.0.0", "{}");

        assertThatThrownBy(() -> answering.replace(store, TAX, List.of(rule(List.of(), theirs.id()))))
                .isInstanceOfSatisfying(
                        InvalidAnsweringRulesException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(f -> {
                            assertThat(f.field()).isEqualTo("rules[0].installationId");
                            assertThat(f.message()).isEqualTo("no installation '" + theirs.id() + "' in this store");
                        }));
    }

    @Test
    void aSingleAnswerPointTakesOneInstallationPerRuleAndAtMostAHundredRules() {
        Installation general = installations
                .install(store, InstallationsTest.PLUGIN, "1.0.0", "{}")
                .installation();

        assertThatThrownBy(() -> answering.replace(
                        store,
                        TAX,
                        List.of(new AnsweringRuleInput(null, null, null, null, null, null, List.of(general.id())))))
                .isInstanceOfSatisfying(
                        InvalidAnsweringRulesException.class,
                        e -> assertThat(e.errors())
                                .extracting(InvalidAnsweringRulesException.FieldError::field)
                                .containsExactly("rules[0].installationIds", "rules[0].installationId"));
        List<AnsweringRuleInput> many = new ArrayList<>();
        for (int i = 0; i <= AnsweringRules.MAX_RULES; i++) {
            many.add(rule(List.of(), general.id()));
        }
        assertThatThrownBy(() -> answering.replace(store, TAX, many))
                .isInstanceOfSatisfying(
                        InvalidAnsweringRulesException.class,
                        e -> assertThat(e.errors())
                                .singleElement()
                                .satisfies(f -> assertThat(f.field()).isEqualTo("rules")));
        assertThatThrownBy(() -> answering.replace(store, "HEALTH", List.of()))
                .isInstanceOfSatisfying(
                        InvalidAnsweringRulesException.class,
                        e -> assertThat(e.errors())
                                .singleElement()
                                .satisfies(f -> assertThat(f.field()).isEqualTo("point")));
        assertThatThrownBy(() -> answering.replace(store, "NO_SUCH_POINT", List.of()))
                .isInstanceOf(io.caravan.platform.shared.domain.NotFoundException.class);
    }

    @Test
    void anEmptyListRemovesEveryRuleAndTheOverviewSaysNobodyAnswers() {
        installations.install(store, InstallationsTest.PLUGIN, "1.0.0", "{}");

        AnsweringOverview.PointView view = answering.replace(store, TAX, List.of());

        assertThat(view.rules()).isEmpty();
        assertThat(view.whoAnswers()).containsExactly("every call: nobody (no default rule)");
        assertThat(view.candidates())
                .extracting(AnsweringOverview.Candidate::pluginId)
                .containsExactly("test-echo-tax");
        assertThat(answering.overview(store).points())
                .extracting(AnsweringOverview.PointView::point)
                .containsExactlyInAnyOrder("TAX_CALCULATOR", "HEALTH");
    }
}
