package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.LineFlag;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.Order;
import io.caravan.sdk.model.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A return case as the platform holds it, for the returns plugin to judge: the order, the lines
 * asked for, what was delivered when, what the law grants, where goods could go back to, and the
 * case's due dates. The case, its state and its timers are the platform's.
 *
 * <p>Build one with {@link #builder()}; lists default to empty and the status to
 * {@link ReturnCaseStatus#REQUESTED}.
 *
 * @param returnId    the platform's id for the return case, stable across calls (the idempotency
 *                    key of {@link ReturnAuthorizer}); at most 64 characters
 * @param order       the order
 * @param status      where the case stands
 * @param lines       the lines to return; at least one, each line at most once, each quantity at
 *                    most the units of the line delivered
 * @param deliveries  what the carriers delivered, per line and day; lines of the order, at most the
 *                    units bought per line
 * @param statutory   what the law of the shopper's country grants each requested line, as the
 *                    platform computed it from its legal data (rule id, last day): the floor the
 *                    platform enforces whatever a plugin answers; at most one per requested line
 * @param warehouses  the store's warehouses a return may go to, for {@link ReturnDestination}
 * @param deadlines   the case's due dates so far, as the platform timed them
 * @param requestedAt when the case was opened
 */
public record ReturnRequest(
        String returnId,
        Order order,
        ReturnCaseStatus status,
        List<ReturnLine> lines,
        List<LineDelivery> deliveries,
        List<LineEligibility> statutory,
        List<Warehouse> warehouses,
        List<StepDeadline> deadlines,
        Instant requestedAt) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid, a line is not in the order, is
     *                                  listed twice, returns more units than were delivered, or a
     *                                  delivery or statutory answer does not fit the order; the
     *                                  message names the field
     */
    public ReturnRequest {
        Checks.text(returnId, "ReturnRequest.returnId", 64);
        Checks.required(order, "ReturnRequest.order");
        Checks.required(status, "ReturnRequest.status");
        lines = Checks.nonEmptyList(lines, "ReturnRequest.lines");
        deliveries = Checks.list(deliveries, "ReturnRequest.deliveries");
        statutory = Checks.list(statutory, "ReturnRequest.statutory");
        warehouses = Checks.list(warehouses, "ReturnRequest.warehouses");
        deadlines = Checks.list(deadlines, "ReturnRequest.deadlines");
        Checks.required(requestedAt, "ReturnRequest.requestedAt");

        Map<String, Integer> delivered = new HashMap<>();
        for (int i = 0; i < deliveries.size(); i++) {
            LineDelivery d = deliveries.get(i);
            LineItem bought = line(order, d.lineRef(), "ReturnRequest.deliveries[" + i + "].lineRef");
            int units = delivered.merge(d.lineRef(), d.quantity(), Integer::sum);
            if (units > bought.quantity()) {
                throw new IllegalArgumentException("ReturnRequest.deliveries deliver " + units + " units of line \""
                        + d.lineRef() + "\", more than the " + bought.quantity() + " bought");
            }
        }
        Set<String> requested = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ReturnLine line = lines.get(i);
            String field = "ReturnRequest.lines[" + i + "]";
            if (!requested.add(line.lineRef())) {
                throw new IllegalArgumentException(field + ".lineRef \"" + line.lineRef() + "\" is listed twice");
            }
            line(order, line.lineRef(), field + ".lineRef");
            int units = delivered.getOrDefault(line.lineRef(), 0);
            if (line.quantity() > units) {
                throw new IllegalArgumentException(
                        field + ".quantity must be at most " + units + " (delivered), was " + line.quantity());
            }
        }
        Set<String> judged = new HashSet<>();
        for (int i = 0; i < statutory.size(); i++) {
            String ref = statutory.get(i).lineRef();
            String field = "ReturnRequest.statutory[" + i + "].lineRef";
            if (!requested.contains(ref)) {
                throw new IllegalArgumentException(field + " \"" + ref + "\" is not a requested line");
            }
            if (!judged.add(ref)) {
                throw new IllegalArgumentException(field + " \"" + ref + "\" is listed twice");
            }
        }
    }

    private static LineItem line(Order order, String lineRef, String field) {
        return order.cart().lines().stream()
                .filter(l -> l.lineId().equals(lineRef))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        field + " \"" + lineRef + "\" is not a line of order " + order.id()));
    }

    /**
     * A builder.
     *
     * @return an empty builder, status {@link ReturnCaseStatus#REQUESTED}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The day the last unit of a line was delivered.
     *
     * @param lineRef an order line id
     * @return the latest delivery day of that line, or empty if none of it was delivered
     */
    public Optional<LocalDate> deliveredOn(String lineRef) {
        return deliveries.stream()
                .filter(d -> d.lineRef().equals(lineRef))
                .map(LineDelivery::deliveredOn)
                .max(LocalDate::compareTo);
    }

    /**
     * The day the order's last item was delivered, which is when the EU's 14 days start for an order
     * of several items: known once every unit of every line with something to ship (not
     * {@link LineFlag#DIGITAL}) was delivered.
     *
     * @return the last delivery day, or empty while something is still on its way
     */
    public Optional<LocalDate> lastDeliveredOn() {
        Map<String, Integer> delivered = new HashMap<>();
        for (LineDelivery d : deliveries) {
            delivered.merge(d.lineRef(), d.quantity(), Integer::sum);
        }
        for (LineItem line : order.cart().lines()) {
            if (!line.has(LineFlag.DIGITAL) && delivered.getOrDefault(line.lineId(), 0) < line.quantity()) {
                return Optional.empty();
            }
        }
        return deliveries.stream().map(LineDelivery::deliveredOn).max(LocalDate::compareTo);
    }

    /**
     * What the law grants a requested line.
     *
     * @param lineRef a requested line id
     * @return the platform's statutory answer for it, or empty if it gave none
     */
    public Optional<LineEligibility> statutory(String lineRef) {
        return statutory.stream().filter(s -> s.lineRef().equals(lineRef)).findFirst();
    }

    /**
     * Builds a {@link ReturnRequest}.
     */
    public static final class Builder {
        private String returnId;
        private Order order;
        private ReturnCaseStatus status = ReturnCaseStatus.REQUESTED;
        private final List<ReturnLine> lines = new ArrayList<>();
        private final List<LineDelivery> deliveries = new ArrayList<>();
        private final List<LineEligibility> statutory = new ArrayList<>();
        private final List<Warehouse> warehouses = new ArrayList<>();
        private final List<StepDeadline> deadlines = new ArrayList<>();
        private Instant requestedAt;

        private Builder() {}

        /**
         * Sets the return case id.
         *
         * @param returnId the platform's id
         * @return this builder
         */
        public Builder returnId(String returnId) {
            this.returnId = returnId;
            return this;
        }

        /**
         * Sets the order.
         *
         * @param order the order
         * @return this builder
         */
        public Builder order(Order order) {
            this.order = order;
            return this;
        }

        /**
         * Sets the case's status.
         *
         * @param status where the case stands
         * @return this builder
         */
        public Builder status(ReturnCaseStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Adds a line to return.
         *
         * @param line the line
         * @return this builder
         */
        public Builder line(ReturnLine line) {
            this.lines.add(line);
            return this;
        }

        /**
         * Adds a delivery.
         *
         * @param delivery units of a line delivered on a day
         * @return this builder
         */
        public Builder delivery(LineDelivery delivery) {
            this.deliveries.add(delivery);
            return this;
        }

        /**
         * Adds the law's answer for a requested line.
         *
         * @param eligibility the statutory answer
         * @return this builder
         */
        public Builder statutory(LineEligibility eligibility) {
            this.statutory.add(eligibility);
            return this;
        }

        /**
         * Adds a warehouse a return may go to.
         *
         * @param warehouse the warehouse
         * @return this builder
         */
        public Builder warehouse(Warehouse warehouse) {
            this.warehouses.add(warehouse);
            return this;
        }

        /**
         * Adds a due date.
         *
         * @param deadline the step and when it is due
         * @return this builder
         */
        public Builder deadline(StepDeadline deadline) {
            this.deadlines.add(deadline);
            return this;
        }

        /**
         * Sets when the case was opened.
         *
         * @param requestedAt the instant
         * @return this builder
         */
        public Builder requestedAt(Instant requestedAt) {
            this.requestedAt = requestedAt;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException if a component is missing or invalid; the message names it
         */
        public ReturnRequest build() {
            return new ReturnRequest(
                    returnId, order, status, lines, deliveries, statutory, warehouses, deadlines, requestedAt);
        }
    }
}
