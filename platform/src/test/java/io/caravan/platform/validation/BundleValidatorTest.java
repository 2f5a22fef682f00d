package io.caravan.platform.validation;

import static io.caravan.platform.validation.BundleForge.good;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.host.infrastructure.felix.ScratchFrameworkDryRun;
import io.caravan.platform.validation.application.BundleValidator;
import io.caravan.platform.validation.application.Check;
import io.caravan.platform.validation.application.CheckStatus;
import io.caravan.platform.validation.application.Rules;
import io.caravan.platform.validation.application.ValidationContext;
import io.caravan.platform.validation.application.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The upload checks against a corpus of bad bundles, each the good template with one thing changed
 * and each rejected by exactly the rule it breaks, with a message naming the culprit; the good
 * template and the real bundles the build makes (plugins/tax, plugins/test-bundles) pass or fail
 * as they should. Bundles are built with javac and java.util.zip by {@link BundleForge}; the dry
 * run is the real one, a scratch Felix per run.
 */
class BundleValidatorTest {
    static final Path BUNDLES = Path.of(System.getProperty("caravan.test.bundles", "target/test-bundles"));
    static final String SDK_VERSION = "1.0.0";
    static final String OTHER_SHA256 = "ab".repeat(32);

    static Path scratch;
    static ScratchFrameworkDryRun dryRun;
    static ScratchFrameworkDryRun impatientDryRun;
    static final BundleValidator VALIDATOR = new BundleValidator();

    @BeforeAll
    static void scratchFrameworks() throws IOException {
        scratch = Files.createTempDirectory("caravan-validation-test-");
        dryRun = new ScratchFrameworkDryRun(scratch, Duration.ofSeconds(10));
        impatientDryRun = new ScratchFrameworkDryRun(scratch, Duration.ofSeconds(2));
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (Stream<Path> leftovers = Files.list(scratch)) {
            assertThat(leftovers)
                    .as("scratch frameworks are deleted after each dry run")
                    .isEmpty();
        }
        Files.delete(scratch);
    }

    /** The listing com.acme.tax / acme-tax, nothing published yet, the real dry run. */
    static ValidationContext listing() {
        return ValidationContext.of(BundleForge.SYMBOLIC_NAME, SDK_VERSION, dryRun)
                .withExpectedPluginId(BundleForge.PLUGIN_ID)
                .withPublishedVersions(version -> Optional.empty());
    }

    /** One bad bundle: what it breaks and what its message must name. */
    record Bad(
            String name,
            String rule,
            String culprit,
            Supplier<byte[]> bundle,
            UnaryOperator<ValidationContext> context) {
        @Override
        public String toString() {
            return name + " → " + rule;
        }
    }

    static Bad bad(String name, String rule, String culprit, Supplier<BundleForge> bundle) {
        return new Bad(name, rule, culprit, () -> bundle.get().build(), UnaryOperator.identity());
    }

    static Bad bad(
            String name,
            String rule,
            String culprit,
            Supplier<BundleForge> bundle,
            UnaryOperator<ValidationContext> context) {
        return new Bad(name, rule, culprit, () -> bundle.get().build(), context);
    }

    static List<Bad> corpus() {
        List<Bad> c = new ArrayList<>();
        // --- archive safety
        c.add(new Bad(
                "truncated archive",
                Rules.ARCHIVE_READABLE,
                "not a readable zip archive",
                () -> {
                    byte[] b = good().build();
                    return Arrays.copyOf(b, b.length / 2);
                },
                UnaryOperator.identity()));
        c.add(bad("too many entries", Rules.ARCHIVE_ENTRY_COUNT, "5005 entries", () -> {
            BundleForge b = good();
            for (int i = 0; i <= BundleValidator.MAX_ENTRIES; i++) {
                b.entry("pad/" + i + ".txt", new byte[0]);
            }
            return b;
        }));
        c.add(bad("inflates past 32 MiB in total", Rules.ARCHIVE_TOTAL_SIZE, "data/table-4.csv", () -> {
            BundleForge b = good().level(Deflater.BEST_SPEED);
            for (int i = 0; i < 5; i++) {
                b.entry("data/table-" + i + ".csv", digits(7 * 1024 * 1024, i));
            }
            return b;
        }));
        c.add(bad(
                "oversize entry",
                Rules.ARCHIVE_ENTRY_SIZE,
                "data/rates-huge.csv",
                () -> good().level(Deflater.BEST_SPEED).entry("data/rates-huge.csv", digits(9 * 1024 * 1024, 1))));
        c.add(bad(
                "zip bomb",
                Rules.ARCHIVE_COMPRESSION_RATIO,
                "data/zeros.bin",
                () -> good().entry("data/zeros.bin", new byte[7 * 1024 * 1024])));
        c.add(bad(
                "path traversal",
                Rules.ARCHIVE_PATH_TRAVERSAL,
                "../../outside.txt",
                () -> good().entry("../../outside.txt", bytes("x"))));
        c.add(bad(
                "absolute path",
                Rules.ARCHIVE_PATH_TRAVERSAL,
                "/etc/cron.d/acme",
                () -> good().entry("/etc/cron.d/acme", bytes("x"))));
        c.add(bad(
                "backslash path",
                Rules.ARCHIVE_PATH_TRAVERSAL,
                "backslash",
                () -> good().entry("..\\..\\acme.txt", bytes("x"))));
        c.add(bad(
                "duplicate entry",
                Rules.ARCHIVE_DUPLICATE_ENTRY,
                "OSGI-INF/caravan-plugin.json",
                () -> good().entry(
                                "OSGI-INF/caravan-plugin.jsoN",
                                bytes(BundleForge.DESCRIPTOR.replace("rates.acme.example", "exfil.evil.example")))
                        .patch(b -> BundleForge.replaceBytes(b, "caravan-plugin.jsoN", "caravan-plugin.json", false))));
        c.add(bad(
                "nested jar",
                Rules.ARCHIVE_NESTED_ARCHIVE,
                "lib/helper.jar",
                () -> good().entry(
                                "lib/helper.jar",
                                BundleForge.zip(
                                        List.of(new BundleForge.Entry("a.txt", bytes("a"))),
                                        Deflater.DEFAULT_COMPRESSION))));
        c.add(bad(
                "zip under another name",
                Rules.ARCHIVE_NESTED_ARCHIVE,
                "data/rates.dat",
                () -> good().entry(
                                "data/rates.dat",
                                BundleForge.zip(
                                        List.of(new BundleForge.Entry("a.txt", bytes("a"))),
                                        Deflater.DEFAULT_COMPRESSION))));
        c.add(bad(
                "central directory disagrees with local entries",
                Rules.ARCHIVE_DIRECTORY_MISMATCH,
                "data/notez.txt",
                () -> good().entry("data/notes.txt", bytes("notes"))
                        .patch(b -> BundleForge.replaceBytes(b, "data/notes.txt", "data/notez.txt", true))));

        // --- OSGi manifest
        c.add(bad("missing manifest", Rules.MANIFEST_MISSING, "META-INF/MANIFEST.MF", () -> good().noManifest()));
        c.add(bad(
                "Bundle-ManifestVersion 1",
                Rules.MANIFEST_MANIFEST_VERSION,
                "Bundle-ManifestVersion",
                () -> good().header("Bundle-ManifestVersion", "1")));
        c.add(bad(
                "malformed symbolic name",
                Rules.MANIFEST_SYMBOLIC_NAME,
                "com/acme/tax",
                () -> good().header("Bundle-SymbolicName", "com/acme/tax")));
        c.add(bad(
                "symbolic name of another listing",
                Rules.MANIFEST_SYMBOLIC_NAME_MISMATCH,
                "com.evil.tax",
                () -> good().header("Bundle-SymbolicName", "com.evil.tax")));
        c.add(bad(
                "bad Bundle-Version",
                Rules.MANIFEST_BUNDLE_VERSION,
                "\"1.0\"",
                () -> good().header("Bundle-Version", "1.0")));
        c.add(bad(
                "non-SDK import",
                Rules.MANIFEST_IMPORT_NOT_ALLOWED,
                "org.apache.commons.lang3",
                () -> good().header(
                                "Import-Package",
                                "io.caravan.sdk.model,io.caravan.sdk.plugin,io.caravan.sdk.tax,"
                                        + "org.apache.commons.lang3;version=\"[3.0,4)\"")));
        c.add(bad(
                "javax import",
                Rules.MANIFEST_IMPORT_NOT_ALLOWED,
                "javax.naming",
                () -> good().header(
                                "Import-Package",
                                "io.caravan.sdk.model,io.caravan.sdk.plugin,io.caravan.sdk.tax,javax.naming")));
        c.add(bad(
                "java.* import",
                Rules.MANIFEST_IMPORT_NOT_ALLOWED,
                "java.util",
                () -> good().header(
                                "Import-Package",
                                "io.caravan.sdk.model,io.caravan.sdk.plugin,io.caravan.sdk.tax,java.util")));
        c.add(bad(
                "SDK import out of range",
                Rules.MANIFEST_SDK_IMPORT_UNSATISFIABLE,
                "io.caravan.sdk.tax;version=\"[2.0,3)\"",
                () -> good().header(
                                "Import-Package",
                                "io.caravan.sdk.model,io.caravan.sdk.plugin,"
                                        + "io.caravan.sdk.tax;version=\"[2.0,3)\"")));
        c.add(bad(
                "SDK-private import",
                Rules.MANIFEST_SDK_IMPORT_UNSATISFIABLE,
                "io.caravan.sdk.internal",
                () -> good().header(
                                "Import-Package",
                                "io.caravan.sdk.model,io.caravan.sdk.plugin,io.caravan.sdk.tax,"
                                        + "io.caravan.sdk.internal")));
        c.add(bad(
                "DynamicImport-Package *",
                Rules.MANIFEST_DYNAMIC_IMPORT,
                "DynamicImport-Package: *",
                () -> good().header("DynamicImport-Package", "*")));
        c.add(bad(
                "Require-Bundle",
                Rules.MANIFEST_REQUIRE_BUNDLE,
                "Require-Bundle: io.caravan.sdk",
                () -> good().header("Require-Bundle", "io.caravan.sdk")));
        c.add(bad(
                "Fragment-Host",
                Rules.MANIFEST_FRAGMENT_HOST,
                "Fragment-Host: io.caravan.sdk",
                () -> good().header("Fragment-Host", "io.caravan.sdk")));
        c.add(bad(
                "Bundle-NativeCode",
                Rules.MANIFEST_NATIVE_CODE,
                "lib/libacme.so",
                () -> good().header("Bundle-NativeCode", "lib/libacme.so;osname=Linux;processor=x86-64")));
        c.add(bad(
                "exports an SDK package",
                Rules.MANIFEST_SDK_EXPORT,
                "io.caravan.sdk.tax",
                () -> good().header("Export-Package", "io.caravan.sdk.tax;version=\"1.0.0\"")));
        c.add(bad(
                "Bundle-Activator",
                Rules.MANIFEST_ACTIVATOR,
                "com.acme.tax.Activator",
                () -> good().header("Bundle-Activator", "com.acme.tax.Activator")));

        // --- descriptor and configuration schema
        c.add(bad(
                "missing descriptor",
                Rules.DESCRIPTOR_MISSING,
                "OSGI-INF/caravan-plugin.json",
                () -> good().noDescriptor()));
        c.add(bad(
                "malformed descriptor",
                Rules.DESCRIPTOR_INVALID,
                "not a JSON object",
                () -> good().descriptorText("{ \"id\": \"acme-tax\", ")));
        c.add(bad(
                "unknown kind in descriptor",
                Rules.DESCRIPTOR_INVALID,
                "TAXES",
                () -> good().descriptor("\"kinds\": [\"TAX\"]", "\"kinds\": [\"TAXES\"]")));
        c.add(bad(
                "egress host with a port",
                Rules.DESCRIPTOR_PERMISSIONS,
                "rates.acme.example:443",
                () -> good().descriptor("\"rates.acme.example\"", "\"rates.acme.example:443\"")));
        c.add(bad(
                "unknown data scope",
                Rules.DESCRIPTOR_PERMISSIONS,
                "EVERYTHING",
                () -> good().descriptor("\"data\": []", "\"data\": [\"EVERYTHING\"]")));
        c.add(bad(
                "descriptor version differs from Bundle-Version",
                Rules.DESCRIPTOR_VERSION_MISMATCH,
                "1.0.1",
                () -> good().descriptor("\"version\": \"1.0.0\"", "\"version\": \"1.0.1\"")));
        c.add(bad(
                "descriptor id of another listing",
                Rules.DESCRIPTOR_ID_MISMATCH,
                "acme-tax-pro",
                () -> good().descriptor("\"id\": \"acme-tax\"", "\"id\": \"acme-tax-pro\"")));
        c.add(bad(
                "unsatisfiable SDK range",
                Rules.DESCRIPTOR_SDK_RANGE,
                "[2.0,3.0)",
                () -> good().descriptor("\"sdk\": \"[1.0,2.0)\"", "\"sdk\": \"[2.0,3.0)\"")));
        c.add(bad(
                "invalid configuration schema",
                Rules.DESCRIPTOR_CONFIGURATION_SCHEMA,
                "properties.rate.type",
                () -> good().descriptor("\"type\": \"number\"", "\"type\": \"decimal\"")));
        c.add(bad(
                "configuration schema with a remote $ref",
                Rules.DESCRIPTOR_CONFIGURATION_SCHEMA,
                "schemas.evil.example",
                () -> good().descriptor(
                                "\"type\": \"number\"", "\"$ref\": \"https://schemas.evil.example/rate.json\"")));
        c.add(bad(
                "extension class missing",
                Rules.DESCRIPTOR_EXTENSION_CLASS,
                "com.acme.tax.AcmeRates",
                () -> good().descriptor(
                                "\"class\": \"com.acme.tax.AcmeTaxCalculator\"",
                                "\"class\": \"com.acme.tax.AcmeRates\"")));
        c.add(bad(
                "extension class of the wrong type",
                Rules.DESCRIPTOR_EXTENSION_CLASS,
                "does not implement io.caravan.sdk.tax.TaxCalculator",
                () -> good().descriptor(
                                "\"class\": \"com.acme.tax.AcmeTaxCalculator\"",
                                "\"class\": \"com.acme.tax.AcmeHealth\"")));
        c.add(bad(
                "extension class without a public constructor",
                Rules.DESCRIPTOR_EXTENSION_CLASS,
                "no public no-argument constructor",
                () -> good().source(BundleForge.HEALTH, "public AcmeHealth() {", "AcmeHealth() {")));

        // --- bytecode policy
        c.add(forbidden(
                "System.exit",
                "com.acme.tax.AcmeTaxCalculator.quote calls java.lang.System.exit(int)",
                "System.exit(3);"));
        c.add(forbidden(
                "Runtime.exec",
                "java.lang.Runtime.exec(java.lang.String[])",
                "try { Runtime.getRuntime().exec(new String[] {\"sh\"}); } catch (java.io.IOException e) { }"));
        c.add(forbidden(
                "ProcessBuilder",
                "new java.lang.ProcessBuilder(java.lang.String[])",
                "try { new ProcessBuilder(\"sh\").start(); } catch (java.io.IOException e) { }"));
        c.add(forbidden(
                "setAccessible",
                "java.lang.reflect.Field.setAccessible(boolean)",
                "try { cart.getClass().getDeclaredField(\"lines\").setAccessible(true); }"
                        + " catch (ReflectiveOperationException e) { }"));
        c.add(forbidden("Unsafe", "sun.misc.Unsafe.getUnsafe()", "sun.misc.Unsafe.getUnsafe();"));
        c.add(forbidden("new Thread", "new java.lang.Thread(java.lang.Runnable)", "new Thread(() -> { }).start();"));
        c.add(forbidden("thread subclass", "inherited from java.lang.Thread", "new Thread() { }.start();"));
        c.add(forbidden(
                "Executors",
                "java.util.concurrent.Executors.newFixedThreadPool(int)",
                "java.util.concurrent.Executors.newFixedThreadPool(2).shutdown();"));
        c.add(forbidden("parallel stream", "parallelStream", "cart.lines().parallelStream().count();"));
        c.add(forbidden(
                "raw Socket",
                "new java.net.Socket(java.lang.String, int)",
                "try (java.net.Socket s = new java.net.Socket(\"rates.acme.example\", 443)) { }"
                        + " catch (java.io.IOException e) { }"));
        c.add(forbidden(
                "HttpClient", "java.net.http.HttpClient.newHttpClient()", "java.net.http.HttpClient.newHttpClient();"));
        c.add(forbidden(
                "URL.openConnection",
                "java.net.URL.openConnection()",
                "try { java.net.URI.create(\"https://rates.acme.example\").toURL().openConnection(); }"
                        + " catch (java.io.IOException e) { }"));
        c.add(forbidden(
                "java.io.File", "new java.io.File(java.lang.String)", "new java.io.File(\"/etc/passwd\").exists();"));
        c.add(forbidden(
                "java.nio.file.Files",
                "java.nio.file.Files.readString(java.nio.file.Path)",
                "try { java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")); }"
                        + " catch (java.io.IOException e) { }"));
        c.add(bad(
                "native method",
                Rules.BYTECODE_NATIVE_METHOD,
                "com.acme.tax.AcmeTaxCalculator.rate() is declared native",
                () -> good().calculator("MEMBERS", "private static native int rate();")));
        c.add(
                bad(
                        "ClassLoader subclass with defineClass",
                        Rules.BYTECODE_FORBIDDEN_API,
                        "com.acme.tax.AcmeTaxCalculator$Loader extends java.lang.ClassLoader",
                        () -> good().calculator(
                                        "MEMBERS",
                                        "static final class Loader extends ClassLoader {"
                                                + " Class<?> define(byte[] b) { return defineClass(null, b, 0, b.length); } }")));
        c.add(forbidden(
                "Lookup.defineClass",
                "java.lang.invoke.MethodHandles$Lookup.defineClass(byte[])",
                "try { java.lang.invoke.MethodHandles.lookup().defineClass(new byte[0]); }"
                        + " catch (IllegalAccessException e) { }"));
        c.add(forbidden(
                "Class.forName with another loader",
                "java.lang.Class.forName(java.lang.String, boolean, java.lang.ClassLoader)",
                "try { Class.forName(\"io.caravan.platform.Secrets\", true, PluginContext.class.getClassLoader()); }"
                        + " catch (ClassNotFoundException e) { }"));
        c.add(forbidden(
                "privateLookupIn",
                "privateLookupIn on java.lang.String",
                "try { java.lang.invoke.MethodHandles.privateLookupIn(String.class, java.lang.invoke.MethodHandles.lookup()); }"
                        + " catch (IllegalAccessException e) { }"));
        c.add(forbidden(
                "findStatic on a JDK class",
                "findStatic on java.lang.System",
                "try { Class<?> system = System.class; java.lang.invoke.MethodHandles.lookup().findStatic(system, \"exit\","
                        + " java.lang.invoke.MethodType.methodType(void.class, int.class)); }"
                        + " catch (ReflectiveOperationException e) { }"));
        c.add(forbidden(
                "reflective lookup of System.exit",
                "looks up members of java.lang.System",
                "try { System.class.getMethod(\"exit\", int.class).invoke(null, 3); }"
                        + " catch (ReflectiveOperationException e) { }"));
        c.add(forbidden(
                "method reference to System.exit",
                "references java.lang.System.exit(int)",
                "java.util.function.IntConsumer stop = System::exit;"));
        c.add(forbidden(
                "System.loadLibrary",
                "java.lang.System.loadLibrary(java.lang.String)",
                "System.loadLibrary(\"acme\");"));
        c.add(forbidden(
                "System.setProperty",
                "java.lang.System.setProperty(java.lang.String, java.lang.String)",
                "System.setProperty(\"user.timezone\", \"UTC\");"));
        c.add(forbidden(
                "System.getenv",
                "java.lang.System.getenv(java.lang.String)",
                "System.getenv(\"CARAVAN_DB_PASSWORD\");"));
        c.add(forbidden(
                "Unsafe named in a string",
                "names sun.misc.Unsafe in a string constant",
                "String name = \"sun.misc.Unsafe\";"));
        c.add(bad(
                "unreadable class file",
                Rules.BYTECODE_UNREADABLE_CLASS,
                "com/acme/tax/Broken.class",
                () -> good().entry("com/acme/tax/Broken.class", bytes("not a class file"))));

        // --- release
        c.add(bad(
                "published version with other bytes",
                Rules.RELEASE_VERSION_IMMUTABLE,
                OTHER_SHA256,
                BundleForge::good,
                ctx -> ctx.withPublishedVersions(
                        v -> v.equals("1.0.0") ? Optional.of(OTHER_SHA256) : Optional.empty())));

        // --- dry run
        c.add(bad(
                "does not resolve",
                Rules.DRYRUN_RESOLVE,
                "acme.rates.db",
                () -> good().header("Require-Capability", "acme.rates.db;filter:=\"(acme.rates.db=*)\"")));
        c.add(bad(
                "constructor throws",
                Rules.DRYRUN_START,
                "com.acme.tax.AcmeTaxCalculator's constructor threw",
                () -> good().calculator("CONSTRUCTOR", "throw new IllegalStateException(\"rates table missing\");")));
        c.add(bad(
                "health answers null",
                Rules.DRYRUN_HEALTH,
                "com.acme.tax.AcmeHealth.check returned null",
                () -> good().source(BundleForge.HEALTH, "return HealthReport.up();", "return null;")));
        c.add(bad(
                "health throws",
                Rules.DRYRUN_HEALTH,
                "com.acme.tax.AcmeHealth.check threw java.lang.IllegalStateException",
                () -> good().source(
                                BundleForge.HEALTH,
                                "return HealthReport.up();",
                                "throw new IllegalStateException(\"no rates\");")));
        c.add(bad(
                "health never answers",
                Rules.DRYRUN_HEALTH,
                "no answer within 2 s",
                () -> good().source(
                                BundleForge.HEALTH,
                                "return HealthReport.up();",
                                "try { Thread.sleep(30_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }"
                                        + " return HealthReport.up();"),
                ctx -> ctx.withDryRun(impatientDryRun)));
        c.addAll(AttackerCorpus.rejected());
        return c;
    }

    static Bad forbidden(String name, String culprit, String quoteCode) {
        return bad(name, Rules.BYTECODE_FORBIDDEN_API, culprit, () -> good().calculator("QUOTE", quoteCode));
    }

    @Test
    void anUnconfiguredPluginWhoseHealthSaysDownOrNeedsStoragePassesTheDryRun() {
        // The dry run proves the code loads and answers, not that a store configured it (DryRun's contract).
        for (String health : List.of(
                "return HealthReport.down(\"no API key configured\");",
                "context.storage().get(\"token\"); return HealthReport.up();")) {
            byte[] bundle = good().source(BundleForge.HEALTH, "return HealthReport.up();", health)
                    .build();
            ValidationReport report = VALIDATOR.validate(bundle, listing());
            assertThat(report.passed()).as(report.summary()).isTrue();
            assertThat(report.checks())
                    .filteredOn(c -> c.rule().equals(Rules.DRYRUN_HEALTH))
                    .singleElement()
                    .satisfies(c -> assertThat(c.status()).isEqualTo(CheckStatus.PASSED))
                    .satisfies(c -> assertThat(c.message())
                            .containsAnyOf(
                                    "answered DOWN without configuration: no API key",
                                    "needs what a dry run does not lend"));
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> lookAlikes() {
        return AttackerCorpus.accepted().stream().map(a -> org.junit.jupiter.params.provider.Arguments.of(a[0], a[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookAlikes")
    void theSanctionedLookAlikesOfRefusedFormsPass(String quoteCode, String members) {
        ValidationReport report = VALIDATOR.validate(
                good().calculator("QUOTE", quoteCode)
                        .calculator("MEMBERS", members)
                        .build(),
                listing().withDryRun(null));

        assertThat(report.failures()).as(report.summary()).isEmpty();
    }

    @Test
    void theGoodTemplatePassesEveryCheckIncludingTheDryRun() {
        byte[] bundle = good().build();
        ValidationReport report = VALIDATOR.validate(bundle, listing());

        assertThat(report.checks())
                .as(report.summary())
                .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(CheckStatus.PASSED));
        assertThat(report.passed()).isTrue();
        assertThat(report.complete()).isTrue();
        assertThat(report.checks().stream().map(Check::rule).distinct().toList())
                .isEqualTo(Rules.ALL);
        assertThat(report.identity().symbolicName()).isEqualTo("com.acme.tax");
        assertThat(report.identity().version()).isEqualTo("1.0.0");
        assertThat(report.descriptor().id()).isEqualTo("acme-tax");
        assertThat(report.descriptorJson()).isEqualTo(BundleForge.DESCRIPTOR);
        assertThat(report.sha256()).hasSize(64).isEqualTo(sha256(bundle));
        assertThat(report.checks(Rules.DRYRUN_HEALTH).get(0).message())
                .contains("com.acme.tax.AcmeHealth.check answered UP");
    }

    @Test
    void theFirstUploadBindsTheListing() {
        ValidationReport report = VALIDATOR.validate(good().build(), ValidationContext.of(null, SDK_VERSION, null));

        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.checks(Rules.MANIFEST_SYMBOLIC_NAME_MISMATCH).get(0).message())
                .contains("binds it to com.acme.tax");
        assertThat(report.status(Rules.DRYRUN_RESOLVE)).isEqualTo(CheckStatus.SKIPPED);
        assertThat(report.status(Rules.RELEASE_VERSION_IMMUTABLE)).isEqualTo(CheckStatus.SKIPPED);
        assertThat(report.complete()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyBadBundleIsRejectedByExactlyItsRuleNamingTheCulprit(Bad bad) {
        ValidationReport report =
                VALIDATOR.validate(bad.bundle().get(), bad.context().apply(listing()));

        assertThat(report.passed()).as("passed: " + report.checks()).isFalse();
        assertThat(report.failures())
                .as(report.summary())
                .allSatisfy(c -> assertThat(c.rule()).isEqualTo(bad.rule()));
        assertThat(report.failures())
                .as(report.summary())
                .anySatisfy(c -> assertThat(c.message()).contains(bad.culprit()));
        assertThat(new HashSet<>(report.checks().stream().map(Check::rule).toList()))
                .containsAll(Rules.ALL);
    }

    @Test
    void theCorpusHasAtLeastOneBadBundlePerRule() {
        Set<String> covered = new HashSet<>();
        corpus().forEach(b -> covered.add(b.rule()));
        Set<String> uncovered = new HashSet<>(Rules.ALL);
        uncovered.removeAll(covered);
        assertThat(uncovered).as("rules no bad bundle breaks").containsOnly(Rules.RELEASE_SHA256);
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void theFirstPartyTaxPluginPassesIncludingTheDryRun() throws IOException {
        ValidationReport report = VALIDATOR.validate(
                Files.readAllBytes(BUNDLES.resolve("caravan-plugin-tax.jar")),
                ValidationContext.of("io.caravan.plugins.tax", SDK_VERSION, dryRun)
                        .withPublishedVersions(v -> Optional.empty()));

        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.complete()).as(report.checks().toString()).isTrue();
        assertThat(report.descriptor().id()).isEqualTo("caravan-tax");
        assertThat(report.checks(Rules.DRYRUN_HEALTH).get(0).message()).contains("no HEALTH extension");
    }

    @Test
    void theEchoTaxTestBundlePassesIncludingItsHealthCheck() throws IOException {
        ValidationReport report = VALIDATOR.validate(
                Files.readAllBytes(BUNDLES.resolve("caravan-test-echo-tax-v1.jar")),
                ValidationContext.of(null, SDK_VERSION, dryRun).withPublishedVersions(v -> Optional.empty()));

        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.complete()).as(report.checks().toString()).isTrue();
        assertThat(report.checks(Rules.DRYRUN_HEALTH).get(0).message())
                .contains("io.caravan.test.echotax.EchoHealth.check answered UP");
    }

    @Test
    void theBadImportTestBundleFailsItsImport() throws IOException {
        ValidationReport report = VALIDATOR.validate(
                Files.readAllBytes(BUNDLES.resolve("caravan-test-bad-import.jar")),
                ValidationContext.of(null, SDK_VERSION, dryRun));

        assertThat(report.failures())
                .as(report.summary())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.rule()).isEqualTo(Rules.MANIFEST_IMPORT_NOT_ALLOWED))
                .anySatisfy(c -> assertThat(c.message()).contains("javax.naming"));
        assertThat(report.status(Rules.DRYRUN_RESOLVE)).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void theMisbehavingTestBundleFailsTheBytecodePolicyForItsThread() throws IOException {
        ValidationReport report = VALIDATOR.validate(
                Files.readAllBytes(BUNDLES.resolve("caravan-test-misbehaving.jar")),
                ValidationContext.of(null, SDK_VERSION, dryRun));

        assertThat(report.failures())
                .as(report.summary())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.rule()).isEqualTo(Rules.BYTECODE_FORBIDDEN_API))
                .anySatisfy(c -> assertThat(c.message())
                        .contains("io.caravan.test.misbehaving.MisbehavingTaxCalculator")
                        .contains("calls new java.lang.Thread("));
    }

    @ParameterizedTest(name = "SDK {0} on a 1.0.0 platform: {1}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = ';',
            value = {
                "1.0; PASSED",
                "[1.0.0,1.0.0]; PASSED",
                "[0.9,1.0.1); PASSED",
                "(1.0.0,2.0); FAILED",
                "[0.9,1.0); FAILED",
                "(0.9,1.0.0]; PASSED",
                "1.0.1; FAILED"
            })
    void sdkRangesFollowOsgiVersionRangeSemantics(String range, CheckStatus expected) {
        ValidationReport report = VALIDATOR.validate(
                good().descriptor("\"sdk\": \"[1.0,2.0)\"", "\"sdk\": \"" + range + "\"")
                        .build(),
                ValidationContext.of(BundleForge.SYMBOLIC_NAME, SDK_VERSION, null));

        assertThat(report.status(Rules.DESCRIPTOR_SDK_RANGE))
                .as(report.summary())
                .isEqualTo(expected);
        assertThat(report.failures()).allSatisfy(c -> assertThat(c.rule()).isEqualTo(Rules.DESCRIPTOR_SDK_RANGE));
    }

    @Test
    void violationsAreCappedAtFiftyPerRule() {
        StringBuilder exits = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            exits.append("static void exit")
                    .append(i)
                    .append("() { System.exit(")
                    .append(i)
                    .append("); }\n");
        }
        ValidationReport report = VALIDATOR.validate(
                good().calculator("MEMBERS", exits.toString()).build(), listing());

        List<Check> failures = report.checks(Rules.BYTECODE_FORBIDDEN_API);
        assertThat(failures).hasSize(51);
        assertThat(failures.get(50).message())
                .isEqualTo("10 more violation(s) of this rule not listed; at most 50 are reported");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Incompressible-enough text (about 2.4:1): random decimal digits. */
    private static byte[] digits(int size, long seed) {
        Random random = new Random(seed);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) ('0' + random.nextInt(10));
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
