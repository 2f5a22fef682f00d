package io.caravan.platform.commerce.api;

import io.caravan.platform.commerce.application.CheckoutChangedException;
import io.caravan.platform.commerce.application.CheckoutNotPlaceableException;
import io.caravan.platform.commerce.application.IdempotencyKeyReusedException;
import io.caravan.platform.commerce.application.InvalidFieldsException;
import io.caravan.platform.commerce.application.PaymentDeclinedException;
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
        if (failure instanceof IdempotencyKeyReusedException reused) {
            return Optional.of(Problem.of(IDEMPOTENCY_KEY_REUSED, reused.getMessage()));
        }
        if (failure instanceof CheckoutNotPlaceableException incomplete) {
            return Optional.of(Problem.of(CHECKOUT_INCOMPLETE, incomplete.getMessage()));
        }
        if (failure instanceof CheckoutChangedException changed) {
            return Optional.of(Problem.of(CHECKOUT_CHANGED, changed.getMessage()));
        }
        if (failure instanceof PaymentDeclinedException declined) {
            return Optional.of(Problem.of(
                    PAYMENT_DECLINED,
                    declined.getMessage() + " Order " + declined.orderId()
                            + " was cancelled and its stock released; the checkout is open again: choose another"
                            + " method or card and place again with a new Idempotency-Key."));
        }
        return Optional.empty();
    }
}
