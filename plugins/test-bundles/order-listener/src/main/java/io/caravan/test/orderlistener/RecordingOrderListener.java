package io.caravan.test.orderlistener;

import io.caravan.sdk.events.OrderEvent;
import io.caravan.sdk.events.OrderEventListener;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginRejectedException;
import io.caravan.sdk.plugin.PluginStorage;
import io.caravan.sdk.plugin.StoredValue;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Records what it receives in its plugin storage, the way a real listener makes its effect exactly
 * once under at-least-once delivery:
 *
 * <ul>
 *   <li>{@code received/<eventId>}: how many times the event arrived (every receipt counts);
 *   <li>{@code effect/<eventId>}: the effect, made once per event id ("claimed" with
 *       compare-and-set after everything that can fail, so a failed receipt leaves no effect);
 *   <li>{@code log/<orderId>}: the effects of one order in the order they were made, as
 *       {@code <sequence>:<type>} separated by commas.
 * </ul>
 *
 * <p>Configuration makes it misbehave: {@code failTimes} fails the first n receipts of each event
 * (of {@code failOrder} and {@code failSequence} only, when set), {@code refuseTypes} answers "does not apply" for those
 * types, {@code hangMillis} makes each receipt take that long.
 */
public final class RecordingOrderListener implements OrderEventListener {
    /** Stateless. */
    public RecordingOrderListener() {}

    @Override
    public void onEvent(PluginContext context, OrderEvent event) {
        PluginStorage storage = context.storage();
        long receipt = increment(storage, "received/" + event.eventId());
        long hang = context.configuration().integer("/hangMillis").orElse(0);
        if (hang > 0) {
            try {
                Thread.sleep(hang);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while told to hang", e);
            }
        }
        if (context.configuration()
                .strings("/refuseTypes")
                .contains(event.type().name())) {
            throw new PluginRejectedException("NOT_FOR_ME", "told to refuse " + event.type());
        }
        String failOrder = context.configuration().string("/failOrder").orElse("");
        long failTimes = context.configuration().integer("/failTimes").orElse(0);
        String orderId = event.orderId();
        long failSequence = context.configuration().integer("/failSequence").orElse(0);
        boolean failing = (failOrder.isEmpty() || failOrder.equals(orderId))
                && (failSequence == 0 || failSequence == event.sequence());
        if (failing && receipt <= failTimes) {
            throw new IllegalStateException("told to fail receipt " + receipt + " of " + failTimes);
        }
        OptionalLong claimed = storage.compareAndSet(
                "effect/" + event.eventId(), 0, bytes(event.type().name()));
        if (claimed.isEmpty()) {
            return; // a redelivery of an event whose effect is made: nothing to do again
        }
        append(storage, "log/" + orderId, event.sequence() + ":" + event.type().name());
    }

    private static long increment(PluginStorage storage, String key) {
        while (true) {
            Optional<StoredValue> current = storage.get(key);
            long count = current.map(v -> Long.parseLong(text(v))).orElse(0L) + 1;
            long version = current.map(StoredValue::version).orElse(0L);
            if (storage.compareAndSet(key, version, bytes(Long.toString(count))).isPresent()) {
                return count;
            }
        }
    }

    private static void append(PluginStorage storage, String key, String entry) {
        while (true) {
            Optional<StoredValue> current = storage.get(key);
            String value = current.map(v -> text(v) + "," + entry).orElse(entry);
            long version = current.map(StoredValue::version).orElse(0L);
            if (storage.compareAndSet(key, version, bytes(value)).isPresent()) {
                return;
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(StoredValue value) {
        return new String(value.value(), StandardCharsets.UTF_8);
    }
}
