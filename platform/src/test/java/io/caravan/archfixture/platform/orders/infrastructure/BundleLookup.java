package io.caravan.archfixture.platform.orders.infrastructure;

import org.osgi.framework.Bundle;

/** Wrong: outside the host, knows OSGi. */
public class BundleLookup {
    public String name(Bundle bundle) {
        return bundle.getSymbolicName();
    }
}
