package io.caravan.platform.commerce.api;

import io.caravan.platform.commerce.application.CommerceSettingsService;
import io.caravan.platform.commerce.domain.CommerceSettings;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.domain.StoreRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The store's checkout settings: capture policy and the shipping-share warning. */
@Path("/stores/{store}/checkout-settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Checkout")
public class CommerceSettingsResource {
    @Inject
    CommerceSettingsService settings;

    @Inject
    RequestCaller caller;

    @PathParam("store")
    String store;

    /** Body and answer. */
    public record SettingsView(String captureMode, Integer shippingWarningPercent, Instant updatedAt) {
        static SettingsView of(CommerceSettings s) {
            return new SettingsView(s.captureMode().name(), s.shippingWarningPercent(), s.updatedAt());
        }
    }

    @GET
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
    @Operation(summary = "When payments are captured (AT_ONCE or ON_SHIPMENT) and the shipping-share warning")
    public SettingsView get() {
        return SettingsView.of(settings.settings(caller.store().storeId()));
    }

    @PUT
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "Replace the checkout settings (owner)")
    public SettingsView put(SettingsView body) {
        return SettingsView.of(settings.update(
                caller.store(),
                body == null ? null : body.captureMode(),
                body == null ? null : body.shippingWarningPercent()));
    }
}
