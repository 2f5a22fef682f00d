package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;
import java.time.Instant;

/**
 * When a step of a return case is due, as the platform timed it.
 *
 * @param step  the step
 * @param dueAt when it is due
 */
public record StepDeadline(ReturnStep step, Instant dueAt) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is missing; the message names it
     */
    public StepDeadline {
        Checks.required(step, "StepDeadline.step");
        Checks.required(dueAt, "StepDeadline.dueAt");
    }
}
