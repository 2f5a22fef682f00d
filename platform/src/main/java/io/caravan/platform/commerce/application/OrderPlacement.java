package io.caravan.platform.commerce.application;

import io.caravan.platform.catalog.domain.InsufficientStockException;
import io.caravan.platform.commerce.domain.AttemptOutcome;
import io.caravan.platform.commerce.domain.StoreOrder;
import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.host.application.PluginPoint;
import io.caravan.platform.host.application.RoutingFacts;
import io.caravan.platform.shared.domain.NotFoundException;
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
import java.util.Set;
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
     * How long a key's first request may go without answering before a repeat takes the key over
     * (its node died); far above a placement's own bounded work.
     */
    @Inject
    @ConfigProperty(name = "caravan.commerce.idempotency-takeover", defaultValue = "PT60S")
    Duration takeoverAfter;

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
        String recordId;
        if (claim instanceof IdempotentRequests.Claim.InProgress first) {
            Optional<IdempotentRequests.Claim.InProgress> abandoned = waitForAnswer(store.storeId(), key, hash, first);
            if (abandoned.isEmpty()) {
                return replayed(store.storeId(), key, hash);
            }
            recordId = abandoned.get().recordId();
            // the request that claimed the key died; if it got as far as the order, answer that order
            Optional<Placement> placed =
                    alreadyPlaced(store, checkoutId, abandoned.get().since());
            if (placed.isPresent()) {
                idempotency.complete(
                        store.storeId(), recordId, placed.get().status(), CommerceJson.write(placed.get()));
                return placed.get();
            }
        } else {
            recordId = ((IdempotentRequests.Claim.Fresh) claim).recordId();
        }
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

    /**
     * Waits for the first request with the key to answer (then empty: {@link #replayed} gives its
     * answer). A first request that has not answered for {@code caravan.commerce.idempotency-takeover}
     * died with its node (a placement's own work is bounded by its plugin and provider deadlines, far
     * below that): this repeat takes the key over and gets the dead request's claim back, so that a
     * shopper's retry after a crash is answered instead of refused for as long as the key is kept.
     */
    private Optional<IdempotentRequests.Claim.InProgress> waitForAnswer(
            String storeId, String key, String hash, IdempotentRequests.Claim.InProgress first) {
        Instant until = clock.instant().plus(waitForFirst);
        long pause = 25;
        IdempotentRequests.Claim.InProgress working = first;
        while (true) {
            if (!working.since().plus(takeoverAfter).isAfter(clock.instant())
                    && idempotency.takeOver(storeId, working.recordId(), working.since())) {
                // the dead request's claim: its order, if it placed one, is from after this instant
                return Optional.of(working);
            }
            if (!clock.instant().isBefore(until)) {
                break;
            }
            try {
                // waiting for another request's transaction: nothing to be notified by across nodes
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause = Math.min(pause * 2, 500);
            Optional<IdempotentRequests.Claim> now = idempotency.current(storeId, OPERATION, key, hash);
            if (now.isEmpty()) {
                throw new StateConflictException(
                        "The first request with this Idempotency-Key failed without placing an order; send it again");
            }
            if (now.get() instanceof IdempotentRequests.Claim.InProgress still) {
                working = still;
            } else {
                return Optional.empty();
            }
        }
        throw new StateConflictException(
                "A request with this Idempotency-Key is still being processed; ask again in a few seconds");
    }

    /** The stored answer of a key that has one. */
    private Placement replayed(String storeId, String key, String hash) {
        return idempotency
                .current(storeId, OPERATION, key, hash)
                .filter(IdempotentRequests.Claim.Replay.class::isInstance)
                .map(c -> CommerceJson.read(((IdempotentRequests.Claim.Replay) c).body(), Placement.class))
                .orElseThrow(() -> new StateConflictException(
                        "The first request with this Idempotency-Key failed without placing an order; send it again"));
    }

    /**
     * The order a dead request placed from the checkout after claiming its key, answered as the
     * placement would have been, with what that request did not get to do after its last attempt
     * (capture at once, or cancel an order every provider declined). An attempt still without an
     * outcome is the payment resolver's, as for any placement whose provider did not answer.
     */
    private Optional<Placement> alreadyPlaced(StoreContext store, String checkoutId, Instant claimedAt) {
        Optional<String> orderId = writes.placedFrom(store.storeId(), checkoutId, claimedAt);
        if (orderId.isEmpty()) {
            return Optional.empty();
        }
        OrderWrites.State state = writes.latest(store.storeId(), orderId.get());
        if (state.attempt() == AttemptOutcome.AUTHORIZED || state.attempt().allowsNextProvider()) {
            state = afterAttempts(store, state.orderId(), writes.methodCode(store.storeId(), state.orderId()), state);
        }
        return Optional.of(placement(state));
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
                Locale.forLanguageTag(before.checkout().shopperLocale()),
                null,
                null);
        OrderWrites.State state = router.authorize(
                store.storeId(),
                created.orderId(),
                created.paymentId(),
                providers,
                Set.copyOf(method.sessionProviders()),
                method.methodCode(),
                quote.totals().total(),
                quote.currency(),
                input);
        state = afterAttempts(store, created.orderId(), method.methodCode(), state);
        return placement(state);
    }

    /** The answer to a placement whose order ended its attempts in {@code state}. */
    private Placement placement(OrderWrites.State state) {
        if (state.attempt().allowsNextProvider()) {
            return new Placement(
                    402,
                    state.orderId(),
                    state.number(),
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
                state.orderId(),
                state.number(),
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

    /**
     * What follows the last attempt, for a placement and a session's completion alike: a store that
     * captures at once captures; an order every provider declined is cancelled (its stock released,
     * the checkout open again).
     */
    private OrderWrites.State afterAttempts(
            StoreContext store, String orderId, String methodCode, OrderWrites.State state) {
        if (state.attempt() == AttemptOutcome.AUTHORIZED
                && settings.settings(store.storeId()).captureMode()
                        == io.caravan.platform.commerce.domain.CommerceSettings.CaptureMode.AT_ONCE) {
            operations.captureAfterAuthorization(store.ref(), state.paymentId());
            return writes.state(store.storeId(), state.paymentId());
        }
        if (state.attempt().allowsNextProvider()) {
            writes.cancelUnpaid(
                    store.storeId(),
                    orderId,
                    "payment declined by every provider the store routes " + methodCode + " to");
            return writes.state(store.storeId(), state.paymentId());
        }
        return state;
    }

    /**
     * Completes the order's attempt that waits on a provider session with the token the session's
     * client component produced: the attempt is authorised with the session's id, and on a definite
     * failure the store's next providers are tried as at placement. A repeat, or a completion of an
     * attempt that no longer waits on a session, changes nothing and answers where the order stands.
     *
     * @throws InvalidFieldsException  when the token is missing or too long
     * @throws StateConflictException  when the latest attempt waits on something else (a redirect, a QR code)
     */
    public OrderWrites.State completeSession(StoreContext store, String checkoutId, String paymentToken) {
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        if (paymentToken == null || paymentToken.isBlank() || paymentToken.length() > 4096) {
            errors.add(
                    "paymentToken",
                    "is required: the token the provider's client component produced, at most 4096 characters");
        }
        errors.throwIfAny();
        Checkouts.Quoted quoted = checkouts.get(store, checkoutId);
        String orderId = quoted.checkout().orderId();
        if (orderId == null) {
            throw new NotFoundException("Checkout " + checkoutId + " has no order yet");
        }
        Optional<OrderWrites.SessionClaim> claimed = writes.claimSession(store.storeId(), orderId);
        if (claimed.isEmpty()) {
            OrderWrites.State latest = writes.latest(store.storeId(), orderId);
            if (latest.attempt() == AttemptOutcome.ACTION_REQUIRED) {
                throw new StateConflictException("The payment of order " + orderId
                        + " waits for the shopper at the provider (see its action), not for a session's token");
            }
            return latest;
        }
        OrderWrites.SessionClaim claim = claimed.get();
        CheckoutQuote quote = CommerceJson.read(claim.snapshot(), CheckoutQuote.class);
        Cart cart = OrderEvents.cart(claim.cart());
        CheckoutQuote.Method method = quote.paymentMethods().stream()
                .filter(m -> m.methodCode().equals(quote.chosenMethod()))
                .findFirst()
                .orElseThrow();
        List<InstalledPlugin> providers = providers(store, quote, method);
        int at = -1;
        for (int i = 0; i < providers.size(); i++) {
            if (providers.get(i).installationId().value().equals(claim.installationId())) {
                at = i;
            }
        }
        OrderWrites.State state;
        if (at < 0) {
            state = writes.applyAuthorization(
                    store.storeId(),
                    claim.paymentId(),
                    new OrderWrites.AuthorizationOutcome(
                            AttemptOutcome.NOT_ATTEMPTED,
                            null,
                            0,
                            null,
                            null,
                            "provider_gone",
                            "the session's provider no longer takes part in the store's payments",
                            null),
                    "caravan");
        } else {
            state = router.authorize(
                    store.storeId(),
                    orderId,
                    claim.paymentId(),
                    providers.subList(at, providers.size()),
                    Set.copyOf(method.sessionProviders()),
                    method.methodCode(),
                    quote.totals().total(),
                    quote.currency(),
                    new PaymentRouter.PaymentInput(
                            paymentToken,
                            null,
                            billing(cart.shipTo()),
                            cart.customer(),
                            Locale.forLanguageTag(quoted.checkout().shopperLocale()),
                            claim.installationId(),
                            claim.providerSessionId()));
        }
        return afterAttempts(store, orderId, method.methodCode(), state);
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
