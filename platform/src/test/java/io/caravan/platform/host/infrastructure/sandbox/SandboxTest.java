package io.caravan.platform.host.infrastructure.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.host.application.LoadedPlugin;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.host.application.PluginLoadException;
import io.caravan.platform.marketplace.application.BundleArchive;
import io.caravan.platform.shared.domain.ReleaseId;
import io.caravan.runtime.DryRunResult;
import io.caravan.runtime.PluginDescriptorReader;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.payments.PaymentMethod;
import io.caravan.sdk.payments.PaymentMethodCodes;
import io.caravan.sdk.payments.PaymentMethodsProvider;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginDescriptor;
import io.caravan.sdk.plugin.PluginRejectedException;
import io.caravan.sdk.plugin.PluginUnavailableException;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxQuote;
import io.caravan.testkit.TestPluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox tier with real worker processes, started exactly as the server starts them, and real
 * bundles from the test build (plugins/test-bundles): what a hostile plugin can see in a sandbox,
 * that a hung call ends by killing its worker while other calls answer, that a crashed worker is
 * replaced, and that an upload's dry run leaves nothing running.
 */
class SandboxTest {
    static final Path BUNDLES = Path.of(System.getProperty("caravan.test.bundles", "target/test-bundles"));

    static Path dir;
    static SandboxLauncher launcher;
    static SpareWorkers spares;
    static IsolatedBundleHost host;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("caravan-sandbox-test-");
        launcher = new SandboxLauncher(
                SandboxSettings.defaults(dir.resolve("sandbox")).withAllowWeak(true));
        spares = new SpareWorkers(launcher);
        host = new IsolatedBundleHost(launcher, spares);
    }

    @AfterAll
    static void stop() {
        host.close();
        spares.close();
    }

    static boolean rootOnLinux() throws IOException {
        return System.getProperty("os.name").toLowerCase().contains("linux")
                && Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    static PluginArtifact uncertified(String jar) throws Exception {
        byte[] bytes = Files.readAllBytes(BUNDLES.resolve(jar));
        BundleArchive archive = BundleArchive.read(bytes);
        PluginDescriptor descriptor = PluginDescriptorReader.read(archive.descriptorJson());
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return new PluginArtifact(new ReleaseId("r-" + jar), archive.symbolicName(), sha, descriptor, false);
    }

    static LoadedPlugin load(String jar) throws Exception {
        return host.load(uncertified(jar), Files.readAllBytes(BUNDLES.resolve(jar)));
    }

    static TestPluginContext context(String configuration, Duration timeout, String... secrets) {
        return TestPluginContext.builder()
                .storeSlug("store-a")
                .clock(Clock.systemUTC())
                .timeout(timeout)
                .configuration(configuration)
                .secrets(secrets)
                .build();
    }

    static Cart cart(String destination) {
        LineItem line = LineItem.builder()
                .lineId("l1")
                .sku("sku-1")
                .title("Mug")
                .quantity(2)
                .unitPrice(Money.ofMinor(1_000, "EUR"))
                .weightGrams(400)
                .hsCode(HsCode.of("691200"))
                .origin(CountryCode.of("PT"))
                .shipFrom(CountryCode.of("PT"))
                .taxCategory(TaxCategory.STANDARD)
                .build();
        return new Cart(
                Currency.getInstance("EUR"),
                PriceDisplay.EXCLUDING_TAX,
                List.of(line),
                Money.ofMinor(500, "EUR"),
                Money.zero(Currency.getInstance("EUR")),
                List.of(),
                List.of(),
                new Address(CountryCode.of(destination), null, null, "City", List.of(), null),
                new Customer("c1", null, null, null),
                LocalDate.parse("2026-11-23"));
    }

    static TaxCalculator calculator(LoadedPlugin plugin) {
        return (TaxCalculator) plugin.extension(ExtensionPoint.TAX_CALCULATOR).orElseThrow();
    }

    @Test
    void the_walls_are_the_ones_this_machine_can_give() throws IOException {
        if (rootOnLinux()) {
            assertThat(launcher.walls().mode()).isEqualTo(SandboxWalls.Mode.ISOLATED);
            assertThat(launcher.walls().describe()).contains("network", "user 65534");
        } else {
            assertThat(launcher.walls().mode()).isEqualTo(SandboxWalls.Mode.PROCESS_ONLY);
            SandboxLauncher strict = new SandboxLauncher(SandboxSettings.defaults(dir.resolve("strict")));
            assertThat(strict.mayRunUncertified()).isFalse();
        }
    }

    @Test
    void a_snooping_plugin_finds_nothing_of_the_platform() throws Exception {
        Path secretsKey = dir.resolve("secrets.key");
        Files.writeString(secretsKey, "k3y-material-of-the-platform");
        Path persistence = Path.of("target/classes/META-INF/persistence.xml").toAbsolutePath();
        assertThat(persistence).exists();
        String config = "{\"paths\":[\"" + secretsKey.toAbsolutePath() + "\",\"" + persistence
                + "\",\"/etc/passwd\",\"/proc/" + ProcessHandle.current().pid()
                + "/environ\"],\"apiKey\":\"sk_live_store_a\"}";
        LoadedPlugin plugin = load("caravan-test-snooping.jar");

        TaxQuote quote = calculator(plugin).quote(context(config, Duration.ofSeconds(10), "/apiKey"), cart("DE"));

        List<String> seen = quote.notices();
        assertThat(seen).contains("env=PATH", "apiKey=set", "store=store-a");
        assertThat(seen).anySatisfy(n -> assertThat(n).isEqualTo("properties="));
        if (launcher.walls().mode() == SandboxWalls.Mode.ISOLATED) {
            assertThat(seen).contains("unreadable=" + secretsKey.toAbsolutePath(), "unreadable=" + persistence);
            assertThat(seen)
                    .contains(
                            "unreadable=/etc/passwd",
                            "unreadable=/proc/" + ProcessHandle.current().pid() + "/environ",
                            "postgres=unreachable");
            assertThat(seen).anySatisfy(n -> assertThat(n).startsWith("user=? ").doesNotContain("root"));
            String root =
                    seen.stream().filter(n -> n.startsWith("root=")).findFirst().orElseThrow();
            assertThat(root.substring(5).split(","))
                    .containsOnly("bin", "dev", "lib", "lib64", "proc", "sandbox", "sbin", "tmp", "usr", "work");
            String processes = seen.stream()
                    .filter(n -> n.startsWith("processes="))
                    .findFirst()
                    .orElseThrow();
            assertThat(Integer.parseInt(processes.substring("processes=".length())))
                    .isLessThanOrEqualTo(2);
        }
    }

    @Test
    void a_hung_call_is_ended_by_killing_its_worker_while_other_calls_answer() throws Exception {
        LoadedPlugin plugin = load("caravan-test-misbehaving.jar");
        TaxCalculator tax = calculator(plugin);
        WorkerPool pool = (WorkerPool) plugin.handle();

        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Throwable> hung = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            tax.quote(
                                    context("{\"mode\":\"spin\",\"millis\":60000}", Duration.ofMillis(800)),
                                    cart("DE"));
                            return null;
                        } catch (RuntimeException e) {
                            return e;
                        }
                    },
                    callers);
            // the spinning call holds a worker before the others start (else they may take both
            // workers first and the spinning call, finding none free, never runs to be killed)
            assertThat(io.caravan.platform.testing.Poll.until(
                            () -> pool.size() - pool.idlePids().size() >= 1,
                            Duration.ofSeconds(20),
                            Duration.ofMillis(10)))
                    .as("the spinning call took a worker")
                    .isTrue();
            // another store's calls, on a second worker of the same version, while the first spins
            List<TaxQuote> answered = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answered.add(tax.quote(context("{\"mode\":\"ok\"}", Duration.ofSeconds(10)), cart("FR")));
            }
            assertThat(answered).allSatisfy(q -> assertThat(q.lineTaxes()).hasSize(1));

            Throwable failure = hung.get(10, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOf(PluginUnavailableException.class).hasMessageContaining("killed");
            long killed = pool.lastDiscardedPid();
            assertThat(killed).isPositive();
            // the kill is asynchronous: wait for the exit itself, not for a guessed time
            ProcessHandle.of(killed)
                    .ifPresent(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS).join());
            assertThat(ProcessHandle.of(killed).map(ProcessHandle::isAlive).orElse(false))
                    .as("the hung worker's process")
                    .isFalse();
            assertThat(pool.idlePids()).doesNotContain(killed);
        } finally {
            callers.shutdownNow();
        }
        // the version keeps answering
        assertThat(tax.quote(context("{}", Duration.ofSeconds(10)), cart("DE")).lineTaxes())
                .hasSize(1);
    }

    @Test
    void a_sandboxed_plugin_reads_its_secret_even_when_an_optional_section_with_secrets_is_left_out() throws Exception {
        // payments-b declares /acquirer/apiKey, /acquirer/webhookSecret and
        // /bankTransfer/notificationSecret; this store configured the acquirer only
        PaymentMethodsProvider methods = (PaymentMethodsProvider) load("caravan-test-payments-b.jar")
                .extension(ExtensionPoint.PAYMENT_METHODS)
                .orElseThrow();
        String config = "{\"acquirer\":{\"apiKey\":\"sk_test_store_a\",\"methods\":[\"card\"]}}";

        List<PaymentMethod> offered = methods.availableMethods(
                context(
                        config,
                        Duration.ofSeconds(10),
                        "/acquirer/apiKey",
                        "/acquirer/webhookSecret",
                        "/bankTransfer/notificationSecret"),
                cart("DE"));

        // the acquirer's card needs the API key: offered only if the worker got the secret
        assertThat(offered).extracting(PaymentMethod::methodCode).contains(PaymentMethodCodes.CARD);
    }

    @Test
    void refusals_and_failures_of_a_sandboxed_plugin_reach_the_caller_as_in_process() throws Exception {
        TaxCalculator tax = calculator(load("caravan-test-misbehaving.jar"));
        assertThatThrownBy(() -> tax.quote(context("{\"mode\":\"reject\"}", Duration.ofSeconds(10)), cart("DE")))
                .isInstanceOf(PluginRejectedException.class)
                .satisfies(e -> assertThat(((PluginRejectedException) e).code()).isEqualTo("destination_not_served"));
        assertThatThrownBy(() -> tax.quote(context("{\"mode\":\"throw\"}", Duration.ofSeconds(10)), cart("DE")))
                .hasMessageContaining("IllegalStateException")
                .hasMessageContaining("misbehaving: told to throw");
    }

    @Test
    void a_worker_that_runs_out_of_memory_is_replaced() throws Exception {
        LoadedPlugin plugin = load("caravan-test-misbehaving.jar");
        TaxCalculator tax = calculator(plugin);
        assertThatThrownBy(() -> tax.quote(
                        context("{\"mode\":\"allocate\",\"megabytes\":512}", Duration.ofSeconds(20)), cart("DE")))
                .isInstanceOf(PluginUnavailableException.class)
                .hasMessageContaining("ended");
        assertThat(tax.quote(context("{}", Duration.ofSeconds(20)), cart("DE")).lineTaxes())
                .hasSize(1);
    }

    @Test
    void a_dry_run_that_spins_forever_is_killed_and_leaves_nothing_running() throws Exception {
        SandboxDryRun dryRun = new SandboxDryRun(launcher, spares, Duration.ofSeconds(2));
        long started = System.nanoTime();
        DryRunResult result = dryRun.run(Files.readAllBytes(BUNDLES.resolve("caravan-test-spinning.jar")));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("no answer within 2 s");
        // a spare may have to start first on a loaded machine: 2 s of dry run, 2 s of grace, a JVM start
        assertThat(millis).isLessThan(12_000);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneSatisfy(t -> assertThat(t.getName()).startsWith("caravan-dry-run"));
        assertThat(ProcessHandle.current()
                        .children()
                        .filter(p -> p.info().commandLine().orElse("").contains("SpinningHealth")))
                .isEmpty();
    }

    @Test
    void a_dry_run_of_a_good_bundle_passes_in_the_sandbox() throws Exception {
        DryRunResult result = new SandboxDryRun(launcher, spares, Duration.ofSeconds(10))
                .run(Files.readAllBytes(BUNDLES.resolve("caravan-test-echo-tax-v1.jar")));
        assertThat(result.passed()).as(result.message()).isTrue();
    }

    @Test
    void a_bundle_that_does_not_match_its_release_is_not_loaded() throws Exception {
        PluginArtifact echo = uncertified("caravan-test-echo-tax-v1.jar");
        PluginArtifact lying =
                new PluginArtifact(echo.releaseId(), "io.caravan.other", echo.sha256(), echo.descriptor(), false);
        assertThatThrownBy(() -> host.load(lying, Files.readAllBytes(BUNDLES.resolve("caravan-test-echo-tax-v1.jar"))))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("not io.caravan.other");
    }
}
