package io.caravan.platform.commerce.api;

import io.caravan.platform.commerce.application.PaymentNotifications;
import io.caravan.platform.shared.api.ProblemException;
import io.caravan.platform.shared.api.ProblemType;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.StoreAdministration;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where payment providers send notifications (webhooks), one address per store installation. Open
 * to anyone by nature: the installation's plugin verifies the provider's signature with its
 * secret, and the platform applies only what it may (see {@link PaymentNotifications}).
 */
@Path("/stores/{store}/payment-notifications/{installation}")
@RequestScoped
@Tag(name = "Payments")
public class PaymentNotificationResource {
    @Inject
    PaymentNotifications notifications;

    @Inject
    StoreAdministration stores;

    /** What was done with the notification. */
    /** What was done with the notification; {@code deferred}: updates of an attempt whose own call has not returned yet (its answer or the resolver records them). */
    public record ReceiptView(int applied, int duplicates, int deferred, int refused, String acknowledgement) {}

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Access(Access.Audience.PUBLIC)
    @Operation(
            summary = "A payment provider's notification for one installation (public; signed by the provider)",
            description = "200 with what was applied (a replay is a duplicate and changes nothing); 401 when the"
                    + " plugin could not verify the signature; 404 for no such installation in the store; 413 above"
                    + " 256 KB; 503 when the plugin failed (send it again).")
    public ReceiptView receive(
            @PathParam("store") String store,
            @PathParam("installation") String installation,
            @Context HttpHeaders headers,
            InputStream body)
            throws IOException {
        StoreRef ref = stores.publicStore(store)
                .orElseThrow(() -> new NotFoundException("No payments plugin receives notifications here"));
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(PaymentNotifications.MAX_BODY_BYTES + 1);
        if (bytes.length > PaymentNotifications.MAX_BODY_BYTES) {
            throw new ProblemException(
                    ProblemType.of("payload-too-large", "Payload too large", 413),
                    "A notification may be at most " + PaymentNotifications.MAX_BODY_BYTES + " bytes");
        }
        Map<String, List<String>> copied = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION) && !name.equalsIgnoreCase(HttpHeaders.COOKIE)) {
                copied.put(name, List.copyOf(values));
            }
        });
        PaymentNotifications.Receipt receipt = notifications.receive(ref, installation, copied, bytes);
        if (!receipt.verified()) {
            throw new ProblemException(
                    CommerceProblems.SIGNATURE_NOT_VERIFIED,
                    "The installation's plugin did not verify this notification's signature; nothing was applied.");
        }
        return new ReceiptView(
                receipt.applied(),
                receipt.duplicates(),
                receipt.deferred(),
                receipt.refused(),
                receipt.acknowledgement());
    }
}
