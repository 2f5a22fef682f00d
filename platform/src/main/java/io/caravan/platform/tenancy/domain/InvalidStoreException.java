package io.caravan.platform.tenancy.domain;

import io.caravan.platform.shared.domain.InvalidInputException;

/** A store attribute breaks a domain rule; the message names the field and the rule. */
public class InvalidStoreException extends InvalidInputException {
    public InvalidStoreException(String message) {
        super(message);
    }
}
