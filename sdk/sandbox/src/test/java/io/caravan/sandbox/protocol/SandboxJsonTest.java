package io.caravan.sandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.StoredValue;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.DutyTreatment;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SDK values cross the sandbox protocol unchanged, and what the SDK would refuse is refused. */
class SandboxJsonTest {
    static Cart cart() {
        LineItem line = new LineItem(
                "l1",
                "sku-1",
                "Mug",
                2,
                Money.ofMinor(1_000, "EUR"),
                400,
                HsCode.of("691200"),
                CountryCode.of("PT"),
                CountryCode.of("PT"),
                TaxCategory.STANDARD);
        return new Cart(
                Currency.getInstance("EUR"),
                PriceDisplay.EXCLUDING_TAX,
                List.of(line),
                Money.ofMinor(500, "EUR"),
                new Address(CountryCode.of("DE"), null, null, "City", List.of(), null),
                new Customer("c1", null, null, null),
                LocalDate.parse("2026-11-23"));
    }

    static TaxQuote quote(BigDecimal rate) {
        Money base = Money.ofMinor(2_000, "EUR");
        return new TaxQuote(
                Currency.getInstance("EUR"),
                PriceDisplay.EXCLUDING_TAX,
                DutyTreatment.DAP,
                List.of(new TaxLine(
                        "l1", base, Money.ofMinor(200, "EUR"), rate, "DE", "r", "10 %", CollectedAt.CHECKOUT)),
                List.of(),
                List.of(),
                List.of("n"));
    }

    @Test
    void sdk_values_round_trip_exactly_scale_of_decimals_included() {
        TaxQuote quote = quote(new BigDecimal("0.10"));
        TaxQuote back = SandboxJson.read(SandboxJson.tree(quote), TaxQuote.class);
        assertThat(back).isEqualTo(quote);
        assertThat(back.lineTaxes().get(0).rate().scale()).isEqualTo(2);

        Cart cart = cart();
        assertThat(SandboxJson.read(SandboxJson.tree(cart), Cart.class)).isEqualTo(cart);

        StoredValue stored = new StoredValue(new byte[] {0, 1, (byte) 255}, 3, Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(SandboxJson.read(SandboxJson.tree(stored), StoredValue.class))
                .isEqualTo(stored);
    }

    @Test
    void an_answer_the_sdk_refuses_is_not_read() {
        JsonNode node = SandboxJson.tree(quote(new BigDecimal("0.10")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("currency", "JPY");
        assertThatThrownBy(() -> SandboxJson.read(node, TaxQuote.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TaxQuote");
    }

    @Test
    void a_number_of_a_thousand_digits_or_an_unknown_field_is_refused() throws IOException {
        String huge = "{\"type\":\"answer\",\"body\":{\"id\":1,\"value\":" + "9".repeat(1_000) + "}}";
        assertThatThrownBy(() -> SandboxJson.envelope(huge.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("Number value length");
        JsonNode extra = SandboxJson.tree(new Ready(1, "1.0.0"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) extra).put("admin", true);
        assertThatThrownBy(() -> SandboxJson.read(extra, Ready.class)).hasMessageContaining("admin");
    }

    @Test
    void a_frame_larger_than_allowed_is_a_protocol_error() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeInt(SandboxProtocol.MAX_FRAME_FROM_WORKER + 1);
        FrameChannel channel = new FrameChannel(
                new ByteArrayInputStream(bytes.toByteArray()),
                new ByteArrayOutputStream(),
                SandboxProtocol.MAX_FRAME_FROM_WORKER);
        assertThatThrownBy(channel::receive).isInstanceOf(FrameChannel.ProtocolException.class);
    }

    @Test
    void messages_cross_a_channel_both_ways() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        new FrameChannel(new ByteArrayInputStream(new byte[0]), wire, 1 << 20)
                .send(SandboxProtocol.READY, new Ready(1, "1.0.0"));
        Envelope read = new FrameChannel(
                        new ByteArrayInputStream(wire.toByteArray()), new ByteArrayOutputStream(), 1 << 20)
                .receive();
        assertThat(read.type()).isEqualTo(SandboxProtocol.READY);
        assertThat(SandboxJson.read(read.body(), Ready.class)).isEqualTo(new Ready(1, "1.0.0"));
    }
}
