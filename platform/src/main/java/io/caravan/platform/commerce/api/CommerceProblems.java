package io.caravan.platform.commerce.api;

import io.caravan.platform.commerce.application.CheckoutChangedException;
import io.caravan.platform.commerce.application.CheckoutNotPlaceableException;
import io.caravan.platform.commerce.application.IdempotencyKeyReusedException;
import io.caravan.platform.commerce.application.InvalidFieldsException;
import io.caravan.platform.commerce.application.NotificationNotHandledException;
import io.caravan.platform.commerce.application.OutOfStockException;
import io.caravan.platform.shared.api.Problem;
import io.caravan.platform.shared.api.ProblemTranslation;
import io.caravan.platform.shared.api.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The store runtime's failures as problem documents. */
@ApplicationScoped
public class CommerceProblems implements ProblemTranslation {
    public static final ProblemType IDEMPOTENCY_KEY_REUSED =
            ProblemType.of("idempotency-key-reused", "Idempotency-Key reused with another request", 422);
    public static final ProblemType CHECKOUT_INCOMPLETE =
            ProblemType.of("checkout-incomplete", "The checkout is not ready for an order", 409);
    public static final ProblemType CHECKOUT_CHANGED =
            ProblemType.of("checkout-changed", "The checkout changed since it was shown", 409);
    public static final ProblemType OUT_OF_STOCK = ProblemType.of("out-of-stock", "Not enough stock", 409);
    public static final ProblemType NOTIFICATION_NOT_HANDLED =
            ProblemType.of("notification-not-handled", "The notification could not be handled now", 503);
    public static final ProblemType SIGNATURE_NOT_VERIFIED =
            ProblemType.of("signature-not-verified", "The notification's signature was not verified", 401);
    public static final ProblemType PAYMENT_DECLINED = ProblemType.of("payment-declined", "Payment declined", 402);

    @Override
    public Optional<Problem> toProblem(Throwable failure) {
        if (failure instanceof InvalidFieldsException invalid) {
            List<Problem.FieldError> errors = invalid.problems().stream()
                    .map(p -> new Problem.FieldError(p.field(), p.message()))
                    .toList();
            return Optional.of(
                    Problem.of(ProblemType.VALIDATION, invalid.getMessage()).withErrors(errors));
        }
        if (failure instanceof OutOfStockException short_) {
            List<Problem.FieldError> errors = short_.lines().stream()
                    .map(p -> new Problem.FieldError(p.field(), p.message()))
                    .toList();
            return Optional.of(Problem.of(OUT_OF_STOCK, short_.getMessage()).withErrors(errors));
        }
        if (failure instanceof IdempotencyKeyReusedException reused) {
            return Optional.of(Problem.of(IDEMPOTENCY_KEY_REUSED, reused.getMessage()));
        }
        if (failure instanceof CheckoutNotPlaceableException incomplete) {
            return Optional.of(Problem.of(CHECKOUT_INCOMPLETE, incomplete.getMessage()));
        }
        if (failure instanceof CheckoutChangedException changed) {
            return Optional.of(Problem.of(CHECKOUT_CHANGED, changed.getMessage()));
        }
        if (failure instanceof NotificationNotHandledException notHandled) {
            return Optional.of(Problem.of(NOTIFICATION_NOT_HANDLED, notHandled.getMessage()));
        }
        return Optional.empty();
    }
}
