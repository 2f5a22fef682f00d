package io.caravan.platform.host.application;

import io.caravan.platform.shared.domain.InvalidInputException;

/** A plugin's descriptor is malformed; the message says which member and why. */
public class InvalidDescriptorException extends InvalidInputException {
    public InvalidDescriptorException(String message) {
        super("OSGI-INF/caravan-plugin.json " + message);
    }
}
