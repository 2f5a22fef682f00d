package io.caravan.platform.commerce.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckoutRequestTest {
    private static final CheckoutRequest.Shopper SHOPPER =
            new CheckoutRequest.Shopper("ana@example.com", "DE", "de-DE", "EUR");
    private static final CheckoutRequest.ShipTo SHIP_TO =
            new CheckoutRequest.ShipTo("Ana Silva", List.of("Hauptstr. 1"), "Berlin", null, "10115", "DE", null);

    private static CheckoutRequest with(List<CheckoutRequest.LineRequest> lines) {
        return new CheckoutRequest(SHOPPER, SHIP_TO, lines, Map.of(), null);
    }

    @Test
    void a_good_request_passes() {
        with(List.of(new CheckoutRequest.LineRequest("MUG-AZUL", 2))).validate(Set.of("DE", "PT"));
    }

    @Test
    void every_bad_field_is_named_at_once() {
        CheckoutRequest bad = new CheckoutRequest(
                new CheckoutRequest.Shopper("not-an-email", "XX", "??-!!", "EURO"),
                new CheckoutRequest.ShipTo(null, List.of(), "", null, null, "DE", null),
                List.of(
                        new CheckoutRequest.LineRequest("MUG AZUL", 1),
                        new CheckoutRequest.LineRequest("PLATE", -1),
                        new CheckoutRequest.LineRequest("PLATE", 10_000),
                        new CheckoutRequest.LineRequest(null, null)),
                Map.of(),
                "Card!");
        assertThatThrownBy(() -> bad.validate(Set.of()))
                .isInstanceOfSatisfying(
                        InvalidFieldsException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidFieldsException.FieldProblem::field)
                                .containsExactly(
                                        "shopper.email",
                                        "shopper.country",
                                        "shopper.locale",
                                        "shopper.currency",
                                        "shipTo.name",
                                        "shipTo.lines",
                                        "shipTo.city",
                                        "lines[0].sku",
                                        "lines[1].quantity",
                                        "lines[2].sku",
                                        "lines[2].quantity",
                                        "lines[3].sku",
                                        "lines[3].quantity",
                                        "paymentMethod"));
    }

    @Test
    void a_country_the_store_does_not_sell_to_is_refused_with_the_countries_it_does() {
        CheckoutRequest request = with(List.of(new CheckoutRequest.LineRequest("MUG-AZUL", 1)));
        assertThatThrownBy(() -> request.validate(Set.of("PT", "ES")))
                .isInstanceOfSatisfying(
                        InvalidFieldsException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(new InvalidFieldsException.FieldProblem(
                                        "shipTo.country", "the store does not sell to DE (it sells to ES, PT)")));
    }

    @Test
    void ten_thousand_lines_are_refused_not_truncated() {
        List<CheckoutRequest.LineRequest> lines = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            lines.add(new CheckoutRequest.LineRequest("SKU-" + i, 1));
        }
        assertThatThrownBy(() -> with(lines).validate(Set.of()))
                .isInstanceOfSatisfying(
                        InvalidFieldsException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(new InvalidFieldsException.FieldProblem(
                                        "lines", "has 10000 lines; a checkout takes at most 250")));
        List<CheckoutRequest.LineRequest> atLimit = lines.subList(0, CheckoutRequest.MAX_LINES);
        with(atLimit).validate(Set.of());
    }
}
