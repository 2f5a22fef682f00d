package io.caravan.plugins.carriers;

import io.caravan.plugins.support.ProviderClient;
import io.caravan.sdk.carriers.CancellationRequest;
import io.caravan.sdk.carriers.CancellationResult;
import io.caravan.sdk.carriers.ShipmentCanceller;
import io.caravan.sdk.plugin.PluginContext;
import java.io.IOException;
import java.util.Map;

/**
 * Point {@code CARRIER_CANCELLATIONS}: cancels a booking before pickup. The carrier answers
 * {@code cancelled} (also when it was already), 409 {@code too_late} once it has the parcel; no
 * answer, a server error or a booking it does not know are {@code UNKNOWN}, never a guess.
 */
public final class PostCancellations implements ShipmentCanceller {
    @Override
    public CancellationResult cancel(PluginContext context, CancellationRequest request) {
        PostSettings settings = PostSettings.require(context.configuration());
        ProviderClient.Answer answer;
        try {
            answer = settings.client(context)
                    .post(
                            "/v1/shipments/"
                                    + ProviderClient.query(request.shipment().shipmentReference()) + "/cancel",
                            request.idempotencyKey(),
                            Map.of());
        } catch (IOException e) {
            return CancellationResult.unknown("no answer from the carrier: " + PostApi.cut(e.getMessage()));
        }
        if (answer.status() == 200 && "cancelled".equals(answer.body().get("status"))) {
            return CancellationResult.cancelled();
        }
        if (answer.status() == 409 && "too_late".equals(answer.errorCode())) {
            return CancellationResult.tooLate(PostApi.cut(answer.errorMessage()));
        }
        return CancellationResult.unknown(
                "the carrier answered HTTP " + answer.status() + ": " + PostApi.cut(answer.errorMessage()));
    }
}
