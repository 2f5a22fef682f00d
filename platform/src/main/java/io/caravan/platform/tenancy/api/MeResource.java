package io.caravan.platform.tenancy.api;

import io.caravan.platform.identity.domain.CaravanUser;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who the caller is: what the console shows after sign-in. Here rather than in identity because it
 * answers for the caller the request gate (tenancy's) has admitted.
 */
@Path("/me")
@RequestScoped
@Access(Access.Audience.AUTHENTICATED)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class MeResource {
    @Inject
    RequestCaller caller;

    @GET
    @Operation(summary = "The signed-in user, realm roles and stores")
    public MeView me() {
        CaravanUser user = caller.user();
        return new MeView(
                user.userId(),
                user.username(),
                user.email(),
                user.realmRoles().stream()
                        .filter(r -> r.equals(CaravanUser.PLATFORM_ADMIN) || r.equals(CaravanUser.PLUGIN_DEVELOPER))
                        .sorted()
                        .toList(),
                user.storeSlugs().stream().sorted().toList());
    }

    public record MeView(String id, String username, String email, List<String> roles, List<String> stores) {}
}
