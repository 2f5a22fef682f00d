package io.caravan.platform.commerce.api;

import io.caravan.platform.commerce.application.CheckoutQuote;
import io.caravan.platform.commerce.application.OrderQueries.OrderDetail;
import io.caravan.platform.commerce.domain.AppliedPaymentUpdate;
import io.caravan.platform.commerce.domain.OrderHistoryEntry;
import io.caravan.platform.commerce.domain.Payment;
import io.caravan.platform.commerce.domain.PaymentOperation;
import io.caravan.platform.commerce.domain.StoreOrder;
import io.caravan.platform.shared.domain.Page;
import java.time.Instant;
import java.util.List;

/** What the order API answers. Amounts in minor units of {@code currency}. */
public final class OrderViews {
    private OrderViews() {}

    public record OrderSummary(
            String id,
            long number,
            String status,
            String paymentStatus,
            String fulfilmentStatus,
            String returnStatus,
            String confirmation,
            String currency,
            long total,
            String shopperEmail,
            String shipToCountry,
            String paymentMethod,
            String cancelReason,
            Instant placedAt,
            Instant updatedAt) {
        public static OrderSummary of(StoreOrder o) {
            return new OrderSummary(
                    o.id(),
                    o.number(),
                    o.status().name(),
                    o.paymentStatus().name(),
                    o.fulfilmentStatus().name(),
                    o.returnStatus(),
                    o.confirmation().name(),
                    o.currency(),
                    o.totalMinor(),
                    o.shopperEmail(),
                    o.shipToCountry(),
                    o.methodCode(),
                    o.cancelReason(),
                    o.placedAt(),
                    o.updatedAt());
        }
    }

    public record OrderPage(List<OrderSummary> items, int page, int size, long total) {
        public static OrderPage of(Page<StoreOrder> page) {
            return new OrderPage(
                    page.items().stream().map(OrderSummary::of).toList(), page.page(), page.size(), page.total());
        }
    }

    /** One payment attempt with its amounts (the status is derived from them). */
    public record PaymentView(
            String id,
            int attempt,
            String installationId,
            String pluginId,
            String pluginVersion,
            String methodCode,
            String currency,
            long amount,
            String outcome,
            String providerReference,
            String declineCategory,
            String declineCode,
            String declineMessage,
            long authorized,
            long authorizePending,
            long captured,
            long capturePending,
            long refunded,
            long refundPending,
            long voided,
            Instant expiresAt,
            Instant createdAt) {
        public static PaymentView of(Payment p) {
            return new PaymentView(
                    p.id(),
                    p.attemptNumber(),
                    p.installationId(),
                    p.pluginId(),
                    p.pluginVersion(),
                    p.methodCode(),
                    p.currency(),
                    p.amountMinor(),
                    p.outcome().name(),
                    p.providerReference(),
                    p.declineCategory(),
                    p.declineCode(),
                    p.declineMessage(),
                    p.amounts().authorized(),
                    p.amounts().authorizePending(),
                    p.amounts().captured(),
                    p.amounts().capturePending(),
                    p.amounts().refunded(),
                    p.amounts().refundPending(),
                    p.amounts().voided(),
                    p.expiresAt(),
                    p.createdAt());
        }
    }

    public record OperationView(
            String id,
            String paymentId,
            String kind,
            long amount,
            String status,
            String operationReference,
            String failureReason,
            String requestedBy,
            Instant createdAt,
            Instant updatedAt) {
        public static OperationView of(PaymentOperation o) {
            return new OperationView(
                    o.id(),
                    o.paymentId(),
                    o.kind(),
                    o.amountMinor(),
                    o.status(),
                    o.operationReference(),
                    o.failureReason(),
                    o.requestedBy(),
                    o.createdAt(),
                    o.updatedAt());
        }
    }

    public record UpdateView(
            String paymentId,
            String type,
            String operationReference,
            long amount,
            String source,
            boolean applied,
            String note,
            Instant receivedAt) {
        public static UpdateView of(AppliedPaymentUpdate u) {
            return new UpdateView(
                    u.paymentId(),
                    u.type(),
                    u.operationReference(),
                    u.amountMinor(),
                    u.source(),
                    u.applied(),
                    u.note(),
                    u.receivedAt());
        }
    }

    public record HistoryView(long sequence, String kind, String detail, String actor, Instant occurredAt) {
        public static HistoryView of(OrderHistoryEntry h) {
            return new HistoryView(h.sequence(), h.kind(), h.detail(), h.actor(), h.occurredAt());
        }
    }

    /** One order: its facets, the price snapshot it was placed with, payments and history. */
    public record OrderDetailView(
            OrderSummary order,
            CheckoutQuote snapshot,
            List<PaymentView> payments,
            List<OperationView> operations,
            List<UpdateView> providerUpdates,
            List<HistoryView> history) {
        public static OrderDetailView of(OrderDetail d) {
            return new OrderDetailView(
                    OrderSummary.of(d.order()),
                    d.snapshot(),
                    d.payments().stream().map(PaymentView::of).toList(),
                    d.operations().stream().map(OperationView::of).toList(),
                    d.updates().stream().map(UpdateView::of).toList(),
                    d.history().stream().map(HistoryView::of).toList());
        }
    }
}
