package io.caravan.test.echotax;

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginDescriptor;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.net.URI;
import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.EgressRequest;
import io.caravan.sdk.plugin.PluginStorage;
import io.caravan.sdk.plugin.StoredValue;

/**
 * A well-behaved, deterministic tax calculator for host tests: every cart line is taxed at 10 %
 * of its amount (unit price × quantity, HALF_EVEN on minor units), jurisdiction = the ship-to
 * country, rule id {@code "echo-<version>"} where the version is read from the bundle's own
 * descriptor, so a test can tell which bundle version answered. No shipping taxes, no duties.
 * The optional configuration {@code "label"} is appended to every explanation.
 */
public final class EchoTaxCalculator implements TaxCalculator {

    /** The rate applied to every line. */
    public static final BigDecimal RATE = new BigDecimal("0.10");

    private final String ruleId;

    /** Reads the bundle's version from its descriptor. */
    public EchoTaxCalculator() {
        this.ruleId = "echo-" + ownVersion(getClass().getClassLoader());
    }

    @Override
    public TaxQuote quote(PluginContext context, Cart cart) {
        String label = context.configuration().string("/label").orElse(null);
        if (context.configuration().bool("/countCalls").orElse(false)) {
            label = (label == null ? "" : label + " ") + "call #" + countCall(context.storage());
        }
        Optional<io.caravan.sdk.plugin.Secret> apiKey = context.configuration().has("/apiKey")
                ? context.configuration().secret("/apiKey") : Optional.empty();
        if (apiKey.isPresent()) {
            label = (label == null ? "" : label + " ") + "key length " + apiKey.get().reveal().length();
        }
        String probe = context.configuration().string("/probeUrl").orElse(null);
        if (probe != null) {
            label = (label == null ? "" : label + " ") + "probe " + probe(context.http(), probe);
        }
        String country = cart.destination().code();
        List<TaxLine> lines = new ArrayList<>();
        for (LineItem line : cart.lines()) {
            Money amount = line.netAmount();
            String explanation = "Echo tax 10 % (" + ruleId + ")" + (label == null ? "" : " " + label);
            lines.add(new TaxLine(line.lineId(), amount, amount.multiply(RATE, RoundingMode.HALF_EVEN), RATE,
                    country, ruleId, explanation, CollectedAt.CHECKOUT));
        }
        return new TaxQuote(cart.currency(), cart.prices(), DutyTreatment.DAP, lines, List.of(), List.of(), List.of(),
                List.of());
    }

    /** Increments the stored counter with compare-and-set, so concurrent calls never lose a count. */
    static long countCall(PluginStorage storage) {
        while (true) {
            Optional<StoredValue> current = storage.get("calls");
            long count = current.map(v -> Long.parseLong(new String(v.value(), StandardCharsets.US_ASCII))).orElse(0L) + 1;
            OptionalLong written = storage.compareAndSet("calls", current.map(StoredValue::version).orElse(0L),
                    Long.toString(count).getBytes(StandardCharsets.US_ASCII));
            if (written.isPresent()) {
                return count;
            }
        }
    }

    /** GETs the URL through the platform's egress client; the answer's status code. */
    static int probe(EgressHttp http, String url) {
        try {
            return http.send(EgressRequest.get(URI.create(url))).status();
        } catch (IOException e) {
            throw new UncheckedIOException("probe of " + url + " failed", e);
        }
    }

    /**
     * The {@code "version"} member of the descriptor the loader sees at
     * {@link PluginDescriptor#RESOURCE_PATH}, found with a plain string search (no JSON library:
     * a plugin imports only the SDK and {@code java.*}).
     */
    static String ownVersion(ClassLoader loader) {
        URL url = loader.getResource(PluginDescriptor.RESOURCE_PATH);
        if (url == null) {
            throw new IllegalStateException("No " + PluginDescriptor.RESOURCE_PATH + " visible to " + loader);
        }
        String json;
        try (InputStream in = url.openStream()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        }
        int key = json.indexOf("\"version\"");
        int colon = key < 0 ? -1 : json.indexOf(':', key + "\"version\"".length());
        int open = colon < 0 ? -1 : json.indexOf('"', colon + 1);
        int close = open < 0 ? -1 : json.indexOf('"', open + 1);
        if (close < 0) {
            throw new IllegalStateException(url + " has no \"version\" string");
        }
        return json.substring(open + 1, close);
    }
}
