package io.caravan.test.badimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.testkit.PluginTestKit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The built bundle imports javax.naming, which the platform does not export to plugins. */
class BadImportBundleIT {

    static Path bundleJar() {
        String path = System.getProperty("caravan.plugin.bundle");
        assertThat(path)
                .as("system property caravan.plugin.bundle (set by the pom)")
                .isNotBlank();
        return Path.of(path);
    }

    @Test
    void manifestImportsJavaxNamingNotOptionally() throws IOException {
        try (JarFile jar = new JarFile(bundleJar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Bundle-SymbolicName")).isEqualTo("io.caravan.test.badimport");
            assertThat(main.getValue("Bundle-Version")).isEqualTo("1.0.0");
            String imports = main.getValue("Import-Package");
            assertThat(imports).contains("javax.naming").doesNotContain("optional");
            assertThat(jar.getEntry(PluginTestKit.DESCRIPTOR_PATH)).isNotNull();
        }
    }

    @Test
    void loadFailsBecauseTheBundleCannotResolve() {
        assertThatThrownBy(() -> PluginTestKit.load(bundleJar()).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot load plugin bundle")
                .hasMessageContaining("Unable to resolve")
                .hasMessageContaining("javax.naming");
    }
}
