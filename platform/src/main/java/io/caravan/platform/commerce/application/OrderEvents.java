package io.caravan.platform.commerce.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.caravan.platform.commerce.domain.OrderHistoryEntry;
import io.caravan.platform.commerce.domain.StoreOrder;
import io.caravan.platform.events.application.EventOutbox;
import io.caravan.sandbox.protocol.SandboxJson;
import io.caravan.sdk.events.Cancellation;
import io.caravan.sdk.events.CancelledBy;
import io.caravan.sdk.events.OrderEvent;
import io.caravan.sdk.events.PaymentChange;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.FulfilmentStatus;
import io.caravan.sdk.model.Order;
import io.caravan.sdk.model.OrderEventType;
import io.caravan.sdk.model.OrderStatus;
import io.caravan.sdk.model.OrderTotals;
import io.caravan.sdk.model.PaymentStatus;
import io.caravan.sdk.model.ReturnStatus;
import io.caravan.sdk.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An order's history and its events, written in the transaction that changed the order: the
 * history entry for the merchant, and (for the changes plugins may subscribe to) the SDK event in
 * the outbox, numbered per order without gaps. Call only while holding the order's row lock.
 */
@ApplicationScoped
public class OrderEvents {
    /** The event schema this platform writes. */
    public static final int SCHEMA_VERSION = 1;

    @Inject
    EventOutbox outbox;

    /** Records a change in the order's history only (no plugin event). */
    public void history(EntityManager em, StoreOrder order, String kind, String detail, String actor, Instant now) {
        long next = em.createQuery(
                                "select coalesce(max(h.sequence), 0) from OrderHistoryEntry h where h.orderId = :order",
                                Long.class)
                        .setParameter("order", order.id())
                        .getSingleResult()
                + 1;
        em.persist(new OrderHistoryEntry(UUID.randomUUID().toString(), order.id(), next, kind, detail, actor, now));
    }

    /** Records a change in the history and emits its event to the store's listeners. */
    public void emit(
            EntityManager em,
            StoreOrder order,
            OrderEventType type,
            String detail,
            String actor,
            PaymentChange payment,
            Cancellation cancellation,
            Instant now) {
        history(em, order, type.name(), detail, actor, now);
        OrderEvent event = new OrderEvent(
                UUID.randomUUID().toString(),
                order.id(),
                order.nextEventSequence(),
                SCHEMA_VERSION,
                type,
                now,
                sdkOrder(order),
                payment,
                cancellation);
        outbox.append(order.storeId(), event);
    }

    public static PaymentChange payment(String methodCode, long amount, String currency, String pluginId) {
        return new PaymentChange(methodCode, new Money(amount, Currency.getInstance(currency)), pluginId);
    }

    public static Cancellation cancellation(String reason, CancelledBy by) {
        return new Cancellation(reason, by);
    }

    /** The order as plugins see it: the SDK cart it was placed with, its totals and its facets. */
    public static Order sdkOrder(StoreOrder order) {
        Cart cart = cart(order.cart());
        CheckoutQuote snapshot = CommerceJson.read(order.snapshot(), CheckoutQuote.class);
        Currency currency = Currency.getInstance(order.currency());
        CheckoutQuote.Totals t = snapshot.totals();
        OrderTotals totals = new OrderTotals(
                new Money(t.subtotal(), currency),
                new Money(t.shipping(), currency),
                new Money(t.fees(), currency),
                new Money(t.discounts(), currency),
                new Money(t.tax(), currency),
                new Money(t.duties(), currency),
                new Money(t.total(), currency));
        Map<String, Money> lineTax = new HashMap<>();
        for (CheckoutQuote.Line line : snapshot.lines()) {
            lineTax.put(line.lineId(), new Money(line.tax(), currency));
        }
        return new Order(
                order.id(),
                cart,
                totals,
                lineTax,
                order.placedAt(),
                OrderStatus.valueOf(order.status().name()),
                PaymentStatus.valueOf(order.paymentStatus().name()),
                FulfilmentStatus.valueOf(order.fulfilmentStatus().name()),
                ReturnStatus.valueOf(order.returnStatus()));
    }

    /** The SDK cart as stored with the order (the sandbox protocol's mapper, so plugins get exactly it). */
    public static String cartJson(Cart cart) {
        try {
            return SandboxJson.mapper().writeValueAsString(cart);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Cart cart(String json) {
        try {
            return SandboxJson.mapper().readValue(json, Cart.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
