package io.caravan.platform.commerce.application;

import io.caravan.platform.catalog.domain.InsufficientStockException;
import io.caravan.platform.commerce.domain.AttemptOutcome;
import io.caravan.platform.commerce.domain.StoreOrder;
import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.host.application.PluginPoint;
import io.caravan.platform.host.application.RoutingFacts;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.tenancy.application.StoreContext;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Places an order from a checkout, exactly once per Idempotency-Key: the key is claimed first; the
 * quote is recomputed and must still show the total the shopper accepted; the order, its price
 * snapshot, its stock reservation and its first payment attempt commit together before any
 * provider is called; then the payment router authorises. The same key with the same body answers
 * what the first request answered; a repeat that arrives while the first still works waits for it.
 */
@ApplicationScoped
public class OrderPlacement {
    static final String OPERATION = "place-order";

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Checkouts checkouts;

    @Inject
    OrderWrites writes;

    @Inject
    PaymentRouter router;

    @Inject
    PaymentOperations operations;

    @Inject
    CommerceSettingsService settings;

    @Inject
    PluginHost host;

    @Inject
    Clock clock;

    /** How long a repeat of a key waits for the first request's answer before answering 409. */
    @Inject
    @ConfigProperty(name = "caravan.commerce.idempotency-wait", defaultValue = "PT40S")
    Duration waitForFirst;

    /**
     * What the storefront sends to place an order.
     *
     * @param expectedTotal the total (minor units, store currency) the shopper accepted: placement
     *                      refuses when the recomputed total differs
     * @param paymentToken  the provider's client-side token (card fields, wallet), if the method has one
     * @param returnUrl     where a redirect brings the shopper back, if the method redirects
     */
    public record PlaceOrder(Long expectedTotal, String paymentToken, String returnUrl) {}

    /** The answer, stored with the key and given again for a repeat. */
    public record Placement(
            int status,
            String orderId,
            long number,
            String orderStatus,
            String paymentStatus,
            String fulfilmentStatus,
            String paymentId,
            String attempt,
            PaymentRouter.ActionView action,
            Instant expiresAt,
            String declineCategory,
            String declineCode,
            String message) {}

    public Placement place(StoreContext store, String checkoutId, String key, PlaceOrder body) {
        IdempotentRequests.checkKey(key);
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        if (body == null || body.expectedTotal() == null || body.expectedTotal() < 0) {
            errors.add("expectedTotal", "is required: the total (minor units) the shopper accepted");
        }
        URI returnUrl = null;
        if (body != null && body.returnUrl() != null) {
            try {
                returnUrl = new URI(body.returnUrl());
                if (!"https".equals(returnUrl.getScheme()) && !"http".equals(returnUrl.getScheme())
                        || returnUrl.getHost() == null
                        || body.returnUrl().length() > 2000) {
                    errors.add("returnUrl", "must be an absolute http(s) URL of at most 2000 characters");
                }
            } catch (URISyntaxException e) {
                errors.add("returnUrl", "must be an absolute http(s) URL of at most 2000 characters");
            }
        }
        if (body != null && body.paymentToken() != null && body.paymentToken().length() > 4096) {
            errors.add("paymentToken", "must be at most 4096 characters");
        }
        errors.throwIfAny();
        String hash = IdempotentRequests.hash(checkoutId + "\n" + CommerceJson.write(body));
        IdempotentRequests.Claim claim = idempotency.claim(store.storeId(), OPERATION, key, hash);
        if (claim instanceof IdempotentRequests.Claim.Replay replay) {
            return CommerceJson.read(replay.body(), Placement.class);
        }
        if (claim instanceof IdempotentRequests.Claim.InProgress) {
            return waitForAnswer(store.storeId(), key, hash);
        }
        String recordId = ((IdempotentRequests.Claim.Fresh) claim).recordId();
        Placement placement;
        try {
            placement = placeOnce(store, checkoutId, body, returnUrl);
        } catch (RuntimeException e) {
            // nothing was placed (the order transaction rolled back): the key may be used again
            idempotency.abandon(store.storeId(), recordId);
            throw e;
        }
        idempotency.complete(store.storeId(), recordId, placement.status(), CommerceJson.write(placement));
        return placement;
    }

    private Placement waitForAnswer(String storeId, String key, String hash) {
        Instant until = clock.instant().plus(waitForFirst);
        long pause = 25;
        while (clock.instant().isBefore(until)) {
            Optional<IdempotentRequests.Claim> now = idempotency.current(storeId, OPERATION, key, hash);
            if (now.isEmpty()) {
                throw new StateConflictException(
                        "The first request with this Idempotency-Key failed without placing an order; send it again");
            }
            if (now.get() instanceof IdempotentRequests.Claim.Replay replay) {
                return CommerceJson.read(replay.body(), Placement.class);
            }
            try {
                // waiting for another request's transaction: nothing to be notified by across nodes
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause = Math.min(pause * 2, 500);
        }
        throw new StateConflictException(
                "A request with this Idempotency-Key is still being processed; ask again in a few seconds");
    }

    private Placement placeOnce(StoreContext store, String checkoutId, PlaceOrder body, URI returnUrl) {
        Checkouts.Quoted before = checkouts.get(store, checkoutId);
        Checkouts.Quoted now = checkouts.refresh(store, checkoutId);
        CheckoutQuote quote = now.quote();
        if (!quote.placeable()) {
            throw new CheckoutNotPlaceableException(quote.blockers());
        }
        if (quote.totals().total() != body.expectedTotal()) {
            throw new CheckoutChangedException(body.expectedTotal(), quote);
        }
        CheckoutQuote.Method method = quote.paymentMethods().stream()
                .filter(m -> m.methodCode().equals(quote.chosenMethod()))
                .findFirst()
                .orElseThrow(() -> new CheckoutNotPlaceableException(List.of("choose a payment method")));
        List<InstalledPlugin> providers = providers(store, quote, method);
        if (providers.isEmpty()) {
            throw new CheckoutNotPlaceableException(
                    List.of("no payments plugin of the store can authorise " + method.methodCode() + " now"));
        }
        CheckoutQuoting.Computed computed = new CheckoutQuoting.Computed(quote, now.cart());
        settings.ensureExists(store.storeId());
        OrderWrites.Created created;
        try {
            created = writes.create(store.storeId(), checkoutId, computed, providers.get(0), actor(store));
        } catch (InsufficientStockException e) {
            throw OutOfStockException.of(e, checkouts.request(store, checkoutId));
        }
        Cart cart = computed.cart();
        PaymentRouter.PaymentInput input = new PaymentRouter.PaymentInput(
                body.paymentToken(),
                returnUrl,
                billing(cart.shipTo()),
                cart.customer(),
                Locale.forLanguageTag(before.checkout().shopperLocale()));
        OrderWrites.State state = router.authorize(
                store.storeId(),
                created.orderId(),
                created.paymentId(),
                providers,
                method.methodCode(),
                quote.totals().total(),
                quote.currency(),
                input);
        if (state.attempt() == AttemptOutcome.AUTHORIZED
                && settings.settings(store.storeId()).captureMode()
                        == io.caravan.platform.commerce.domain.CommerceSettings.CaptureMode.AT_ONCE) {
            operations.captureAfterAuthorization(store.ref(), state.paymentId());
            state = writes.state(store.storeId(), state.paymentId());
        }
        if (state.attempt().allowsNextProvider()) {
            writes.cancelUnpaid(
                    store.storeId(),
                    created.orderId(),
                    "payment declined by every provider the store routes " + method.methodCode() + " to");
            return new Placement(
                    402,
                    created.orderId(),
                    created.number(),
                    StoreOrder.Lifecycle.CANCELLED.name(),
                    StoreOrder.PaymentFacet.FAILED.name(),
                    StoreOrder.FulfilmentFacet.UNFULFILLED.name(),
                    state.paymentId(),
                    state.attempt().name(),
                    null,
                    null,
                    state.declineCategory(),
                    state.declineCode(),
                    "The payment was declined"
                            + (state.declineMessage() == null ? "." : ": " + state.declineMessage()));
        }
        return new Placement(
                201,
                created.orderId(),
                created.number(),
                state.status().name(),
                state.paymentStatus().name(),
                state.fulfilmentStatus().name(),
                state.paymentId(),
                state.attempt().name(),
                state.actionJson() == null
                        ? null
                        : CommerceJson.read(state.actionJson(), PaymentRouter.ActionView.class),
                state.expiresAt(),
                null,
                null,
                message(state));
    }

    /** The installations that may authorise the method, in the store's routing order, as the quote named them. */
    private List<InstalledPlugin> providers(StoreContext store, CheckoutQuote quote, CheckoutQuote.Method method) {
        RoutingFacts facts = new RoutingFacts(
                CountryCode.of(quote.destination()),
                java.util.Currency.getInstance(quote.currency()),
                method.methodCode(),
                quote.totals().total());
        Map<String, InstalledPlugin> routed =
                host.providers(store.ref(), PluginPoint.PAYMENT_AUTHORIZER, facts).stream()
                        .collect(Collectors.toMap(p -> p.installationId().value(), Function.identity(), (a, b) -> a));
        List<InstalledPlugin> ordered = new ArrayList<>();
        for (CheckoutQuote.Producer producer : method.providers()) {
            InstalledPlugin p = routed.get(producer.installationId());
            if (p != null) {
                ordered.add(p);
            }
        }
        return ordered;
    }

    private static Address billing(Address shipTo) {
        return shipTo;
    }

    private static String actor(StoreContext store) {
        return store.actor().kind().name().toLowerCase(Locale.ROOT) + ":"
                + store.actor().name();
    }

    private static String message(OrderWrites.State state) {
        if (state.paymentStatus() == StoreOrder.PaymentFacet.PAID) {
            return "Order placed and paid.";
        }
        return switch (state.attempt()) {
            case AUTHORIZED -> "Order placed; the payment is authorised.";
            case CAPTURED -> "Order placed and paid.";
            case ACTION_REQUIRED -> "Order placed; the shopper must complete the payment (see action).";
            case PENDING -> "Order placed; the payment is pending (see action and expiresAt).";
            case UNKNOWN, REQUESTED ->
                "Order placed; the provider's answer is being confirmed. No other provider is"
                        + " tried meanwhile: poll the order.";
            default -> "Order placed.";
        };
    }
}
