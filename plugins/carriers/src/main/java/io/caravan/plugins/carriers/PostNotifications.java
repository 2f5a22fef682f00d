package io.caravan.plugins.carriers;

import io.caravan.plugins.support.Json;
import io.caravan.plugins.support.WebhookSignature;
import io.caravan.sdk.carriers.TrackingNotificationHandler;
import io.caravan.sdk.carriers.TrackingNotificationResult;
import io.caravan.sdk.carriers.TrackingUpdate;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.ProviderNotification;
import io.caravan.sdk.plugin.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Point {@code CARRIER_NOTIFICATIONS}: the carrier's {@code tracking.updated} webhooks. The
 * signature is checked first — {@code Carrier-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.body">} with the account's webhook secret, in constant time, within {@link #TOLERANCE} of the
 * platform's clock — and a forged, unsigned or stale call answers {@code verified=false}. A verified
 * one yields its event with the carrier's id (the one tracking polls give), so a replay or an event
 * already polled changes nothing on the platform.
 */
public final class PostNotifications implements TrackingNotificationHandler {
    static final String SIGNATURE_HEADER = "carrier-signature";
    /** How far a signature's time may be from the platform's clock. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Override
    public TrackingNotificationResult handle(PluginContext context, ProviderNotification notification) {
        Optional<Secret> secret = context.configuration().secret("/carrier/webhookSecret");
        Optional<String> header = WebhookSignature.header(notification.headers(), SIGNATURE_HEADER);
        if (secret.isEmpty()
                || header.isEmpty()
                || !WebhookSignature.verifies(
                        header.get(),
                        notification.body(),
                        secret.get(),
                        context.clock().instant(),
                        TOLERANCE)) {
            context.logger().warn("a carrier notification with a bad, missing or stale signature was refused");
            return TrackingNotificationResult.rejected();
        }
        Map<String, Object> data;
        try {
            Map<String, Object> event =
                    Json.object(Json.parse(new String(notification.body(), StandardCharsets.UTF_8)), "event");
            if (!"tracking.updated".equals(Json.text(event, "type"))) {
                return TrackingNotificationResult.verified(List.of());
            }
            data = Json.object(event.get("data"), "data");
        } catch (IllegalArgumentException unreadable) {
            return TrackingNotificationResult.verified(List.of()); // signed but unreadable: nothing to apply
        }
        String tracking = Json.text(data, "tracking_number");
        if (tracking == null || !(data.get("event") instanceof Map<?, ?>)) {
            return TrackingNotificationResult.verified(List.of());
        }
        return TrackingNotificationResult.verified(PostApi.event(Json.object(data.get("event"), "event"))
                .map(e -> List.of(new TrackingUpdate(
                        PostSettings.CARRIER_CODE,
                        tracking,
                        Json.text(data, "shipment_id"),
                        e,
                        PostApi.date(Json.text(data, "estimated_delivery")))))
                .orElse(List.of()));
    }
}
