package io.caravan.platform.marketplace.application;

import io.caravan.platform.shared.domain.StateConflictException;

/**
 * An upload names a Bundle-SymbolicName that belongs to another plugin (another listing's, or a
 * first-party plugin's): a symbolic name belongs to one listing, for all its versions, because two
 * bundles with one name and version cannot both be installed on a node. Answered with 409.
 */
public class SymbolicNameTakenException extends StateConflictException {
    /** The manifest header at fault, as the problem document names it. */
    public static final String FIELD = "Bundle-SymbolicName";

    private final String symbolicName;

    public SymbolicNameTakenException(String symbolicName, String message) {
        super(message);
        this.symbolicName = symbolicName;
    }

    public String symbolicName() {
        return symbolicName;
    }
}
