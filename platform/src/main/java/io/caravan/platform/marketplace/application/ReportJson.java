package io.caravan.platform.marketplace.application;

import io.caravan.platform.validation.application.Check;
import io.caravan.platform.validation.application.ValidationReport;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** The stored (and shown) form of an upload's check report. */
final class ReportJson {
    private ReportJson() {}

    static String of(ValidationReport report) {
        JsonArrayBuilder checks = Json.createArrayBuilder();
        for (Check check : report.checks()) {
            checks.add(Json.createObjectBuilder()
                    .add("rule", check.rule())
                    .add("status", check.status().name())
                    .add("message", check.message() == null ? "" : check.message()));
        }
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("sha256", report.sha256())
                .add("size", report.size())
                .add("passed", report.passed())
                .add("summary", report.summary())
                .add("checks", checks);
        if (report.identity() != null) {
            o.add("symbolicName", report.identity().symbolicName())
                    .add("version", report.identity().version());
        }
        return o.build().toString();
    }
}
