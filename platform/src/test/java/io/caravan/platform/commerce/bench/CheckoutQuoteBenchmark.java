package io.caravan.platform.commerce.bench;

import io.caravan.platform.commerce.application.PluginAnswers;
import io.caravan.platform.commerce.application.TaxQuoteCheck;
import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.InvokerSettings;
import io.caravan.platform.host.application.LoadedPlugin;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.host.application.PluginDirectory;
import io.caravan.platform.host.application.PluginFailedException;
import io.caravan.platform.host.application.PluginInvoker;
import io.caravan.platform.host.application.PluginOutcome;
import io.caravan.platform.host.application.PluginPoint;
import io.caravan.platform.host.application.PluginRuntime;
import io.caravan.platform.host.application.RoutingFacts;
import io.caravan.platform.host.infrastructure.felix.FelixBundleHost;
import io.caravan.platform.marketplace.application.BundleArchive;
import io.caravan.platform.marketplace.infrastructure.FileArtifactStore;
import io.caravan.platform.shared.domain.InstallationId;
import io.caravan.platform.shared.domain.ReleaseId;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.runtime.JsonPluginConfiguration;
import io.caravan.runtime.PluginDescriptorReader;
import io.caravan.sdk.carriers.Consignment;
import io.caravan.sdk.carriers.ConsignmentLine;
import io.caravan.sdk.carriers.RateQuote;
import io.caravan.sdk.carriers.RateQuoter;
import io.caravan.sdk.carriers.RateRequest;
import io.caravan.sdk.carriers.RateResult;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.model.Dimensions;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.model.Goods;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.Parcel;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.model.Warehouse;
import io.caravan.sdk.model.WarehouseKind;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginDescriptor;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxQuote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue #10: a checkout quote's plugin work — the carriers plugin rating the consignment, then the
 * tax plugin on the lines and the chosen shipping — through the invoker, against the same plugin
 * code hard-wired. Goal: the invoked quote keeps at least 80 % of the hard-wired throughput, with a
 * p99 of at most 20 ms at 32 concurrent callers.
 *
 * <p>Both series run the steps of {@code CheckoutQuoting.compute} that touch plugins, in its order
 * and with its checks ({@link PluginAnswers#rates} on the carrier's answer, {@link
 * TaxQuoteCheck#check} on the tax plugin's), on a two-line cart shipped from the Rotterdam warehouse
 * to Berlin:
 *
 * <ul>
 *   <li>{@code invoker}: the real first-party bundles {@code caravan-plugin-carriers.jar} and
 *       {@code caravan-plugin-tax.jar} (from {@code target/test-bundles}) loaded by the real Felix host
 *       and runtime; every call through {@code PluginInvoker} — the directory lookup, quarantine,
 *       bulkhead and breaker, the sealed context, the inline call with the bundle's TCCL and the
 *       watchdog, metrics — as {@code PluginHost.call} does in the server;</li>
 *   <li>{@code hard-wired}, the baseline: the very extension instances the runtime loaded, called
 *       directly with a context built per call ({@link QuoteContext}), no invoker.</li>
 * </ul>
 *
 * What the rest of a quote costs in the server (catalogue and stock reads, allocation, payments
 * methods, JSON, HTTP) is the same for both and not included: the order-placement benchmark
 * ({@code it.bench.OrderPlacementBenchmark}) measures the whole path.
 *
 * <p>Closed loop: each caller thread quotes, records the latency, quotes again. Series alternate
 * in rounds (round 2 in the reverse order) so that the machine's drift hits both alike. Never run by
 * the build; run (see BENCHMARKS.md) from {@code platform/} after {@code test-compile}:
 *
 * <pre>
 * java -cp $CP io.caravan.platform.commerce.bench.CheckoutQuoteBenchmark [warmupSeconds measureSeconds rounds]
 * </pre>
 */
public final class CheckoutQuoteBenchmark implements AutoCloseable {
    static final Path BUNDLES = Path.of(System.getProperty("caravan.test.bundles", "target/test-bundles"));
    static final String CARRIERS_JAR = "caravan-plugin-carriers.jar";
    static final String TAX_JAR = "caravan-plugin-tax.jar";
    /** Stores, each with the carriers and tax plugins installed: one per caller at 32 callers. */
    static final int STORES = 32;

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final CountryCode DESTINATION = CountryCode.of("DE");
    /** As the ITs' shop configures it (Shops.open): origin Portugal, DDP, OSS and IOSS registered. */
    private static final String TAX_CONFIGURATION = "{\"originCountry\":\"PT\",\"dutyTreatment\":\"DDP\","
            + "\"registrations\":{\"oss\":true,\"iossNumber\":\"IM3720000001\"}}";
    /** The bundled demo rate card (Shenzhen hub, Rotterdam EU warehouse, US warehouse). */
    private static final String CARRIERS_CONFIGURATION = "{}";

    private final Path dir;
    private final FileArtifactStore artifacts;
    private final FelixBundleHost felix;
    private final PluginRuntime runtime;
    private final PluginDirectory directory;
    /** Replaced by a fresh one before each invoker window, so no window inherits a breaker or quarantine. */
    private volatile PluginInvoker invoker;
    /** Why invoked quotes were refused in the current window (digits masked), with counts. */
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    /** Store i's installations, first choice first: its carriers and its tax installation. */
    private final List<StoreRef> stores = new ArrayList<>();

    private final Map<String, List<InstalledPlugin>> installations = new ConcurrentHashMap<>();
    private final RateQuoter quoter;
    private final TaxCalculator calculator;
    private final Duration carrierDeadline;
    private final Duration taxDeadline;
    private final Clock clock = Clock.systemUTC();
    private final List<LineItem> lines = lines();
    private final Address shipTo =
            new Address(DESTINATION, null, "10115", "Berlin", List.of("Hauptstrasse 1"), "Ana Silva");
    private final Customer customer = new Customer("guest:ana@example.com", "ana@example.com", DESTINATION, null);
    private final Locale locale = Locale.forLanguageTag("de-DE");

    CheckoutQuoteBenchmark() {
        try {
            dir = Files.createTempDirectory("caravan-quote-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        artifacts = FileArtifactStore.at(dir);
        felix = FelixBundleHost.start(dir.resolve("felix"));
        // The marketplace's directory in the server: the store's installations, first choice first;
        // each point answered by the installations that provide it.
        directory = new PluginDirectory() {
            @Override
            public List<InstalledPlugin> providers(StoreRef store, ExtensionPoint point, RoutingFacts facts) {
                return installations.getOrDefault(store.id(), List.of()).stream()
                        .filter(p -> p.artifact().descriptor().extension(point).isPresent())
                        .toList();
            }

            @Override
            public byte[] bundle(PluginArtifact artifact) {
                try {
                    return artifacts.read(artifact.sha256());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        runtime = new PluginRuntime(felix, directory, clock);
        invoker = new PluginInvoker(directory, runtime, InvokerSettings.defaults(), clock);
        PluginArtifact carriersRelease = publish(CARRIERS_JAR);
        PluginArtifact taxRelease = publish(TAX_JAR);
        for (int i = 0; i < STORES; i++) {
            StoreRef store = new StoreRef("store-" + i, "bench-quote-" + i);
            stores.add(store);
            installations.put(
                    store.id(),
                    List.of(
                            install(store, carriersRelease, CARRIERS_CONFIGURATION),
                            install(store, taxRelease, TAX_CONFIGURATION)));
        }

        // the first invoked quote loads both bundles; the baseline then takes the loaded instances
        Quote first = invoked(0);
        quoter = (RateQuoter) extension(carriersRelease, ExtensionPoint.CARRIER_RATES);
        calculator = (TaxCalculator) extension(taxRelease, ExtensionPoint.TAX_CALCULATOR);
        carrierDeadline = invoker.settings().deadline(ExtensionPoint.CARRIER_RATES);
        taxDeadline = invoker.settings().deadline(ExtensionPoint.TAX_CALCULATOR);
        for (int i = 0; i < STORES; i++) {
            Quote invoked = invoked(i);
            Quote direct = hardWired(i);
            if (!same(invoked, first) || !same(direct, first)) {
                throw new IllegalStateException(
                        "invoked and hard-wired quotes differ: " + first + " vs " + invoked + " vs " + direct);
            }
        }
        System.out.printf(
                "quote: shipping %s (%s), tax %s, total %s%n",
                first.shipping(), first.service(), first.tax().totalTax(), first.total());
    }

    /** What a quote yields: the chosen (cheapest) service, its price, the tax quote and the total. */
    record Quote(String service, Money shipping, TaxQuote tax, Money total) {}

    private Object extension(PluginArtifact release, ExtensionPoint point) {
        LoadedPlugin loaded = runtime.ifLoaded(release.releaseId()).orElseThrow();
        return loaded.extensions().get(point);
    }

    /** Same service, shipping, tax and total (the tax quote's figures, not its identity). */
    private static boolean same(Quote a, Quote b) {
        return a.service().equals(b.service())
                && a.shipping().equals(b.shipping())
                && a.total().equals(b.total())
                && a.tax().totalTax().equals(b.tax().totalTax());
    }

    /** A quote the invoker refused or a plugin failed: counted with its reason, not timed. */
    final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
            refusals.computeIfAbsent(message.replaceAll("[0-9]+", "#"), k -> new LongAdder())
                    .increment();
        }
    }

    /** A new invoker over the same loaded bundles: no breaker, bulkhead or quarantine state. */
    void freshInvoker() {
        PluginInvoker old = invoker;
        invoker = new PluginInvoker(directory, runtime, InvokerSettings.defaults(), clock);
        old.close();
        refusals.clear();
    }

    /** The reasons of this window's refusals, most frequent first. */
    String refusalReasons() {
        return refusals.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .map(e -> e.getValue().sum() + " × " + e.getKey())
                .reduce((a, b) -> a + "; " + b)
                .orElse("none");
    }

    /**
     * The plugin steps of a quote through the invoker, as {@code CheckoutQuoting} calls them.
     *
     * @throws Refused when a plugin did not answer (a fail-open carrier skipped, a fail-closed tax
     *                 plugin failed or refused by the invoker)
     */
    Quote invoked(int storeIndex) {
        StoreRef store = stores.get(storeIndex);
        Instant now = clock.instant();
        RateRequest request = rateRequest(now);
        RateQuote cheapest = null;
        for (InstalledPlugin carrier : invoker.directory()
                .providers(store, ExtensionPoint.CARRIER_RATES, RoutingFacts.destination(DESTINATION))) {
            PluginOutcome<RateResult> outcome = invoker.invoke(
                    carrier,
                    PluginPoint.CARRIER_RATES,
                    (q, ctx) -> PluginAnswers.rates(q.quote(ctx, request), request, now),
                    null,
                    locale);
            if (!outcome.answered()) {
                throw new Refused(outcome.failure().describe());
            }
            cheapest = cheaper(cheapest, outcome.value());
        }
        Cart cart = cart(cheapest.price());
        PluginOutcome<TaxQuote> taxed;
        try {
            taxed = invoker.invoke(
                    store,
                    PluginPoint.TAX_CALCULATOR,
                    new RoutingFacts(DESTINATION, EUR, null, null),
                    (c, ctx) -> TaxQuoteCheck.check(c.quote(ctx, cart), cart),
                    null);
        } catch (PluginFailedException e) {
            throw new Refused(e.getMessage());
        }
        return quote(cheapest, cart, taxed.value());
    }

    /** The same steps on the loaded extension instances, called directly. */
    Quote hardWired(int storeIndex) {
        StoreRef store = stores.get(storeIndex);
        List<InstalledPlugin> installed = installations.get(store.id());
        InstalledPlugin carriers = installed.get(0);
        InstalledPlugin tax = installed.get(1);
        Instant now = clock.instant();
        RateRequest request = rateRequest(now);
        RateResult rates = PluginAnswers.rates(
                quoter.quote(
                        new QuoteContext(
                                store.slug(), carriers.configuration(), clock, now.plus(carrierDeadline), locale),
                        request),
                request,
                now);
        RateQuote cheapest = cheaper(null, rates);
        Cart cart = cart(cheapest.price());
        TaxQuote taxed = TaxQuoteCheck.check(
                calculator.quote(
                        new QuoteContext(
                                store.slug(),
                                tax.configuration(),
                                clock,
                                clock.instant().plus(taxDeadline),
                                Locale.ROOT),
                        cart),
                cart);
        return quote(cheapest, cart, taxed);
    }

    private static RateQuote cheaper(RateQuote best, RateResult result) {
        for (RateQuote q : result.quotes()) {
            if (best == null || q.price().minorUnits() < best.price().minorUnits()) {
                best = q;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no carrier option: " + result.exclusions());
        }
        return best;
    }

    private static Quote quote(RateQuote shipping, Cart cart, TaxQuote taxed) {
        Money goods = Money.zero(EUR);
        for (LineItem l : cart.lines()) {
            goods = goods.plus(l.unitPrice().times(l.quantity()));
        }
        return new Quote(
                shipping.serviceCode(),
                shipping.price(),
                taxed,
                goods.plus(shipping.price()).plus(taxed.addedAtCheckout()));
    }

    /** Two mugs and a bowl, both from the Rotterdam warehouse (as the ITs' shop stocks them). */
    private static List<LineItem> lines() {
        return List.of(line("L1", "MUG-AZUL", 2, 1_800, 400), line("L2", "BOWL-AZUL", 1, 2_400, 650));
    }

    private static LineItem line(String id, String sku, int quantity, long unitPrice, long grams) {
        return new LineItem(
                id,
                "product-" + sku,
                "variant-" + sku,
                sku,
                sku,
                quantity,
                new Money(unitPrice, EUR),
                Money.zero(EUR),
                new Goods(grams, null, HsCode.of("691200"), CountryCode.of("PT")),
                CountryCode.of("NL"),
                TaxCategory.STANDARD,
                List.of("kitchen"),
                Set.of());
    }

    private RateRequest rateRequest(Instant now) {
        List<ConsignmentLine> shipped = new ArrayList<>();
        long weight = 0;
        Money value = Money.zero(EUR);
        for (LineItem l : lines) {
            long grams = Math.multiplyExact(l.goods().weightGrams(), (long) l.quantity());
            Money lineValue = l.unitPrice().times(l.quantity());
            shipped.add(new ConsignmentLine(l.lineId(), l.sku(), l.quantity(), grams, lineValue, l.flags()));
            weight = Math.addExact(weight, grams);
            value = value.plus(lineValue);
        }
        Warehouse rotterdam = new Warehouse(
                "rotterdam",
                new Address(
                        CountryCode.of("NL"),
                        null,
                        "3089 JH",
                        "Rotterdam",
                        List.of("Waalhaven Zuidzijde 1"),
                        "Rotterdam EU warehouse"),
                WarehouseKind.OVERSEAS,
                1);
        // packed: one box (CheckoutQuoting passes no dimensions here, which Parcel refuses; see BENCHMARKS.md)
        Parcel parcel = new Parcel(
                weight,
                new Dimensions(250, 200, 150),
                value,
                shipped.stream().map(ConsignmentLine::lineId).toList());
        Consignment consignment = new Consignment("rotterdam", rotterdam, shipped, List.of(parcel), value);
        return new RateRequest(
                List.of(consignment), shipTo, EUR, LocalDate.ofInstant(now, ZoneOffset.UTC), DutyTreatment.DDP);
    }

    private Cart cart(Money shipping) {
        return new Cart(
                EUR,
                PriceDisplay.EXCLUDING_TAX,
                lines,
                shipping,
                Money.zero(EUR),
                List.of(),
                List.of(),
                shipTo,
                customer,
                LocalDate.now(clock));
    }

    private PluginArtifact publish(String jarName) {
        try {
            byte[] bytes = Files.readAllBytes(BUNDLES.resolve(jarName));
            String sha = artifacts.put(bytes);
            BundleArchive archive = BundleArchive.read(bytes);
            PluginDescriptor descriptor = PluginDescriptorReader.read(archive.descriptorJson());
            return new PluginArtifact(
                    new ReleaseId(UUID.randomUUID().toString()), archive.symbolicName(), sha, descriptor);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read " + BUNDLES.resolve(jarName)
                            + " (run from platform/ after test-compile, or set -Dcaravan.test.bundles)",
                    e);
        }
    }

    private static InstalledPlugin install(StoreRef store, PluginArtifact artifact, String configuration) {
        return new InstalledPlugin(
                new InstallationId(UUID.randomUUID().toString()),
                store,
                artifact,
                JsonPluginConfiguration.parse(
                        configuration, artifact.descriptor().secretFields()));
    }

    @Override
    public void close() {
        invoker.close();
        runtime.unloadAll();
        felix.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the load driver ----

    /** One measured window of a series: quotes answered (timed) and refused (counted). */
    record Window(
            String series, String shape, long calls, long refused, double seconds, long[] sortedNanos, long gcMillis) {
        double perSecond() {
            return calls / seconds;
        }

        double pctMs(double p) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank))] / 1e6;
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%-10s %-22s %,9.0f quotes/s  p50 %7.3f  p95 %7.3f  p99 %7.3f  max %8.3f ms"
                            + "  (%,d quotes in %.1f s, refused %,d = %.1f %%, GC %d ms)",
                    series,
                    shape,
                    perSecond(),
                    pctMs(50),
                    pctMs(95),
                    pctMs(99),
                    pctMs(100),
                    calls,
                    seconds,
                    refused,
                    100.0 * refused / Math.max(1, calls + refused),
                    gcMillis);
        }
    }

    /** A quote for one store, by index. */
    @FunctionalInterface
    interface QuoteCall {
        Quote quote(int store);
    }

    /**
     * Runs {@code callers} threads quoting in a closed loop for a while, caller {@code t} for store
     * {@code t % stores}; records latencies if asked.
     */
    static Window run(String series, QuoteCall quote, int callers, int stores, Duration length, boolean record)
            throws InterruptedException {
        String shape =
                callers + (callers == 1 ? " caller, " : " callers, ") + stores + (stores == 1 ? " store" : " stores");
        long[][] samples = new long[callers][];
        int[] counts = new int[callers];
        long[] refusals = new long[callers];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < callers; t++) {
            int me = t;
            int store = t % stores;
            Thread thread = new Thread(
                    () -> {
                        long[] mine = new long[1 << 16];
                        int n = 0;
                        long refused = 0;
                        ready.countDown();
                        try {
                            go.await();
                            long end = window[1];
                            long now = System.nanoTime();
                            while (now < end) {
                                boolean answered = true;
                                try {
                                    quote.quote(store);
                                } catch (RuntimeException e) {
                                    if (!(e instanceof CheckoutQuoteBenchmark.Refused)) {
                                        throw e;
                                    }
                                    answered = false;
                                    refused++;
                                }
                                long after = System.nanoTime();
                                if (record && answered) {
                                    if (n == mine.length) {
                                        mine = Arrays.copyOf(mine, n * 2);
                                    }
                                    mine[n++] = after - now;
                                }
                                now = after;
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                        samples[me] = mine;
                        counts[me] = n;
                        refusals[me] = refused;
                    },
                    "quote-caller-" + t);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        long gcBefore = gcMillis();
        window[0] = System.nanoTime();
        window[1] = window[0] + length.toNanos();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException(series + " failed", failure.get());
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < callers; t++) {
            System.arraycopy(samples[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Window(series, shape, total, Arrays.stream(refusals).sum(), seconds, all, gcMillis() - gcBefore);
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    public static void main(String[] args) throws Exception {
        Duration warmup = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 5);
        Duration measure = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        // (callers, stores): one shopper; 32 at once across 32 stores (a node's checkouts); 32 at
        // once on one store, where the invoker's bulkhead (calls in flight per store and plugin) bites
        int[][] shapes = {{1, 1}, {32, STORES}, {32, 1}};
        System.out.printf(
                "CheckoutQuoteBenchmark: warm-up %s, measure %s, %d rounds, %d CPUs, %s%n",
                warmup, measure, rounds, Runtime.getRuntime().availableProcessors(), Runtime.version());
        try (CheckoutQuoteBenchmark bench = new CheckoutQuoteBenchmark()) {
            System.out.println("bulkhead: " + bench.invoker.settings().maxConcurrentCalls()
                    + " calls in flight per (store, installation)");
            Map<String, QuoteCall> series = Map.of("hard-wired", bench::hardWired, "invoker", bench::invoked);
            List<String> order = List.of("hard-wired", "invoker");
            for (int round = 1; round <= rounds; round++) {
                List<String> thisRound = round % 2 == 0 ? order.reversed() : order;
                for (int[] shape : shapes) {
                    Window[] pair = new Window[2];
                    for (String name : thisRound) {
                        boolean invoked = name.equals("invoker");
                        if (invoked) {
                            bench.freshInvoker();
                        }
                        run(name, series.get(name), shape[0], shape[1], warmup, false);
                        if (invoked) {
                            bench.freshInvoker();
                        }
                        Window w = run(name, series.get(name), shape[0], shape[1], measure, true);
                        pair[invoked ? 1 : 0] = w;
                        System.out.println("round " + round + "  " + w.line());
                        if (invoked && w.refused() > 0) {
                            System.out.println("         refused: " + bench.refusalReasons());
                        }
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "round %d  %s: invoker keeps %.1f %% of the hard-wired throughput; invoker p99 %.3f ms%n",
                            round,
                            pair[1].shape(),
                            100.0 * pair[1].perSecond() / pair[0].perSecond(),
                            pair[1].pctMs(99));
                }
            }
        }
    }
}
