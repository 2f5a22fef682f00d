package io.caravan.platform.commerce.application;

/**
 * A tax plugin's quote failed {@link TaxQuoteCheck}. Thrown inside the plugin call, so the invoker
 * treats it as the plugin's failure: counted in its metrics and breaker, then the plugin's failure
 * policy (fail-closed: 503 problem naming what was wrong; fail-open: a skipped quote with the reason).
 * Never the client's fault, so never a 4xx.
 */
public class InvalidTaxQuoteException extends RuntimeException {
    public InvalidTaxQuoteException(String message) {
        super(message, null, false, false);
    }
}
