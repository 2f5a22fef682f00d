package io.caravan.platform.catalog.api;

import io.caravan.platform.catalog.domain.ImportRejectedException;
import io.caravan.platform.catalog.domain.ImportTooLargeException;
import io.caravan.platform.catalog.domain.InsufficientStockException;
import io.caravan.platform.catalog.domain.InvalidCatalogInputException;
import io.caravan.platform.catalog.domain.PreconditionFailedException;
import io.caravan.platform.shared.api.Problem;
import io.caravan.platform.shared.api.ProblemTranslation;
import io.caravan.platform.shared.api.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue's refusals as problem documents: invalid fields (400, each field named), a stale
 * version (412), a change without {@code If-Match} (428), not enough stock (409, each SKU named),
 * an import with bad rows (422, each row and column named) or over a limit (413).
 */
@ApplicationScoped
public class CatalogProblems implements ProblemTranslation {
    public static final ProblemType PRECONDITION_FAILED =
            ProblemType.of("precondition-failed", "Precondition failed", 412);
    public static final ProblemType PRECONDITION_REQUIRED =
            ProblemType.of("precondition-required", "Precondition required", 428);
    public static final ProblemType INSUFFICIENT_STOCK = ProblemType.of("insufficient-stock", "Not enough stock", 409);
    public static final ProblemType IMPORT_REJECTED = ProblemType.of("import-rejected", "Import rejected", 422);
    public static final ProblemType IMPORT_TOO_LARGE = ProblemType.of("import-too-large", "Import too large", 413);

    @Override
    public Optional<Problem> toProblem(Throwable failure) {
        if (failure instanceof InvalidCatalogInputException invalid) {
            return Optional.of(Problem.of(ProblemType.VALIDATION, invalid.getMessage())
                    .withErrors(invalid.violations().stream()
                            .map(v -> new Problem.FieldError(v.field(), v.message()))
                            .toList()));
        }
        if (failure instanceof PreconditionFailedException stale) {
            return Optional.of(Problem.of(PRECONDITION_FAILED, stale.getMessage()));
        }
        if (failure instanceof InsufficientStockException short_) {
            List<Problem.FieldError> errors = new ArrayList<>();
            short_.unknownSkus().forEach(sku -> errors.add(new Problem.FieldError(sku, "is not a SKU of this store")));
            short_.shortages()
                    .forEach(s -> errors.add(new Problem.FieldError(
                            s.sku(), s.requested() + " requested, " + s.available() + " available")));
            return Optional.of(
                    Problem.of(INSUFFICIENT_STOCK, short_.getMessage()).withErrors(errors));
        }
        if (failure instanceof ImportRejectedException rejected) {
            return Optional.of(Problem.of(IMPORT_REJECTED, rejected.getMessage())
                    .withErrors(rejected.errors().stream()
                            .map(e -> new Problem.FieldError(
                                    e.row() == 0 ? e.column() : "row " + e.row() + ": " + e.column(), e.message()))
                            .toList()));
        }
        if (failure instanceof ImportTooLargeException tooLarge) {
            return Optional.of(Problem.of(IMPORT_TOO_LARGE, tooLarge.getMessage()));
        }
        return Optional.empty();
    }
}
