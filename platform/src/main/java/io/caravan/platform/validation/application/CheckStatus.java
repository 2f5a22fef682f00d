package io.caravan.platform.validation.application;

/** The outcome of one upload check. */
public enum CheckStatus {
    /** The bundle satisfies the rule. */
    PASSED,
    /** The bundle breaks the rule; the message names the entry, header, class or member at fault. */
    FAILED,
    /** The rule could not be checked because something it needs failed first; the message says what. */
    SKIPPED
}
