package io.caravan.platform.catalog.domain;

/** Where a CSV import stands. */
public enum ImportStatus {
    /** Reading and validating the file. */
    RUNNING,
    /** Every row was valid and the whole file was applied. */
    SUCCEEDED,
    /** A row was invalid (or a limit exceeded): nothing of the file was applied. */
    FAILED
}
