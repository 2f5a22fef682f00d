package io.caravan.sdk.plugin;

import java.time.Duration;

/**
 * Every extension point of the SDK: the interface a plugin implements, the kind it belongs to, and
 * the deadline the platform applies unless an operator configures another. A descriptor names the
 * class implementing each point it provides, with its failure policy. New points may be added in a
 * minor version.
 *
 * <p>Deadlines are what a checkout can afford: points on the shopper's path (tax, methods,
 * discounts, tiers) are short; points that talk to a provider (authorize, create shipment) longer.
 * {@link PluginContext#deadline()} gives the actual deadline of a call.
 */
public enum ExtensionPoint {
    /** {@code io.caravan.sdk.tax.TaxCalculator}. */
    TAX_CALCULATOR(PluginKind.TAX, "io.caravan.sdk.tax.TaxCalculator", Duration.ofMillis(1000)),
    /** {@code io.caravan.sdk.payments.PaymentMethodsProvider}. */
    PAYMENT_METHODS(PluginKind.PAYMENTS, "io.caravan.sdk.payments.PaymentMethodsProvider", Duration.ofMillis(800)),
    /** {@code io.caravan.sdk.payments.PaymentSessionStarter}; no {@code FALLBACK} policy. */
    PAYMENT_SESSIONS(
            PluginKind.PAYMENTS, "io.caravan.sdk.payments.PaymentSessionStarter", Duration.ofSeconds(5), false),
    /** {@code io.caravan.sdk.payments.PaymentAuthorizer}; no {@code FALLBACK} policy. */
    PAYMENT_AUTHORIZER(PluginKind.PAYMENTS, "io.caravan.sdk.payments.PaymentAuthorizer", Duration.ofSeconds(15), false),
    /** {@code io.caravan.sdk.payments.PaymentStatusQuery}. */
    PAYMENT_STATUS(PluginKind.PAYMENTS, "io.caravan.sdk.payments.PaymentStatusQuery", Duration.ofSeconds(5)),
    /** {@code io.caravan.sdk.payments.PaymentCapturer}; no {@code FALLBACK} policy. */
    PAYMENT_CAPTURER(PluginKind.PAYMENTS, "io.caravan.sdk.payments.PaymentCapturer", Duration.ofSeconds(15), false),
    /** {@code io.caravan.sdk.payments.PaymentVoider}; no {@code FALLBACK} policy. */
    PAYMENT_VOIDER(PluginKind.PAYMENTS, "io.caravan.sdk.payments.PaymentVoider", Duration.ofSeconds(15), false),
    /** {@code io.caravan.sdk.payments.PaymentRefunder}; no {@code FALLBACK} policy. */
    PAYMENT_REFUNDER(PluginKind.PAYMENTS, "io.caravan.sdk.payments.PaymentRefunder", Duration.ofSeconds(15), false),
    /** {@code io.caravan.sdk.payments.PaymentNotificationHandler}. */
    PAYMENT_NOTIFICATIONS(
            PluginKind.PAYMENTS, "io.caravan.sdk.payments.PaymentNotificationHandler", Duration.ofSeconds(5)),
    /** {@code io.caravan.sdk.carriers.RateQuoter}. */
    CARRIER_RATES(PluginKind.CARRIERS, "io.caravan.sdk.carriers.RateQuoter", Duration.ofMillis(2000)),
    /** {@code io.caravan.sdk.carriers.ShipmentBooker}; no {@code FALLBACK} policy. */
    CARRIER_SHIPMENTS(PluginKind.CARRIERS, "io.caravan.sdk.carriers.ShipmentBooker", Duration.ofSeconds(20), false),
    /** {@code io.caravan.sdk.carriers.ReturnShipmentBooker}; no {@code FALLBACK} policy. */
    CARRIER_RETURN_SHIPMENTS(
            PluginKind.CARRIERS, "io.caravan.sdk.carriers.ReturnShipmentBooker", Duration.ofSeconds(20), false),
    /** {@code io.caravan.sdk.carriers.ShipmentCanceller}; no {@code FALLBACK} policy. */
    CARRIER_CANCELLATIONS(
            PluginKind.CARRIERS, "io.caravan.sdk.carriers.ShipmentCanceller", Duration.ofSeconds(10), false),
    /** {@code io.caravan.sdk.carriers.TrackingProvider}. */
    CARRIER_TRACKING(PluginKind.CARRIERS, "io.caravan.sdk.carriers.TrackingProvider", Duration.ofSeconds(5)),
    /** {@code io.caravan.sdk.carriers.TrackingNotificationHandler}. */
    CARRIER_NOTIFICATIONS(
            PluginKind.CARRIERS, "io.caravan.sdk.carriers.TrackingNotificationHandler", Duration.ofSeconds(5)),
    /** {@code io.caravan.sdk.membership.TierResolver}. */
    MEMBERSHIP_TIERS(PluginKind.MEMBERSHIP, "io.caravan.sdk.membership.TierResolver", Duration.ofMillis(500)),
    /** {@code io.caravan.sdk.membership.PointsProgramme}. */
    MEMBERSHIP_POINTS(PluginKind.MEMBERSHIP, "io.caravan.sdk.membership.PointsProgramme", Duration.ofSeconds(2)),
    /** {@code io.caravan.sdk.membership.CheckoutDiscountProvider}. */
    MEMBERSHIP_DISCOUNTS(
            PluginKind.MEMBERSHIP, "io.caravan.sdk.membership.CheckoutDiscountProvider", Duration.ofMillis(500)),
    /** {@code io.caravan.sdk.affiliate.ReferralAttributor}. */
    AFFILIATE_ATTRIBUTION(PluginKind.AFFILIATE, "io.caravan.sdk.affiliate.ReferralAttributor", Duration.ofSeconds(2)),
    /** {@code io.caravan.sdk.affiliate.CommissionCalculator}. */
    AFFILIATE_COMMISSIONS(PluginKind.AFFILIATE, "io.caravan.sdk.affiliate.CommissionCalculator", Duration.ofSeconds(2)),
    /** {@code io.caravan.sdk.affiliate.CommissionReverser}. */
    AFFILIATE_REVERSALS(PluginKind.AFFILIATE, "io.caravan.sdk.affiliate.CommissionReverser", Duration.ofSeconds(2)),
    /** {@code io.caravan.sdk.returns.ReturnEligibilityChecker}. */
    RETURN_ELIGIBILITY(PluginKind.RETURNS, "io.caravan.sdk.returns.ReturnEligibilityChecker", Duration.ofSeconds(2)),
    /** {@code io.caravan.sdk.returns.ReturnAuthorizer}. */
    RETURN_AUTHORIZATION(PluginKind.RETURNS, "io.caravan.sdk.returns.ReturnAuthorizer", Duration.ofSeconds(5)),
    /** {@code io.caravan.sdk.returns.RefundCalculator}. */
    RETURN_REFUNDS(PluginKind.RETURNS, "io.caravan.sdk.returns.RefundCalculator", Duration.ofSeconds(2)),
    /** {@code io.caravan.sdk.events.OrderEventListener}; any kind may provide it. */
    ORDER_EVENTS(null, "io.caravan.sdk.events.OrderEventListener", Duration.ofSeconds(10)),
    /** {@link PluginHealth}; any kind may provide it. */
    HEALTH(null, "io.caravan.sdk.plugin.PluginHealth", Duration.ofSeconds(2));

    private final PluginKind kind;
    private final String interfaceName;
    private final Duration defaultDeadline;
    private final boolean allowsFallback;

    ExtensionPoint(PluginKind kind, String interfaceName, Duration defaultDeadline) {
        this(kind, interfaceName, defaultDeadline, true);
    }

    ExtensionPoint(PluginKind kind, String interfaceName, Duration defaultDeadline, boolean allowsFallback) {
        this.kind = kind;
        this.interfaceName = interfaceName;
        this.defaultDeadline = defaultDeadline;
        this.allowsFallback = allowsFallback;
    }

    /**
     * Whether an extension of this point may declare {@link FailurePolicy#FALLBACK}. Refused on the
     * points that move money or hold a provider's session ({@link #PAYMENT_SESSIONS},
     * {@link #PAYMENT_AUTHORIZER}, {@link #PAYMENT_CAPTURER}, {@link #PAYMENT_VOIDER},
     * {@link #PAYMENT_REFUNDER}) and on those that book or cancel at a carrier
     * ({@link #CARRIER_SHIPMENTS}, {@link #CARRIER_RETURN_SHIPMENTS}, {@link #CARRIER_CANCELLATIONS}):
     * a failed or timed-out call there may have moved money or booked a pickup, so "use the next
     * provider" is the platform's routing decision, taken only on a definite answer.
     *
     * @return false for those points
     */
    public boolean allowsFallback() {
        return allowsFallback;
    }

    /**
     * The kind this point belongs to.
     *
     * @return the kind, or null for points any kind may provide ({@link #ORDER_EVENTS}, {@link #HEALTH})
     */
    public PluginKind kind() {
        return kind;
    }

    /**
     * The fully qualified name of the interface a plugin implements for this point.
     *
     * @return e.g. {@code "io.caravan.sdk.tax.TaxCalculator"}
     */
    public String interfaceName() {
        return interfaceName;
    }

    /**
     * How long the platform waits for a call unless configured otherwise.
     *
     * @return the default deadline
     */
    public Duration defaultDeadline() {
        return defaultDeadline;
    }
}
