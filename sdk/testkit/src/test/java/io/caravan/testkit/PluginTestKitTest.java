package io.caravan.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.runtime.DryRunResult;
import io.caravan.sdk.plugin.HealthStatus;
import io.caravan.sdk.plugin.PluginHealth;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * The kit loads through the platform's runtime: tiny bundles written here, with a health class
 * compiled here when a test needs code, show its refusals and its dry run.
 */
class PluginTestKitTest {

    @TempDir
    Path dir;

    private static String descriptor(String id, String healthClass) {
        return """
                {"id": "%s", "name": "Test", "version": "1.0.0", "sdk": "[1.0,2.0)", "kinds": ["TAX"],
                 "extensions": [{"point": "TAX_CALCULATOR", "class": "test.h.Tax", "failurePolicy": "FAIL_CLOSED"},
                                {"point": "HEALTH", "class": "%s", "failurePolicy": "FAIL_OPEN"}]}""".formatted(id, healthClass);
    }

    private Path bundle(String name, String importPackage, String descriptor, Path classes) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "test." + name);
        a.putValue("Bundle-Version", "1.0.0");
        if (importPackage != null) {
            a.putValue("Import-Package", importPackage);
        }
        Path jar = dir.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jos = new JarOutputStream(out, mf)) {
            if (descriptor != null) {
                jos.putNextEntry(new JarEntry(PluginTestKit.DESCRIPTOR_PATH));
                jos.write(descriptor.getBytes(StandardCharsets.UTF_8));
                jos.closeEntry();
            }
            if (classes != null) {
                try (var files = Files.walk(classes)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        jos.putNextEntry(
                                new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                        jos.write(Files.readAllBytes(f));
                        jos.closeEntry();
                    }
                }
            }
        }
        return jar;
    }

    /** Compiles {@code test.h.Health} whose check runs {@code body} (a statement returning a HealthReport). */
    private Path healthClass(String name, String body) throws IOException {
        Path src = dir.resolve(name + "-src/test/h/Health.java");
        Files.createDirectories(src.getParent());
        Path tax = src.resolveSibling("Tax.java");
        Files.writeString(tax, """
                package test.h;
                public class Tax implements io.caravan.sdk.tax.TaxCalculator {
                    public io.caravan.sdk.tax.TaxQuote quote(io.caravan.sdk.plugin.PluginContext c, io.caravan.sdk.model.Cart cart) {
                        throw new UnsupportedOperationException();
                    }
                }""");
        Files.writeString(src, """
                package test.h;
                import io.caravan.sdk.plugin.*;
                public class Health implements PluginHealth {
                    public HealthReport check(PluginContext context) { %s }
                }""".formatted(body));
        Path out = Files.createDirectories(dir.resolve(name + "-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(
                null,
                null,
                null,
                "-d",
                out.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "--release",
                "21",
                src.toString(),
                tax.toString());
        assertThat(rc).as("javac").isZero();
        return out;
    }

    private Path healthBundle(String name, String body) throws IOException {
        return bundle(name, SDK_IMPORTS, descriptor(name, "test.h.Health"), healthClass(name, body));
    }

    private static final String SDK_IMPORTS =
            "io.caravan.sdk.plugin;version=\"[1.0,2)\",io.caravan.sdk.tax;version=\"[1.0,2)\","
                    + "io.caravan.sdk.model;version=\"[1.0,2)\"";

    @Test
    void aMissingJarIsReportedWithAHint() {
        assertThatThrownBy(() -> PluginTestKit.load(dir.resolve("nope.jar")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mvn package");
        assertThatThrownBy(() -> PluginTestKit.dryRun(dir.resolve("nope.jar")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mvn package");
    }

    @Test
    void aBundleImportingAnythingButTheSdkDoesNotResolve() throws IOException {
        // jakarta.json and Felix are on this test's class path, but must not be visible to plugins
        for (String pkg : new String[] {
            "jakarta.json", "org.apache.felix.framework", "io.caravan.sdk.internal", "io.caravan.runtime"
        }) {
            Path jar = bundle("imports-" + pkg.replace('.', '-'), pkg, descriptor("t", "test.Missing"), null);
            assertThatThrownBy(() -> PluginTestKit.load(jar))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(pkg);
            DryRunResult dryRun = PluginTestKit.dryRun(jar);
            assertThat(dryRun.resolved()).isFalse();
            assertThat(dryRun.passed()).isFalse();
            assertThat(dryRun.message()).contains(pkg);
        }
    }

    @Test
    void anSdkImportResolvesAndAMissingExtensionClassIsReported() throws IOException {
        Path jar = bundle("sdk-only", "io.caravan.sdk.tax;version=\"[1.0,2)\"", descriptor("t", "test.Missing"), null);
        assertThatThrownBy(() -> PluginTestKit.load(jar))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("class test.h.Tax is not in the bundle");
    }

    @Test
    void aBundleWithoutDescriptorIsRefused() throws IOException {
        Path jar = bundle("no-descriptor", null, null, null);
        assertThatThrownBy(() -> PluginTestKit.load(jar))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PluginTestKit.DESCRIPTOR_PATH);
    }

    @Test
    void aMisspeltDescriptorMemberIsRefusedAsOnThePlatform() throws IOException {
        String misspelt = descriptor("t", "test.h.Health").replace("\"kinds\"", "\"permisions\": {}, \"kinds\"");
        Path jar = bundle("misspelt", SDK_IMPORTS, misspelt, healthClass("misspelt", "return HealthReport.up();"));
        assertThatThrownBy(() -> PluginTestKit.load(jar))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown member \"permisions\"");
    }

    @Test
    void aDescriptorVersionOtherThanTheBundleVersionIsRefused() throws IOException {
        String other = descriptor("t", "test.h.Health").replace("\"1.0.0\"", "\"1.0.1\"");
        Path jar = bundle("other-version", SDK_IMPORTS, other, healthClass("other", "return HealthReport.up();"));
        assertThatThrownBy(() -> PluginTestKit.load(jar))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1.0.1")
                .hasMessageContaining("Bundle-Version");
    }

    @Test
    void aBundleLoadsWithOneSharedInstanceFromItsOwnLoaderAndClosesIdempotently() throws IOException {
        PluginTestKit kit = PluginTestKit.load(healthBundle("ok", "return HealthReport.up();"));
        assertThat(kit.location()).isEqualTo("caravan:test.ok@1.0.0");
        assertThat(kit.bundle().getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(kit.descriptor().id()).isEqualTo("ok");
        PluginHealth health = kit.extension(PluginHealth.class);
        assertThat(health).isSameAs(kit.extension(PluginHealth.class));
        assertThat(health.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
        assertThat(health.check(kit.context().build()).status()).isEqualTo(HealthStatus.UP);
        assertThat(kit.extension(io.caravan.sdk.tax.TaxCalculator.class)
                        .getClass()
                        .getName())
                .isEqualTo("test.h.Tax");
        assertThatThrownBy(() -> kit.extension(io.caravan.sdk.carriers.RateQuoter.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RateQuoter");
        kit.close();
        kit.close();
        assertThatThrownBy(kit::bundle).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDryRunAcceptsAnUnconfiguredPluginThatSaysDownOrNeedsStorage() throws IOException {
        DryRunResult up = PluginTestKit.dryRun(healthBundle("up", "return HealthReport.up();"));
        assertThat(up.passed()).isTrue();
        assertThat(up.health()).isEqualTo(DryRunResult.Health.UP);

        DryRunResult down = PluginTestKit.dryRun(healthBundle("down", """
                return context.configuration().string("/apiKey").isPresent() ? HealthReport.up()
                        : HealthReport.down("no API key configured");"""));
        assertThat(down.passed()).isTrue();
        assertThat(down.health()).isEqualTo(DryRunResult.Health.DOWN);
        assertThat(down.message()).contains("no API key configured");

        DryRunResult storage = PluginTestKit.dryRun(healthBundle("storage", """
                context.storage().get("token"); return HealthReport.up();"""));
        assertThat(storage.passed()).isTrue();
        assertThat(storage.health()).isEqualTo(DryRunResult.Health.UNAVAILABLE);
    }

    @Test
    void theDryRunRejectsAHealthCheckThatThrowsOrAnswersNull() throws IOException {
        for (var body : List.of("throw new IllegalStateException(\"boom\");", "return null;")) {
            DryRunResult result = PluginTestKit.dryRun(healthBundle("bad" + body.length(), body));
            assertThat(result.started()).isTrue();
            assertThat(result.passed()).as(body).isFalse();
            assertThat(result.health()).isEqualTo(DryRunResult.Health.ERROR);
        }
    }

    @Test
    void aPlainJarIsNotABundle() throws IOException {
        Path jar = dir.resolve("plain.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jos = new JarOutputStream(out, new Manifest())) {
            jos.putNextEntry(new JarEntry("x.txt"));
            jos.closeEntry();
        }
        assertThatThrownBy(() -> PluginTestKit.load(jar))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Bundle-SymbolicName");
    }
}
