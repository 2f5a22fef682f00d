package io.caravan.plugins.tax;

import io.caravan.sdk.tax.TaxQuote;

/**
 * One tax regime: the rule that decides the taxes, duties and notices on a consignment to the
 * destinations it covers (EU import, UK low-value goods, Norway VOEC, ...).
 *
 * <p>{@link TaxRegimes} picks the regime for a consignment; the regime never checks that it is
 * the right one. Implementations hold only shared, immutable reference data ({@link VatRates},
 * {@link ImportRules}); everything about the call is in the {@link Consignment}.
 */
interface TaxRegime {

    /** The complete quote for a consignment this regime covers. */
    TaxQuote quote(Consignment consignment);
}
