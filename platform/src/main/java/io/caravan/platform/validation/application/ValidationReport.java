package io.caravan.platform.validation.application;

import io.caravan.sdk.plugin.PluginDescriptor;
import java.util.List;

/**
 * What the upload checks found: every rule of {@link Rules#ALL} appears at least once, passed,
 * failed (once per violation) or skipped. Immutable, plain records only, so it can be stored and
 * shown as JSON as it is.
 *
 * @param sha256         the SHA-256 of the uploaded bytes, lower-case hex: the artifact's address
 * @param size           the upload's size in bytes
 * @param identity       symbolic name and version as the manifest writes them, or null when it lacks either
 * @param descriptor     the parsed descriptor, or null when missing or invalid
 * @param descriptorJson the descriptor file's text, or null when missing
 * @param checks         the results, in the order of {@link Rules#ALL}
 */
public record ValidationReport(
        String sha256,
        long size,
        BundleIdentity identity,
        PluginDescriptor descriptor,
        String descriptorJson,
        List<Check> checks) {

    public ValidationReport {
        checks = List.copyOf(checks);
    }

    /** Whether the bundle may become installable: no check failed. */
    public boolean passed() {
        return checks.stream().noneMatch(Check::failed);
    }

    /** Whether every rule was actually checked (none skipped for lack of a dry run or of a listing). */
    public boolean complete() {
        return checks.stream().noneMatch(c -> c.status() == CheckStatus.SKIPPED);
    }

    /** The failed checks, in order. */
    public List<Check> failures() {
        return checks.stream().filter(Check::failed).toList();
    }

    /** The results for one rule (one per violation when failed). */
    public List<Check> checks(String rule) {
        return checks.stream().filter(c -> c.rule().equals(rule)).toList();
    }

    /** The status of one rule: failed if any of its results failed, else the first result's status. */
    public CheckStatus status(String rule) {
        List<Check> results = checks(rule);
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no result for rule " + rule);
        }
        return results.stream().anyMatch(Check::failed)
                ? CheckStatus.FAILED
                : results.get(0).status();
    }

    /** The failures, one per line, for logs and error responses. */
    public String summary() {
        List<Check> failures = failures();
        if (failures.isEmpty()) {
            return "all " + checks.size() + " checks passed or were skipped";
        }
        StringBuilder out = new StringBuilder(failures.size() + " check(s) failed:");
        for (Check c : failures) {
            out.append("\n- ").append(c);
        }
        return out.toString();
    }
}
