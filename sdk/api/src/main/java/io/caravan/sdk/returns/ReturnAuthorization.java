package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The store's policy decision on a return case: which lines, for what, where the goods go, who
 * pays the way back, and by when. A decision, not a booking: the platform books the return
 * shipment to the destination through the carrier plugin, and may let the merchant change the
 * destination. The platform checks it against the case (lines and quantities requested, a
 * warehouse of the request, a due date no earlier than the law's) before recording it.
 *
 * @param rmaNumber    the return merchandise authorisation number printed on the return label;
 *                     required when a line is authorised, null when all are declined; at most 64 characters
 * @param lines        one decision per requested line; at least one, each line once
 * @param destination  where the goods go; required when a line is authorised, null when all are declined
 * @param returnBy     the last day for the shopper to send the goods; required when goods travel,
 *                     null when all are declined or the shopper keeps them
 * @param shippingPaidBy who pays the return postage; required when goods travel, null otherwise
 * @param instructions how to pack and send, for the shopper, or null; at most 2000 characters
 * @param explanation  the decision as a whole in words, for the shopper; at most 500 characters
 */
public record ReturnAuthorization(
        String rmaNumber,
        List<LineDecision> lines,
        ReturnDestination destination,
        LocalDate returnBy,
        ReturnShippingPayer shippingPaidBy,
        String instructions,
        String explanation) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid, a line is decided twice, or the
     *                                  components do not fit the decision (an RMA number for a case
     *                                  declined as a whole, a due date for goods the shopper keeps …)
     */
    public ReturnAuthorization {
        Checks.optionalText(rmaNumber, "ReturnAuthorization.rmaNumber", 64);
        lines = Checks.nonEmptyList(lines, "ReturnAuthorization.lines");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!seen.add(lines.get(i).lineRef())) {
                throw new IllegalArgumentException("ReturnAuthorization.lines[" + i + "].lineRef \""
                        + lines.get(i).lineRef() + "\" is decided twice");
            }
        }
        Checks.optionalText(instructions, "ReturnAuthorization.instructions", 2000);
        Checks.text(explanation, "ReturnAuthorization.explanation", 500);
        boolean anyAuthorized = lines.stream().anyMatch(LineDecision::authorized);
        if (!anyAuthorized) {
            if (rmaNumber != null || destination != null || returnBy != null || shippingPaidBy != null) {
                throw new IllegalArgumentException("ReturnAuthorization.rmaNumber, destination, returnBy and"
                        + " shippingPaidBy must be null when every line is declined");
            }
        } else {
            Checks.required(rmaNumber, "ReturnAuthorization.rmaNumber (a line is authorised)");
            Checks.required(destination, "ReturnAuthorization.destination (a line is authorised)");
            if (destination.kind() == ReturnDestinationKind.KEEP_IT) {
                if (returnBy != null || shippingPaidBy != null) {
                    throw new IllegalArgumentException(
                            "ReturnAuthorization.returnBy and shippingPaidBy must be null when the shopper keeps the goods");
                }
            } else {
                Checks.required(returnBy, "ReturnAuthorization.returnBy (goods travel back)");
                Checks.required(shippingPaidBy, "ReturnAuthorization.shippingPaidBy (goods travel back)");
            }
        }
    }

    /**
     * Whether any line is authorised.
     *
     * @return false when the case is declined as a whole
     */
    public boolean anyAuthorized() {
        return lines.stream().anyMatch(LineDecision::authorized);
    }
}
