package io.caravan.platform.commerce.application;

import io.caravan.platform.commerce.domain.Checkout;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.platform.tenancy.application.StoreAdministration;
import io.caravan.platform.tenancy.application.StoreContext;
import io.caravan.platform.tenancy.domain.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The storefront's checkouts: open one with lines, shopper and address; change the shipping
 * choices or the payment method; read it. Every change recomputes the quote from the stored
 * request (plugins run outside any transaction), then stores both.
 */
@ApplicationScoped
public class Checkouts {
    @Inject
    StoreScopedPersistence persistence;

    @Inject
    StoreAdministration stores;

    @Inject
    CheckoutQuoting quoting;

    @Inject
    Clock clock;

    @Inject
    Checkouts self;

    /** How long an untouched checkout stays open. */
    @Inject
    @ConfigProperty(name = "caravan.commerce.checkout-lifetime", defaultValue = "PT6H")
    Duration lifetime;

    /** A checkout and its current quote. */
    public record Quoted(Checkout checkout, CheckoutQuote quote, io.caravan.sdk.model.Cart cart) {}

    public Quoted open(StoreContext store, CheckoutRequest request) {
        Store current = stores.store(store);
        String id = "chk_" + UUID.randomUUID().toString().replace("-", "");
        CheckoutQuoting.Computed computed = quoting.compute(store, current, id, request);
        Quoted inserted = self.insert(
                store.storeId(), id, current.settings().defaultCurrency().getCurrencyCode(), request, computed.quote());
        return new Quoted(inserted.checkout(), inserted.quote(), computed.cart());
    }

    @Transactional
    public Quoted insert(String storeId, String id, String currency, CheckoutRequest request, CheckoutQuote quote) {
        Instant now = clock.instant();
        CheckoutRequest.Shopper shopper = request.shopper();
        Checkout checkout = new Checkout(
                id,
                currency,
                shopper.email(),
                shopper.country(),
                shopper.locale() == null ? "en" : shopper.locale(),
                shopper.currency() == null ? currency : shopper.currency(),
                CommerceJson.write(request),
                now,
                now.plus(lifetime));
        checkout.quoted(CommerceJson.write(quote));
        persistence.forStore(storeId).persist(checkout);
        return new Quoted(checkout, quote, null);
    }

    /** Replaces the shipping choices (consignment id → option id). */
    public Quoted chooseShipping(StoreContext store, String checkoutId, Map<String, String> choices) {
        return change(store, checkoutId, request(store, checkoutId).withShipping(choices));
    }

    /** Chooses the payment method (its code from the quote's methods). */
    public Quoted choosePaymentMethod(StoreContext store, String checkoutId, String methodCode) {
        if (methodCode == null) {
            InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
            errors.add("paymentMethod", "is required");
            errors.throwIfAny();
        }
        return change(store, checkoutId, request(store, checkoutId).withPaymentMethod(methodCode));
    }

    /** Replaces the lines, shopper and address, keeping the choices that still apply. */
    public Quoted replace(StoreContext store, String checkoutId, CheckoutRequest replacement) {
        CheckoutRequest old = request(store, checkoutId);
        CheckoutRequest merged = new CheckoutRequest(
                replacement.shopper(),
                replacement.shipTo(),
                replacement.lines(),
                replacement.shipping().isEmpty() ? old.shipping() : replacement.shipping(),
                replacement.paymentMethod() == null ? old.paymentMethod() : replacement.paymentMethod());
        return change(store, checkoutId, merged);
    }

    /** Recomputes the quote of the checkout as it stands (what placement does first). */
    public Quoted refresh(StoreContext store, String checkoutId) {
        return change(store, checkoutId, request(store, checkoutId));
    }

    private Quoted change(StoreContext store, String checkoutId, CheckoutRequest request) {
        Store current = stores.store(store);
        CheckoutQuoting.Computed computed = quoting.compute(store, current, checkoutId, request);
        Quoted saved = self.save(store.storeId(), checkoutId, request, computed.quote());
        return new Quoted(saved.checkout(), saved.quote(), computed.cart());
    }

    @Transactional
    public Quoted save(String storeId, String checkoutId, CheckoutRequest request, CheckoutQuote quote) {
        Checkout checkout =
                persistence.forStore(storeId).find(Checkout.class, checkoutId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        requireOpen(checkout, checkoutId, now);
        CheckoutRequest.Shopper shopper = request.shopper();
        checkout.update(
                shopper.email(),
                shopper.country(),
                shopper.locale() == null ? "en" : shopper.locale(),
                shopper.currency() == null ? checkout.currency() : shopper.currency(),
                CommerceJson.write(request),
                now,
                now.plus(lifetime));
        checkout.quoted(CommerceJson.write(quote));
        return new Quoted(checkout, quote, null);
    }

    @Transactional
    public Quoted get(StoreContext store, String checkoutId) {
        Checkout checkout = persistence.forStore(store.storeId()).find(Checkout.class, checkoutId);
        if (checkout == null) {
            throw new NotFoundException("No checkout " + checkoutId + " in this store");
        }
        return new Quoted(
                checkout,
                checkout.quote() == null ? null : CommerceJson.read(checkout.quote(), CheckoutQuote.class),
                null);
    }

    /** The stored request of an open checkout. */
    @Transactional
    public CheckoutRequest request(StoreContext store, String checkoutId) {
        Checkout checkout = persistence.forStore(store.storeId()).find(Checkout.class, checkoutId);
        requireOpen(checkout, checkoutId, clock.instant());
        return CommerceJson.read(checkout.request(), CheckoutRequest.class);
    }

    private static void requireOpen(Checkout checkout, String checkoutId, Instant now) {
        if (checkout == null) {
            throw new NotFoundException("No checkout " + checkoutId + " in this store");
        }
        if (Checkout.COMPLETED.equals(checkout.status())) {
            throw new StateConflictException(
                    "Checkout " + checkoutId + " was placed as order " + checkout.orderId() + "; open a new one");
        }
        if (!Checkout.OPEN.equals(checkout.status()) || checkout.expired(now)) {
            throw new StateConflictException("Checkout " + checkoutId + " expired; open a new one");
        }
    }
}
