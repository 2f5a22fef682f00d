package io.caravan.platform.events.domain;

import io.caravan.platform.shared.domain.StateConflictException;

/** Only a dead delivery can be retried (answered with 409). */
public class DeliveryNotRetryableException extends StateConflictException {
    public DeliveryNotRetryableException(String deliveryId, DeliveryStatus status) {
        super("Delivery " + deliveryId + " is " + status + "; only a DEAD delivery can be retried");
    }
}
