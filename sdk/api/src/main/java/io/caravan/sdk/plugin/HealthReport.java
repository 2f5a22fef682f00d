package io.caravan.sdk.plugin;

import io.caravan.sdk.internal.Checks;

/**
 * The result of a {@link PluginHealth} check, shown to the merchant.
 *
 * @param status the outcome
 * @param detail what the merchant should know or do, e.g. {@code "API key refused by the provider"};
 *               at most 500 characters, never a secret; null only for {@link HealthStatus#UP}
 */
public record HealthReport(HealthStatus status, String detail) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the status is missing, or a non-UP report has no detail
     */
    public HealthReport {
        Checks.required(status, "HealthReport.status");
        if (status != HealthStatus.UP) {
            Checks.text(detail, "HealthReport.detail", 500);
        } else {
            Checks.optionalText(detail, "HealthReport.detail", 500);
        }
    }

    /**
     * A healthy report without detail.
     *
     * @return {@code UP}
     */
    public static HealthReport up() {
        return new HealthReport(HealthStatus.UP, null);
    }

    /**
     * A failed report.
     *
     * @param detail what the merchant should know or do
     * @return {@code DOWN} with the detail
     */
    public static HealthReport down(String detail) {
        return new HealthReport(HealthStatus.DOWN, detail);
    }
}
