package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.domain.PluginRelease;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;

/** One uploaded version: its state in review and the automated checks' report. */
public record VersionView(
        String id,
        String pluginId,
        String version,
        String sha256,
        long sizeBytes,
        String status,
        String statusReason,
        String reviewedBy,
        Instant reviewedAt,
        Instant uploadedAt,
        boolean certified,
        String runsIn,
        JsonObject report) {
    static VersionView of(PluginRelease r) {
        JsonObject report = null;
        if (r.validationReport() != null) {
            try (var reader = Json.createReader(new StringReader(r.validationReport()))) {
                report = reader.readObject();
            } catch (RuntimeException unreadable) {
                // a bad stored report is flagged in place; the version list is still answered
                report = Json.createObjectBuilder()
                        .add("unreadable", "the stored check report cannot be read")
                        .build();
            }
        }
        return new VersionView(
                r.id(),
                r.pluginId(),
                r.version(),
                r.sha256(),
                r.sizeBytes(),
                r.status().name(),
                r.statusReason(),
                r.reviewedBy(),
                r.reviewedAt(),
                r.registeredAt(),
                r.certified(),
                r.certified() ? "IN_PROCESS" : "SANDBOX",
                report);
    }
}
