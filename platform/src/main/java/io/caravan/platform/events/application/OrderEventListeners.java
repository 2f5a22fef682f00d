package io.caravan.platform.events.application;

import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.PluginDirectory;
import io.caravan.platform.host.application.PluginFailedException;
import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.host.application.PluginOutcome;
import io.caravan.platform.host.application.PluginPoint;
import io.caravan.platform.host.application.PluginRefusalException;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.sdk.events.OrderEvent;
import io.caravan.sdk.model.OrderEventType;
import io.caravan.sdk.plugin.ExtensionPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outbox's one contact with the plugin host: which of a store's installations listen to an
 * event type, and handing one event to one of them through the invoker. Kept to this class so the
 * way listeners are found and called can change in one place.
 */
@ApplicationScoped
public class OrderEventListeners {
    @Inject
    PluginDirectory directory;

    @Inject
    PluginHost host;

    /** A store's installation that receives an event type. */
    public record Subscriber(String installationId, String pluginId) {}

    /**
     * The store's enabled installations providing {@code ORDER_EVENTS} whose descriptor subscribes
     * to {@code type} ({@code permissions.events}, which the merchant consented to at install).
     */
    public List<Subscriber> subscribers(StoreRef store, String type) {
        OrderEventType eventType = OrderEventType.valueOf(type);
        return listeners(store).stream()
                .filter(p -> p.artifact().descriptor().permissions().events().contains(eventType))
                .map(p ->
                        new Subscriber(p.installationId().value(), p.pluginId().value()))
                .toList();
    }

    /**
     * Hands a stored event to one installation's listener through the invoker, as the delivery
     * {@code deliveryId}: the listener receives the delivery's id as the event's id.
     */
    public ListenerAnswer deliver(StoreRef store, String installationId, String deliveryId, String payload) {
        OrderEvent event = OrderEventJson.forDelivery(payload, deliveryId);
        Optional<InstalledPlugin> installed = listeners(store).stream()
                .filter(p -> p.installationId().value().equals(installationId))
                .findFirst();
        if (installed.isEmpty()) {
            return new ListenerAnswer.Failed(
                    "the installation is not an enabled ORDER_EVENTS listener of the store (disabled, uninstalled,"
                            + " or not yet known to this node)");
        }
        try {
            PluginOutcome<Boolean> outcome = host.call(
                    installed.get(),
                    PluginPoint.ORDER_EVENTS,
                    (listener, context) -> {
                        listener.onEvent(context, event);
                        return Boolean.TRUE; // a void method: an answer the invoker counts as one
                    },
                    null,
                    Locale.ROOT);
            if (outcome.answered()) {
                return new ListenerAnswer.Acknowledged();
            }
            // fail-open or fallback policies: the step went on without the listener; not acknowledged
            return new ListenerAnswer.Failed(
                    outcome.failure() == null
                            ? "the listener did not answer"
                            : outcome.failure().describe());
        } catch (PluginRefusalException refused) {
            return new ListenerAnswer.NotApplicable(
                    "does not apply (code " + refused.code() + "): " + refused.getMessage());
        } catch (PluginFailedException failed) {
            return new ListenerAnswer.Failed(failed.failure().describe());
        }
    }

    private List<InstalledPlugin> listeners(StoreRef store) {
        return directory.providers(store, ExtensionPoint.ORDER_EVENTS);
    }
}
