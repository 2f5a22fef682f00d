package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Address;
import java.time.LocalDate;
import java.util.List;

/**
 * An accepted return: its number, what may be sent back, where, and by when.
 *
 * @param rmaNumber    the return merchandise authorisation number to write on the parcel; at most 64 characters
 * @param lines        the lines authorised (possibly fewer units than requested); at least one
 * @param returnTo     where to send the goods (a local returns hub, or the origin warehouse)
 * @param returnBy     the last day to send them
 * @param instructions how to pack and send, for the shopper; at most 2000 characters
 * @param labelUrl     where to download a prepaid return label, or null when the shopper arranges
 *                     shipping; at most 2000 characters
 */
public record ReturnAuthorization(
        String rmaNumber,
        List<ReturnLine> lines,
        Address returnTo,
        LocalDate returnBy,
        String instructions,
        String labelUrl) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public ReturnAuthorization {
        Checks.text(rmaNumber, "ReturnAuthorization.rmaNumber", 64);
        lines = Checks.nonEmptyList(lines, "ReturnAuthorization.lines");
        Checks.required(returnTo, "ReturnAuthorization.returnTo");
        Checks.required(returnBy, "ReturnAuthorization.returnBy");
        Checks.text(instructions, "ReturnAuthorization.instructions", 2000);
        Checks.optionalText(labelUrl, "ReturnAuthorization.labelUrl", 2000);
    }
}
