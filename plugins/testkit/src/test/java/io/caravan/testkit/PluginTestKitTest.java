package io.caravan.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit's failure paths, with tiny bundles written here (no classes needed). */
class PluginTestKitTest {

    @TempDir
    Path dir;

    private Path bundle(String name, String importPackage, String descriptor) throws IOException {
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
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, mf)) {
            if (descriptor != null) {
                jos.putNextEntry(new JarEntry(PluginTestKit.DESCRIPTOR_PATH));
                jos.write(descriptor.getBytes(StandardCharsets.UTF_8));
                jos.closeEntry();
            }
        }
        return jar;
    }

    private static final String DESCRIPTOR = """
            {"id": "t", "extensions": [{"point": "TAX_CALCULATOR", "class": "test.Missing", "failurePolicy": "FAIL_CLOSED"}]}""";

    @Test
    void aMissingJarIsReportedWithAHint() {
        assertThatThrownBy(() -> PluginTestKit.load(dir.resolve("nope.jar")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mvn package");
    }

    @Test
    void aBundleImportingAnythingButTheSdkDoesNotResolve() throws IOException {
        // jakarta.json and Felix are on this test's class path, but must not be visible to plugins
        for (String pkg : new String[] {"jakarta.json", "org.apache.felix.framework", "io.caravan.sdk.internal"}) {
            Path jar = bundle("imports-" + pkg.replace('.', '-'), pkg, DESCRIPTOR);
            assertThatThrownBy(() -> PluginTestKit.load(jar)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(pkg);
        }
    }

    @Test
    void anSdkImportResolvesAndAMissingExtensionClassIsReported() throws IOException {
        Path jar = bundle("sdk-only", "io.caravan.sdk.tax;version=\"[1.0,2)\"", DESCRIPTOR);
        assertThatThrownBy(() -> PluginTestKit.load(jar)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test.Missing");
    }

    @Test
    void aBundleWithoutDescriptorIsRefused() throws IOException {
        Path jar = bundle("no-descriptor", null, null);
        assertThatThrownBy(() -> PluginTestKit.load(jar)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PluginTestKit.DESCRIPTOR_PATH);
    }

    @Test
    void aBundleWithoutExtensionsLoadsAndCloses() throws IOException {
        Path jar = bundle("empty", null, "{\"id\": \"empty\", \"extensions\": []}");
        PluginTestKit kit = PluginTestKit.load(jar);
        assertThat(kit.location()).isEqualTo("caravan:test.empty@1.0.0");
        assertThat(kit.descriptor().getString("id")).isEqualTo("empty");
        assertThatThrownBy(() -> kit.extension(io.caravan.sdk.tax.TaxCalculator.class))
                .isInstanceOf(IllegalArgumentException.class);
        kit.close();
        kit.close();
        assertThatThrownBy(kit::bundle).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPlainJarIsNotABundle() throws IOException {
        Path jar = dir.resolve("plain.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, new Manifest())) {
            jos.putNextEntry(new JarEntry("x.txt"));
            jos.closeEntry();
        }
        assertThatThrownBy(() -> PluginTestKit.load(jar)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Bundle-SymbolicName");
    }
}
