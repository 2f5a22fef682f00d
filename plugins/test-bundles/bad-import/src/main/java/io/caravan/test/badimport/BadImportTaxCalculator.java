package io.caravan.test.badimport;

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxQuote;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Uses {@link InitialContext}, so bnd writes {@code Import-Package: javax.naming} (not optional).
 * The platform exports only the SDK to plugins: the bundle cannot resolve and this class never
 * runs. Its body only exists to reference the package.
 */
public final class BadImportTaxCalculator implements TaxCalculator {

    /** Never reached in a framework that does not export javax.naming. */
    public BadImportTaxCalculator() {}

    @Override
    public TaxQuote quote(PluginContext context, Cart cart) {
        try {
            Object found = new InitialContext().lookup("java:comp/env/tax");
            throw new IllegalStateException("test-bad-import must never run; found " + found);
        } catch (NamingException e) {
            throw new IllegalStateException("test-bad-import must never run", e);
        }
    }
}
