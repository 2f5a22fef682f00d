package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.application.InstallationAnswers;
import io.caravan.platform.marketplace.application.InstallationDetails;
import io.caravan.platform.marketplace.domain.Installation;
import io.caravan.platform.marketplace.domain.InstallationHealth;
import io.caravan.runtime.PluginDescriptorReader;
import io.caravan.sdk.plugin.PluginDescriptor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/**
 * A store's installation of a plugin. Secret configuration fields are never part of it; {@code
 * secretsSet} names the declared secret fields (JSON Pointers) that hold a value, so a merchant can
 * tell an API key is set without ever reading it back. {@code runsIn} says where the plugin's code
 * runs: {@code IN_PROCESS} (a version a platform admin certified, in the platform itself) or
 * {@code SANDBOX} (a separate, locked-down process per version, killed when it overruns).
 * {@code answers} lists the points it answers in its store and for which calls; {@code
 * notAnswering} the points it provides but answers nothing of, and why (a second tax plugin does not
 * take over until the merchant's rules name it); {@code leftUnanswered}, after a disable, the calls
 * it answered that now answer nobody until the merchant chooses. {@code unreadable} is set when a
 * stored row cannot be read (the view is then flagged and partial, never a failed list). {@code
 * health} is the last report of the plugin's own health check (see {@link HealthView}).
 */
public record InstallationView(
        String id,
        String pluginId,
        String pluginName,
        String version,
        String previousVersion,
        String status,
        String statusReason,
        String runsIn,
        List<String> kinds,
        List<ExtensionView> extensions,
        JsonObject configuration,
        List<String> secretsSet,
        String installedBy,
        Instant installedAt,
        Instant updatedAt,
        List<InstallationAnswers.Answer> answers,
        List<InstallationAnswers.NotAnswering> notAnswering,
        List<String> leftUnanswered,
        String unreadable,
        HealthView health) {

    public record ExtensionView(String point, String failurePolicy) {}

    /**
     * The last report of the plugin's HEALTH extension. {@code status}: {@code PENDING} (not
     * checked yet), {@code UP}, {@code DEGRADED}, {@code DOWN} (it does not work for the store, or
     * the check itself failed; {@code downSince} says since when), {@code NOT_REPORTED} (the version
     * has no HEALTH extension). {@code nextCheckAt}: when it is checked again.
     */
    public record HealthView(
            String status,
            String detail,
            String version,
            Instant checkedAt,
            Long tookMs,
            Instant downSince,
            Instant nextCheckAt) {
        static final HealthView PENDING = new HealthView("PENDING", null, null, null, null, null, null);

        public static HealthView of(InstallationHealth h) {
            return new HealthView(
                    h.status().name(),
                    h.detail(),
                    h.pluginVersion(),
                    h.checkedAt(),
                    h.tookMillis(),
                    h.downSince(),
                    h.nextCheckAt());
        }
    }

    /** This view with the installation's health report (PENDING when it has none yet). */
    public InstallationView withHealth(InstallationHealth report) {
        HealthView view = report == null ? HealthView.PENDING : HealthView.of(report);
        return new InstallationView(
                id,
                pluginId,
                pluginName,
                version,
                previousVersion,
                status,
                statusReason,
                runsIn,
                kinds,
                extensions,
                configuration,
                secretsSet,
                installedBy,
                installedAt,
                updatedAt,
                answers,
                notAnswering,
                leftUnanswered,
                unreadable,
                view);
    }

    static InstallationView of(InstallationDetails details) {
        Installation i = details.installation();
        PluginDescriptor d;
        try {
            d = PluginDescriptorReader.read(details.release().descriptorJson());
        } catch (IllegalArgumentException e) {
            // A stored descriptor that no longer reads: the installation is listed, flagged, and shows no
            // configuration (which of its fields are secret is unknown); the rest of a list is answered.
            return unreadable(details, "the stored descriptor of its version cannot be read: " + e.getMessage());
        }
        JsonObject configuration;
        try (var reader = Json.createReader(new StringReader(i.configurationJson()))) {
            configuration = reader.readObject();
        } catch (RuntimeException e) {
            return unreadable(details, "its stored configuration cannot be read");
        }
        for (String secret : d.secretFields()) {
            try {
                configuration = Json.createPointer(secret).remove(configuration).asJsonObject();
            } catch (RuntimeException absent) {
                // not set
            }
        }
        return new InstallationView(
                i.id(),
                i.pluginId(),
                d.name(),
                details.release().version(),
                details.previous() == null ? null : details.previous().version(),
                i.status().name(),
                i.statusReason(),
                details.release().certified() ? "IN_PROCESS" : "SANDBOX",
                d.kinds().stream().map(Enum::name).sorted().toList(),
                d.extensions().stream()
                        .map(e -> new ExtensionView(
                                e.point().name(), e.failurePolicy().name()))
                        .toList(),
                configuration,
                details.secretsSet().stream().sorted().toList(),
                i.installedBy(),
                i.installedAt(),
                i.updatedAt(),
                details.answering().answers(),
                details.answering().notAnswering(),
                details.answering().leftUnanswered(),
                null,
                null);
    }

    private static InstallationView unreadable(InstallationDetails details, String why) {
        Installation i = details.installation();
        return new InstallationView(
                i.id(),
                i.pluginId(),
                null,
                details.release().version(),
                details.previous() == null ? null : details.previous().version(),
                i.status().name(),
                i.statusReason(),
                details.release().certified() ? "IN_PROCESS" : "SANDBOX",
                List.of(),
                List.of(),
                JsonObject.EMPTY_JSON_OBJECT,
                List.of(),
                i.installedBy(),
                i.installedAt(),
                i.updatedAt(),
                details.answering().answers(),
                details.answering().notAnswering(),
                details.answering().leftUnanswered(),
                why,
                null);
    }
}
