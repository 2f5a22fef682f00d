package io.caravan.plugins.carriers;

import io.caravan.plugins.support.Json;
import io.caravan.plugins.support.ProviderClient;
import io.caravan.sdk.carriers.TrackingEvent;
import io.caravan.sdk.carriers.TrackingInfo;
import io.caravan.sdk.carriers.TrackingProvider;
import io.caravan.sdk.carriers.TrackingRequest;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginRejectedException;
import io.caravan.sdk.plugin.PluginUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Point {@code CARRIER_TRACKING}: the journey so far, asked with the destination postal code (the
 * carrier shows a journey only to who knows it). Event ids are the carrier's, the same ones its
 * webhooks carry, so a polled and a notified event are applied once. A shipment the carrier does
 * not know is {@code unknown_shipment}; any other failure changes nothing and is tried again later.
 */
public final class PostTracking implements TrackingProvider {
    @Override
    public TrackingInfo track(PluginContext context, TrackingRequest request) {
        PostSettings settings = PostSettings.require(context.configuration());
        String number = request.shipment().trackingNumber();
        String path = "/v1/tracking/" + ProviderClient.query(number)
                + (request.destinationPostalCode() == null
                        ? ""
                        : "?postal_code=" + ProviderClient.query(request.destinationPostalCode()));
        ProviderClient.Answer answer;
        try {
            answer = settings.client(context).get(path);
        } catch (IOException e) {
            throw new PluginUnavailableException("no answer from the carrier: " + e.getMessage(), (Duration) null, e);
        }
        if (answer.status() == 404 || answer.status() == 400) {
            throw new PluginRejectedException(
                    "unknown_shipment", "the carrier knows no shipment " + number + " to that address");
        }
        if (answer.status() != 200) {
            throw new PluginUnavailableException("the carrier answered HTTP " + answer.status(), (Duration) null, null);
        }
        List<TrackingEvent> events = new ArrayList<>();
        if (answer.body().get("events") instanceof List<?> list) {
            for (Object o : list) {
                PostApi.event(Json.object(o, "event")).ifPresent(events::add);
            }
        }
        return new TrackingInfo(number, events, PostApi.date(Json.text(answer.body(), "estimated_delivery")));
    }
}
