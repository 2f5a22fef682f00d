package io.caravan.platform.validation.application;

import io.caravan.platform.host.application.BundleDryRun;
import io.caravan.runtime.SdkExports;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the checks compare an upload with.
 *
 * @param expectedSymbolicName the Bundle-SymbolicName the listing is bound to; null when this is
 *                             the listing's first upload (which binds it)
 * @param expectedPluginId     the descriptor id the listing is bound to; null when not bound yet
 * @param sdkVersion           the SDK version this platform exports to plugins, such as {@code "1.0.0"}
 *                             (what descriptors' {@code sdk} ranges are checked against)
 * @param sdkPackages          the SDK's exported packages and their versions (what Import-Package
 *                             clauses are checked against); empty means every {@code io.caravan.sdk.*}
 *                             package but {@code .internal} at {@code sdkVersion}
 * @param publishedSha256      the SHA-256 already published under a version of the listing, if any;
 *                             null when the caller cannot tell (the immutability check is skipped)
 * @param dryRun               loads the bundle in a scratch framework; null skips the dry run
 */
public record ValidationContext(
        String expectedSymbolicName,
        String expectedPluginId,
        String sdkVersion,
        Map<String, String> sdkPackages,
        Function<String, Optional<String>> publishedSha256,
        BundleDryRun dryRun) {

    public ValidationContext {
        Objects.requireNonNull(sdkVersion, "sdkVersion");
        OsgiVersion.parse(sdkVersion);
        sdkPackages = Map.copyOf(sdkPackages);
    }

    /**
     * The usual context: the SDK's packages as its bundle manifest on the platform's class path
     * exports them (as the host exports them to plugins), no plugin id binding, no published versions.
     */
    public static ValidationContext of(String expectedSymbolicName, String sdkVersion, BundleDryRun dryRun) {
        return new ValidationContext(
                expectedSymbolicName,
                null,
                sdkVersion,
                SdkExports.ofSdkOnClassPath().packages(),
                null,
                dryRun);
    }

    public ValidationContext withExpectedPluginId(String pluginId) {
        return new ValidationContext(expectedSymbolicName, pluginId, sdkVersion, sdkPackages, publishedSha256, dryRun);
    }

    /** @param lookup version → SHA-256 of the bytes published under it, for this listing */
    public ValidationContext withPublishedVersions(Function<String, Optional<String>> lookup) {
        return new ValidationContext(expectedSymbolicName, expectedPluginId, sdkVersion, sdkPackages, lookup, dryRun);
    }

    public ValidationContext withSdkPackages(Map<String, String> packages) {
        return new ValidationContext(
                expectedSymbolicName, expectedPluginId, sdkVersion, packages, publishedSha256, dryRun);
    }

    public ValidationContext withDryRun(BundleDryRun run) {
        return new ValidationContext(
                expectedSymbolicName, expectedPluginId, sdkVersion, sdkPackages, publishedSha256, run);
    }

    /** The version this platform exports an SDK package at, or null if it does not export it. */
    String exportedSdkPackageVersion(String pkg) {
        if (!sdkPackages.isEmpty()) {
            return sdkPackages.get(pkg);
        }
        boolean internal = pkg.endsWith(".internal") || pkg.contains(".internal.");
        return ManifestChecks.isSdk(pkg) && !internal ? sdkVersion : null;
    }
}
