package io.caravan.platform.marketplace.api;

import io.caravan.platform.host.application.MetricsSnapshot;
import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.marketplace.application.ReleaseRegistry;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.shared.api.ProblemException;
import io.caravan.platform.shared.domain.ReleaseId;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.runtime.PluginDescriptorReader;
import io.caravan.sdk.plugin.PluginDescriptor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Platform admins see the plugin versions the platform can run and how they behave on this node. */
@Path("/admin/plugins")
@RequestScoped
@Access(Access.Audience.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform admin: plugins")
public class AdminPluginsResource {
    @Inject
    ReleaseRegistry registry;

    @Inject
    PluginHost host;

    public record ReleaseView(
            String id,
            String pluginId,
            String name,
            String version,
            String symbolicName,
            String sha256,
            long sizeBytes,
            String origin,
            String status,
            List<String> kinds,
            String sdkRange,
            Instant registeredAt,
            boolean certified,
            boolean loadedOnThisNode,
            String runsOnThisNodeIn,
            Instant quarantinedUntil,

            @Schema(
                    description = "Set when the stored descriptor cannot be read (name, kinds and sdkRange are then"
                            + " missing): the release is listed and flagged, never the whole list refused")
            String unreadable) {}

    public record NodeView(
            String sdkVersion,
            int loadedBundles,
            int busyPluginThreads,
            PluginHost.Sandbox sandbox,
            List<MetricsSnapshot> plugins,
            Map<String, Instant> quarantined) {}

    @GET
    @Path("/releases")
    @Operation(summary = "Every registered plugin version")
    public List<ReleaseView> releases() {
        return registry.releases().stream().map(this::view).toList();
    }

    @GET
    @Path("/node")
    @Operation(
            summary =
                    "This node's plugin host: loaded bundles, busy threads, the sandbox's walls and workers, per-plugin call metrics, quarantines")
    public NodeView node() {
        PluginHost.NodeStatus node = host.nodeStatus();
        return new NodeView(
                node.sdkVersion(),
                node.loadedBundles(),
                node.busyPluginThreads(),
                node.sandbox(),
                node.plugins(),
                node.quarantined());
    }

    @DELETE
    @Path("/releases/{release}/quarantine")
    @Operation(summary = "End a version's quarantine on this node now")
    @APIResponse(responseCode = "204", description = "The quarantine is lifted")
    public Response lift(@PathParam("release") String releaseId) {
        if (registry.release(releaseId).isEmpty()) {
            throw ProblemException.notFound("No plugin release " + releaseId + ".");
        }
        host.liftQuarantine(new ReleaseId(releaseId));
        return Response.noContent().build();
    }

    private ReleaseView view(PluginRelease r) {
        PluginDescriptor d = null;
        String unreadable = null;
        try {
            d = PluginDescriptorReader.read(r.descriptorJson());
        } catch (IllegalArgumentException e) {
            // One bad stored row must not take the admin's whole list down (it answered 400 for every release).
            unreadable = "the stored descriptor cannot be read: " + e.getMessage();
        }
        PluginHost.ReleaseState state = host.releaseState(new ReleaseId(r.id()));
        return new ReleaseView(
                r.id(),
                r.pluginId(),
                d == null ? null : d.name(),
                r.version(),
                r.symbolicName(),
                r.sha256(),
                r.sizeBytes(),
                r.origin().name(),
                r.status().name(),
                d == null
                        ? List.of()
                        : d.kinds().stream().map(Enum::name).sorted().toList(),
                d == null ? null : d.sdkRange(),
                r.registeredAt(),
                r.certified(),
                state.loaded(),
                state.runsIn() == null ? null : state.runsIn().name(),
                state.quarantinedUntil(),
                unreadable);
    }
}
