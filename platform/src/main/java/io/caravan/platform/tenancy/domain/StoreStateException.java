package io.caravan.platform.tenancy.domain;

import io.caravan.platform.shared.domain.StateConflictException;

/** A lifecycle change that does not apply to the store's current state. */
public class StoreStateException extends StateConflictException {
    public StoreStateException(String message) {
        super(message);
    }
}
