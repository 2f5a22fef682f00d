package io.caravan.platform.validation.application;

import java.util.Objects;

/**
 * One result of an upload check. A rule that is broken several times (three forbidden imports,
 * twenty forbidden calls) has one {@code FAILED} check per violation.
 *
 * @param rule    the stable rule id, one of {@link Rules}, such as {@code archive.path-traversal}
 * @param status  passed, failed or skipped
 * @param message for a developer: what was found, naming the entry, header, package, class or member
 */
public record Check(String rule, CheckStatus status, String message) {
    public Check {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    public boolean failed() {
        return status == CheckStatus.FAILED;
    }

    /** {@code rule: message}, as shown to developers. */
    @Override
    public String toString() {
        return rule + (status == CheckStatus.FAILED ? "" : " [" + status + "]") + ": " + message;
    }
}
