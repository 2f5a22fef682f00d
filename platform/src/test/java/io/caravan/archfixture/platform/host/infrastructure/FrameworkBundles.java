package io.caravan.archfixture.platform.host.infrastructure;

import org.osgi.framework.Bundle;

/** Allowed: the host may know OSGi. */
public class FrameworkBundles {
    public long id(Bundle bundle) {
        return bundle.getBundleId();
    }
}
