package io.caravan.platform.host.application;

import io.caravan.sdk.affiliate.CommissionCalculator;
import io.caravan.sdk.affiliate.CommissionReverser;
import io.caravan.sdk.affiliate.ReferralAttributor;
import io.caravan.sdk.carriers.RateQuoter;
import io.caravan.sdk.carriers.ReturnShipmentBooker;
import io.caravan.sdk.carriers.ShipmentBooker;
import io.caravan.sdk.carriers.ShipmentCanceller;
import io.caravan.sdk.carriers.TrackingNotificationHandler;
import io.caravan.sdk.carriers.TrackingProvider;
import io.caravan.sdk.events.OrderEventListener;
import io.caravan.sdk.membership.CheckoutDiscountProvider;
import io.caravan.sdk.membership.PointsProgramme;
import io.caravan.sdk.membership.TierResolver;
import io.caravan.sdk.payments.PaymentAuthorizer;
import io.caravan.sdk.payments.PaymentCapturer;
import io.caravan.sdk.payments.PaymentMethodsProvider;
import io.caravan.sdk.payments.PaymentNotificationHandler;
import io.caravan.sdk.payments.PaymentRefunder;
import io.caravan.sdk.payments.PaymentSessionStarter;
import io.caravan.sdk.payments.PaymentStatusQuery;
import io.caravan.sdk.payments.PaymentVoider;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginHealth;
import io.caravan.sdk.returns.RefundCalculator;
import io.caravan.sdk.returns.ReturnAuthorizer;
import io.caravan.sdk.returns.ReturnEligibilityChecker;
import io.caravan.sdk.tax.TaxCalculator;
import java.util.EnumMap;
import java.util.Map;

/**
 * An extension point together with the SDK interface its extensions implement: the typed key a
 * caller names when it calls a plugin ({@code host.call(store, PluginPoint.TAX_CALCULATOR, ...)}),
 * so the extension arrives as a {@code TaxCalculator} without a cast or a run-time check per call.
 * One constant per {@link ExtensionPoint}; that each constant's type is the point's interface is
 * checked once, when this class is initialised.
 *
 * @param <E> the SDK interface
 */
public final class PluginPoint<E> {
    private static final Map<ExtensionPoint, PluginPoint<?>> BY_POINT = new EnumMap<>(ExtensionPoint.class);

    public static final PluginPoint<TaxCalculator> TAX_CALCULATOR =
            of(ExtensionPoint.TAX_CALCULATOR, TaxCalculator.class);
    public static final PluginPoint<PaymentMethodsProvider> PAYMENT_METHODS =
            of(ExtensionPoint.PAYMENT_METHODS, PaymentMethodsProvider.class);
    public static final PluginPoint<PaymentSessionStarter> PAYMENT_SESSIONS =
            of(ExtensionPoint.PAYMENT_SESSIONS, PaymentSessionStarter.class);
    public static final PluginPoint<PaymentAuthorizer> PAYMENT_AUTHORIZER =
            of(ExtensionPoint.PAYMENT_AUTHORIZER, PaymentAuthorizer.class);
    public static final PluginPoint<PaymentStatusQuery> PAYMENT_STATUS =
            of(ExtensionPoint.PAYMENT_STATUS, PaymentStatusQuery.class);
    public static final PluginPoint<PaymentCapturer> PAYMENT_CAPTURER =
            of(ExtensionPoint.PAYMENT_CAPTURER, PaymentCapturer.class);
    public static final PluginPoint<PaymentVoider> PAYMENT_VOIDER =
            of(ExtensionPoint.PAYMENT_VOIDER, PaymentVoider.class);
    public static final PluginPoint<PaymentRefunder> PAYMENT_REFUNDER =
            of(ExtensionPoint.PAYMENT_REFUNDER, PaymentRefunder.class);
    public static final PluginPoint<PaymentNotificationHandler> PAYMENT_NOTIFICATIONS =
            of(ExtensionPoint.PAYMENT_NOTIFICATIONS, PaymentNotificationHandler.class);
    public static final PluginPoint<RateQuoter> CARRIER_RATES = of(ExtensionPoint.CARRIER_RATES, RateQuoter.class);
    public static final PluginPoint<ShipmentBooker> CARRIER_SHIPMENTS =
            of(ExtensionPoint.CARRIER_SHIPMENTS, ShipmentBooker.class);
    public static final PluginPoint<ReturnShipmentBooker> CARRIER_RETURN_SHIPMENTS =
            of(ExtensionPoint.CARRIER_RETURN_SHIPMENTS, ReturnShipmentBooker.class);
    public static final PluginPoint<ShipmentCanceller> CARRIER_CANCELLATIONS =
            of(ExtensionPoint.CARRIER_CANCELLATIONS, ShipmentCanceller.class);
    public static final PluginPoint<TrackingProvider> CARRIER_TRACKING =
            of(ExtensionPoint.CARRIER_TRACKING, TrackingProvider.class);
    public static final PluginPoint<TrackingNotificationHandler> CARRIER_NOTIFICATIONS =
            of(ExtensionPoint.CARRIER_NOTIFICATIONS, TrackingNotificationHandler.class);
    public static final PluginPoint<TierResolver> MEMBERSHIP_TIERS =
            of(ExtensionPoint.MEMBERSHIP_TIERS, TierResolver.class);
    public static final PluginPoint<PointsProgramme> MEMBERSHIP_POINTS =
            of(ExtensionPoint.MEMBERSHIP_POINTS, PointsProgramme.class);
    public static final PluginPoint<CheckoutDiscountProvider> MEMBERSHIP_DISCOUNTS =
            of(ExtensionPoint.MEMBERSHIP_DISCOUNTS, CheckoutDiscountProvider.class);
    public static final PluginPoint<ReferralAttributor> AFFILIATE_ATTRIBUTION =
            of(ExtensionPoint.AFFILIATE_ATTRIBUTION, ReferralAttributor.class);
    public static final PluginPoint<CommissionCalculator> AFFILIATE_COMMISSIONS =
            of(ExtensionPoint.AFFILIATE_COMMISSIONS, CommissionCalculator.class);
    public static final PluginPoint<CommissionReverser> AFFILIATE_REVERSALS =
            of(ExtensionPoint.AFFILIATE_REVERSALS, CommissionReverser.class);
    public static final PluginPoint<ReturnEligibilityChecker> RETURN_ELIGIBILITY =
            of(ExtensionPoint.RETURN_ELIGIBILITY, ReturnEligibilityChecker.class);
    public static final PluginPoint<ReturnAuthorizer> RETURN_AUTHORIZATION =
            of(ExtensionPoint.RETURN_AUTHORIZATION, ReturnAuthorizer.class);
    public static final PluginPoint<RefundCalculator> RETURN_REFUNDS =
            of(ExtensionPoint.RETURN_REFUNDS, RefundCalculator.class);
    public static final PluginPoint<OrderEventListener> ORDER_EVENTS =
            of(ExtensionPoint.ORDER_EVENTS, OrderEventListener.class);
    public static final PluginPoint<PluginHealth> HEALTH = of(ExtensionPoint.HEALTH, PluginHealth.class);

    static {
        for (ExtensionPoint point : ExtensionPoint.values()) {
            if (!BY_POINT.containsKey(point)) {
                throw new ExceptionInInitializerError("PluginPoint has no constant for " + point);
            }
        }
    }

    private final ExtensionPoint point;
    private final Class<E> type;

    private PluginPoint(ExtensionPoint point, Class<E> type) {
        this.point = point;
        this.type = type;
    }

    private static <E> PluginPoint<E> of(ExtensionPoint point, Class<E> type) {
        if (!type.getName().equals(point.interfaceName())) {
            throw new ExceptionInInitializerError(type.getName() + " is not the interface of " + point);
        }
        PluginPoint<E> key = new PluginPoint<>(point, type);
        BY_POINT.put(point, key);
        return key;
    }

    /** The typed key of an untyped point. */
    public static PluginPoint<?> of(ExtensionPoint point) {
        return BY_POINT.get(point);
    }

    public ExtensionPoint point() {
        return point;
    }

    public Class<E> type() {
        return type;
    }

    @Override
    public String toString() {
        return point.name();
    }
}
