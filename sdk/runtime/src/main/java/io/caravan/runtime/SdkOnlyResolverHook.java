package io.caravan.runtime;

import java.util.Collection;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Plugins see the SDK and nothing else. The system bundle exports the JRE's non-{@code java.*}
 * packages too ({@code javax.naming}, {@code org.w3c.dom}, ...), and other plugin bundles could
 * export packages; this hook removes every such candidate when a plugin's import or
 * {@code Require-Bundle} is matched, so a bundle that needs anything but {@code io.caravan.sdk.*}
 * fails to resolve instead of reaching into the platform or another plugin.
 */
final class SdkOnlyResolverHook implements ResolverHook {
    static final String SDK_PACKAGE_PREFIX = "io.caravan.sdk";

    static ResolverHookFactory factory() {
        return triggers -> new SdkOnlyResolverHook();
    }

    @Override
    public void filterResolvable(Collection<BundleRevision> candidates) {
        // every bundle may try to resolve; what it may wire to is decided below
    }

    @Override
    public void filterSingletonCollisions(
            BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
        // plugins are not singletons; versions live side by side
    }

    @Override
    public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
        long requirer = requirement.getRevision().getBundle().getBundleId();
        if (requirer == 0) {
            return;
        }
        String namespace = requirement.getNamespace();
        if (PackageNamespace.PACKAGE_NAMESPACE.equals(namespace)) {
            candidates.removeIf(c -> !allowedPackage(requirer, c));
        } else if (BundleNamespace.BUNDLE_NAMESPACE.equals(namespace)) {
            candidates.clear();
        }
    }

    private static boolean allowedPackage(long requirer, BundleCapability capability) {
        long provider = capability.getRevision().getBundle().getBundleId();
        if (provider == requirer) {
            return true;
        }
        if (provider != 0) {
            return false;
        }
        Object name = capability.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
        return name instanceof String s && (s.equals(SDK_PACKAGE_PREFIX) || s.startsWith(SDK_PACKAGE_PREFIX + "."));
    }

    @Override
    public void end() {
        // stateless
    }
}
