package io.caravan.test.misbehaving;

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginRejectedException;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A tax calculator that misbehaves as the store's configuration tells it, for the platform's host
 * tests (deadlines, failure policies, circuit breakers, resource limits, leak detection).
 *
 * <p>Configuration: {@code mode} (default {@code "ok"}), {@code millis} (0..60000, default 0),
 * {@code megabytes} (0..512, default 0); out-of-range numbers are clamped, so every mode ends.
 * <ul>
 *   <li>{@code ok}: the echo-tax result (10 % of every line, HALF_EVEN, jurisdiction = ship-to
 *       country) with rule id {@value #OK_RULE_ID};</li>
 *   <li>{@code throw}: {@code IllegalStateException("misbehaving: told to throw")};</li>
 *   <li>{@code reject}: {@link PluginRejectedException} with code {@value #REJECT_CODE};</li>
 *   <li>{@code sleep}: {@code Thread.sleep(millis)}, then the ok result; if interrupted, the flag is
 *       set again and a {@code RuntimeException} is thrown;</li>
 *   <li>{@code spin}: a busy loop, deaf to interrupts, until {@code millis} have passed on
 *       {@link System#nanoTime()}, then the ok result;</li>
 *   <li>{@code allocate}: {@code megabytes} arrays of 1 MiB held in a local list, every 4 KiB page
 *       written, then the ok result (garbage once the call returns);</li>
 *   <li>{@code thread}: starts a platform thread named {@value #LEAK_THREAD_NAME} that sleeps
 *       {@code millis} and ends, and returns the ok result at once;</li>
 *   <li>{@code foreign-currency}: the ok result in JPY whatever the cart's currency (EUR carts get yen);</li>
 *   <li>{@code unknown-line}: the ok result plus a tax on a line {@value #UNKNOWN_LINE} the cart does not have;</li>
 *   <li>{@code giant-rate}: the ok result with the rate {@code 1E+100000000} (a 100-million-digit plain string);</li>
 *   <li>{@code class-loaders}: the ok result with one notice per object the plugin can see (the SDK's
 *       classes, the context and each of its parts), saying whether that object's class loader loads
 *       {@value #PLATFORM_CLASS}: {@code "<what>: reaches the platform"} or
 *       {@code "<what>: cannot reach the platform"}.</li>
 * </ul>
 * The last three are wrong answers the platform must refuse (it checks quotes against the cart).
 */
public final class MisbehavingTaxCalculator implements TaxCalculator {

    /** The rule id of every tax line of a successful quote. */
    public static final String OK_RULE_ID = "misbehaving-ok";

    /** The code of the {@code reject} mode's refusal. */
    public static final String REJECT_CODE = "destination_not_served";

    /** The name of the thread the {@code thread} mode starts. */
    public static final String LEAK_THREAD_NAME = "misbehaving-leak";

    /** The line id the {@code unknown-line} mode taxes. */
    public static final String UNKNOWN_LINE = "no-such-line";

    /** The platform class the {@code class-loaders} mode tries to load. */
    public static final String PLATFORM_CLASS = "io.caravan.platform.host.application.PluginHost";

    /** The rate of the ok result. */
    public static final BigDecimal RATE = new BigDecimal("0.10");

    private static final long MAX_MILLIS = 60_000;
    private static final long MAX_MEGABYTES = 512;
    private static final int MEGABYTE = 1 << 20;
    private static final int PAGE = 4096;

    /** Stateless. */
    public MisbehavingTaxCalculator() {}

    @Override
    public TaxQuote quote(PluginContext context, Cart cart) {
        PluginConfiguration conf = context.configuration();
        String mode = conf.string("/mode").orElse("ok");
        long millis = clamp(conf.integer("/millis").orElse(0), MAX_MILLIS);
        long megabytes = clamp(conf.integer("/megabytes").orElse(0), MAX_MEGABYTES);
        switch (mode) {
            case "ok" -> {
                // nothing to do
            }
            case "throw" -> throw new IllegalStateException("misbehaving: told to throw");
            case "reject" ->
                throw new PluginRejectedException(
                        REJECT_CODE,
                        "misbehaving: told to reject shipping to "
                                + cart.destination().code());
            case "sleep" -> sleep(millis);
            case "spin" -> spin(millis);
            case "allocate" -> allocate(megabytes);
            case "thread" -> leakThread(millis);
            case "foreign-currency", "unknown-line", "giant-rate" -> {
                return wrong(cart, mode);
            }
            case "class-loaders" -> {
                TaxQuote ok = ok(cart, mode);
                return new TaxQuote(
                        ok.currency(),
                        ok.prices(),
                        ok.dutyTreatment(),
                        ok.lineTaxes(),
                        ok.shippingTaxes(),
                        List.of(),
                        ok.duties(),
                        classLoaders(context));
            }
            default -> throw new IllegalArgumentException("misbehaving: unknown mode \"" + mode + "\"");
        }
        return ok(cart, mode);
    }

    private static long clamp(long value, long max) {
        return Math.max(0, Math.min(value, max));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException("misbehaving: interrupted while sleeping", e);
        }
    }

    private static void spin(long millis) {
        long start = System.nanoTime();
        long nanos = millis * 1_000_000L;
        while (System.nanoTime() - start < nanos) {
            Thread.onSpinWait();
        }
    }

    private static void allocate(long megabytes) {
        List<byte[]> held = new ArrayList<>();
        long touched = 0;
        for (long i = 0; i < megabytes; i++) {
            byte[] chunk = new byte[MEGABYTE];
            for (int p = 0; p < chunk.length; p += PAGE) {
                chunk[p] = 1;
                touched++;
            }
            held.add(chunk);
        }
        if (held.size() != megabytes || touched != megabytes * (MEGABYTE / PAGE)) {
            throw new AssertionError("misbehaving: allocated " + held.size() + " MiB");
        }
    }

    private static void leakThread(long millis) {
        Thread leak = new Thread(
                () -> {
                    try {
                        Thread.sleep(millis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                LEAK_THREAD_NAME);
        leak.setDaemon(true);
        leak.start();
    }

    private static List<String> classLoaders(PluginContext context) {
        List<String> notices = new ArrayList<>();
        notices.add(probe("TaxCalculator.class", TaxCalculator.class));
        notices.add(probe("context", context.getClass()));
        notices.add(probe("configuration", context.configuration().getClass()));
        notices.add(probe("storage", context.storage().getClass()));
        notices.add(probe("http", context.http().getClass()));
        notices.add(probe("clock", context.clock().getClass()));
        notices.add(probe("logger", context.logger().getClass()));
        return notices;
    }

    private static String probe(String what, Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null) {
            return what + ": cannot reach the platform (a JDK class)";
        }
        try {
            loader.loadClass(PLATFORM_CLASS);
            return what + ": reaches the platform";
        } catch (ClassNotFoundException | LinkageError e) {
            return what + ": cannot reach the platform";
        }
    }

    private static TaxQuote wrong(Cart cart, String mode) {
        TaxQuote ok = ok(cart, mode);
        List<TaxLine> lines = new ArrayList<>();
        Currency currency = cart.currency();
        for (TaxLine t : ok.lineTaxes()) {
            switch (mode) {
                case "foreign-currency" -> {
                    currency = Currency.getInstance("JPY");
                    lines.add(new TaxLine(
                            t.lineRef(),
                            new Money(t.taxableAmount().minorUnits(), currency),
                            new Money(t.taxAmount().minorUnits(), currency),
                            t.rate(),
                            t.jurisdiction(),
                            t.ruleId(),
                            t.explanation(),
                            t.collectedAt()));
                }
                case "giant-rate" ->
                    lines.add(new TaxLine(
                            t.lineRef(),
                            t.taxableAmount(),
                            t.taxAmount(),
                            new BigDecimal("1E+100000000"),
                            t.jurisdiction(),
                            t.ruleId(),
                            t.explanation(),
                            t.collectedAt()));
                default -> lines.add(t);
            }
        }
        if (mode.equals("unknown-line")) {
            TaxLine t = ok.lineTaxes().get(0);
            lines.add(new TaxLine(
                    UNKNOWN_LINE,
                    t.taxableAmount(),
                    t.taxAmount(),
                    t.rate(),
                    t.jurisdiction(),
                    t.ruleId(),
                    t.explanation(),
                    t.collectedAt()));
        }
        return new TaxQuote(
                currency, cart.prices(), DutyTreatment.DAP, lines, List.of(), List.of(), List.of(), List.of());
    }

    private static TaxQuote ok(Cart cart, String mode) {
        String country = cart.destination().code();
        List<TaxLine> lines = new ArrayList<>();
        for (LineItem line : cart.lines()) {
            Money amount = line.netAmount();
            lines.add(new TaxLine(
                    line.lineId(),
                    amount,
                    amount.multiply(RATE, RoundingMode.HALF_EVEN),
                    RATE,
                    country,
                    OK_RULE_ID,
                    "Misbehaving test tax 10 % (mode " + mode + ")",
                    CollectedAt.CHECKOUT));
        }
        return new TaxQuote(
                cart.currency(), cart.prices(), DutyTreatment.DAP, lines, List.of(), List.of(), List.of(), List.of());
    }
}
