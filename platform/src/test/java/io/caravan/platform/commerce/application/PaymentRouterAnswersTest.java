package io.caravan.platform.commerce.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.commerce.domain.AttemptOutcome;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.payments.AuthorizationResult;
import io.caravan.sdk.payments.Decline;
import io.caravan.sdk.payments.DeclineCategory;
import io.caravan.sdk.payments.PaymentAction;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the router makes of each answer: only definite failures may move on to the next provider. */
class PaymentRouterAnswersTest {
    private static final Money ASKED = Money.ofMinor(5000, "EUR");

    @Test
    void only_a_decline_or_not_attempted_allows_the_next_provider() {
        assertThat(outcome(AuthorizationResult.declined(
                        "psp_1", new Decline(DeclineCategory.SOFT, "insufficient_funds", "Insufficient funds"))))
                .satisfies(o -> {
                    assertThat(o.outcome()).isEqualTo(AttemptOutcome.DECLINED);
                    assertThat(o.outcome().allowsNextProvider()).isTrue();
                    assertThat(o.declineCategory()).isEqualTo("SOFT");
                    assertThat(o.declineCode()).isEqualTo("insufficient_funds");
                    assertThat(o.providerReference()).isEqualTo("psp_1");
                });
        assertThat(outcome(AuthorizationResult.notAttempted("method unavailable"))
                        .outcome()
                        .allowsNextProvider())
                .isTrue();
        for (AuthorizationResult stays : new AuthorizationResult[] {
            AuthorizationResult.unknown(null, "timeout"),
            AuthorizationResult.authorized("psp_2", ASKED, null),
            AuthorizationResult.captured("psp_3", ASKED),
            AuthorizationResult.pending("psp_4", ASKED, Instant.parse("2026-12-05T00:00:00Z")),
            AuthorizationResult.actionRequired("psp_5", PaymentAction.redirect(URI.create("https://pay.example/3ds")))
        }) {
            assertThat(outcome(stays).outcome().allowsNextProvider())
                    .as(stays.status().name())
                    .isFalse();
        }
    }

    @Test
    void an_action_is_kept_for_the_storefront_with_its_type_and_url() {
        OrderWrites.AuthorizationOutcome o = outcome(AuthorizationResult.actionRequired(
                "psp_5", PaymentAction.redirect(URI.create("https://pay.example/3ds/psp_5"))));
        PaymentRouter.ActionView action = CommerceJson.read(o.actionJson(), PaymentRouter.ActionView.class);
        assertThat(action.type()).isEqualTo("REDIRECT");
        assertThat(action.url()).isEqualTo("https://pay.example/3ds/psp_5");
    }

    @Test
    void an_answer_in_another_currency_or_for_more_than_asked_is_the_plugins_failure() {
        assertThatThrownBy(() -> PaymentRouter.checked(
                        AuthorizationResult.authorized("psp", Money.ofMinor(5000, "USD"), null), ASKED))
                .isInstanceOf(InvalidPluginAnswerException.class)
                .hasMessageContaining("USD");
        assertThatThrownBy(() -> PaymentRouter.checked(
                        AuthorizationResult.authorized("psp", Money.ofMinor(5001, "EUR"), null), ASKED))
                .isInstanceOf(InvalidPluginAnswerException.class)
                .hasMessageContaining("5001");
        assertThatThrownBy(() -> PaymentRouter.checked(null, ASKED)).isInstanceOf(InvalidPluginAnswerException.class);
        AuthorizationResult partial = AuthorizationResult.authorized("psp", Money.ofMinor(4000, "EUR"), null);
        assertThat(PaymentRouter.checked(partial, ASKED)).isSameAs(partial);
    }

    private static OrderWrites.AuthorizationOutcome outcome(AuthorizationResult r) {
        return PaymentRouter.outcomeOf(PaymentRouter.checked(r, ASKED));
    }
}
