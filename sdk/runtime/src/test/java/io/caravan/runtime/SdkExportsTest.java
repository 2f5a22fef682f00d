package io.caravan.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

class SdkExportsTest {

    @Test
    void theSdkOnTheClassPathExportsItsPackagesWithTheirVersionsAndNotItsInternals() {
        SdkExports sdk = SdkExports.ofSdkOnClassPath();
        List<String> packages = List.of(sdk.systemPackagesExtra().split(","));
        assertThat(packages)
                .anyMatch(p -> p.matches("io\\.caravan\\.sdk\\.tax;version=\\d+\\.\\d+\\.\\d+"))
                .anyMatch(p -> p.matches("io\\.caravan\\.sdk\\.plugin;version=\\d+\\.\\d+\\.\\d+"))
                .anyMatch(p -> p.matches("io\\.caravan\\.sdk\\.money;version=\\d+\\.\\d+\\.\\d+"))
                .allMatch(p -> p.startsWith("io.caravan.sdk."))
                .noneMatch(p -> p.startsWith("io.caravan.sdk.internal"));
        assertThat(sdk.apiVersion()).isEqualTo(sdk.packages().get(SdkExports.API_PACKAGE));
    }

    @Test
    void aRangeIsMatchedAgainstThePluginApiPackageVersion() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes()
                .putValue(
                        "Export-Package",
                        "io.caravan.sdk.plugin;version=\"1.2.0\";uses:=\"io.caravan.sdk.money\",io.caravan.sdk.money;version=\"1.0.0\"");
        SdkExports sdk = SdkExports.fromManifest(manifest);
        assertThat(sdk.apiVersion()).isEqualTo("1.2.0");
        assertThat(sdk.packages()).containsEntry("io.caravan.sdk.money", "1.0.0");
        assertThat(sdk.accepts("[1.0,2.0)")).isTrue();
        assertThat(sdk.accepts("1.2")).isTrue();
        assertThat(sdk.accepts("[1.3,2.0)")).isFalse();
        assertThat(sdk.accepts("[2.0,3.0)")).isFalse();
        assertThat(sdk.accepts("not a range")).isFalse();
        assertThat(sdk.accepts(null)).isFalse();
    }

    @Test
    void aManifestWithoutThePluginApiIsNotAnSdk() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Export-Package", "io.caravan.sdk.money;version=1.0.0");
        assertThatThrownBy(() -> SdkExports.fromManifest(manifest))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SdkExports.API_PACKAGE);
        assertThatThrownBy(() -> SdkExports.fromManifest(new Manifest()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exports nothing");
    }
}
