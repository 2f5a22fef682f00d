package io.caravan.platform.marketplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.sdk.model.OrderEventType;
import io.caravan.sdk.plugin.DataScope;
import io.caravan.sdk.plugin.Permissions;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a merchant consented to, against what a version declares: missing, covered, merged, stored. */
class ConsentTest {
    static final Permissions ALL = new Permissions(
            Set.of("api.tax.example", "b.example"),
            Set.of(OrderEventType.CONFIRMED, OrderEventType.PLACED),
            Set.of(DataScope.CUSTOMER_CONTACT));
    static final Consent NONE = new Consent(null, null, null);

    @Test
    void consentToAVersionCoversExactlyWhatItDeclares() {
        Consent consent = Consent.to(ALL);

        assertThat(consent.egressHosts()).containsExactlyInAnyOrder("api.tax.example", "b.example");
        assertThat(consent.events()).containsExactlyInAnyOrder("CONFIRMED", "PLACED");
        assertThat(consent.data()).containsExactly("CUSTOMER_CONTACT");
        assertThat(consent.missing(ALL).isEmpty()).isTrue();
        consent.requireCovers(ALL, "installing echo 1.0.0");
    }

    @Test
    void eachMissingPartIsNamedInTheRefusal() {
        assertThat(NONE.isEmpty()).isTrue();
        assertThat(NONE.missing(ALL)).isEqualTo(Consent.to(ALL));

        assertThatThrownBy(() -> NONE.requireCovers(ALL, "installing echo 1.0.0"))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("installing echo 1.0.0 needs your consent to calling [api.tax.example, b.example],"
                        + " receiving order events [CONFIRMED, PLACED], reading [CUSTOMER_CONTACT];"
                        + " send it in \"consent\" (see the listing's permissions)");
    }

    @Test
    void onlyWhatIsMissingIsNamed() {
        Consent hostsOnly = new Consent(Set.of("api.tax.example", "b.example"), Set.of(), Set.of());
        Consent eventsOnly = new Consent(Set.of(), Set.of("CONFIRMED", "PLACED"), Set.of());

        assertThat(hostsOnly.missing(ALL).describe())
                .isEqualTo("receiving order events [CONFIRMED, PLACED], reading [CUSTOMER_CONTACT]");
        assertThat(eventsOnly.missing(ALL).describe())
                .isEqualTo("calling [api.tax.example, b.example], reading [CUSTOMER_CONTACT]");
        assertThat(new Consent(Set.of(), Set.of(), Set.of("CUSTOMER_CONTACT")).describe())
                .isEqualTo("reading [CUSTOMER_CONTACT]");
        assertThat(new Consent(Set.of(), Set.of("CONFIRMED"), Set.of()).describe())
                .isEqualTo("receiving order events [CONFIRMED]");
        assertThat(NONE.describe()).isEmpty();
    }

    @Test
    void aConsentMissingOnePartIsNotEmptyAndIsRefused() {
        Consent noData = new Consent(Set.of("api.tax.example", "b.example"), Set.of("CONFIRMED", "PLACED"), Set.of());
        Consent noEvents = new Consent(Set.of("api.tax.example", "b.example"), Set.of(), Set.of("CUSTOMER_CONTACT"));
        Consent noHosts = new Consent(Set.of(), Set.of("CONFIRMED", "PLACED"), Set.of("CUSTOMER_CONTACT"));

        for (Consent partial : new Consent[] {noData, noEvents, noHosts}) {
            assertThat(partial.isEmpty()).isFalse();
            assertThat(partial.missing(ALL).isEmpty()).isFalse();
            assertThatThrownBy(() -> partial.requireCovers(ALL, "x")).isInstanceOf(StateConflictException.class);
        }
    }

    @Test
    void plusIsTheUnionOfBoth() {
        Consent a = new Consent(Set.of("a.example"), Set.of("CONFIRMED"), Set.of());
        Consent b = new Consent(Set.of("b.example"), Set.of("PLACED"), Set.of("CUSTOMER_CONTACT"));

        Consent both = a.plus(b);

        assertThat(both.egressHosts()).containsExactlyInAnyOrder("a.example", "b.example");
        assertThat(both.events()).containsExactlyInAnyOrder("CONFIRMED", "PLACED");
        assertThat(both.data()).containsExactly("CUSTOMER_CONTACT");
        assertThat(a.egressHosts()).containsExactly("a.example");
    }

    @Test
    void jsonRoundTripsSortedAndNullMeansNothing() {
        Consent consent = Consent.to(ALL);

        assertThat(consent.toJson())
                .isEqualTo("{\"egressHosts\":[\"api.tax.example\",\"b.example\"],\"events\":[\"CONFIRMED\",\"PLACED\"],"
                        + "\"data\":[\"CUSTOMER_CONTACT\"]}");
        assertThat(Consent.fromJson(consent.toJson())).isEqualTo(consent);
        assertThat(Consent.fromJson(null)).isEqualTo(NONE);
        assertThat(Consent.fromJson("{\"events\":[\"CONFIRMED\"]}"))
                .isEqualTo(new Consent(Set.of(), Set.of("CONFIRMED"), Set.of()));
    }
}
