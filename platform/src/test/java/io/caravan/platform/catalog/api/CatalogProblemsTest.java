package io.caravan.platform.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.catalog.domain.CatalogImport;
import io.caravan.platform.catalog.domain.FieldViolation;
import io.caravan.platform.catalog.domain.ImportRejectedException;
import io.caravan.platform.catalog.domain.ImportTooLargeException;
import io.caravan.platform.catalog.domain.InsufficientStockException;
import io.caravan.platform.catalog.domain.InvalidCatalogInputException;
import io.caravan.platform.catalog.domain.PreconditionFailedException;
import io.caravan.platform.shared.api.Problem;
import io.caravan.platform.shared.domain.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogProblemsTest {
    private final CatalogProblems problems = new CatalogProblems();

    private Problem problem(Throwable failure) {
        return problems.toProblem(failure).orElseThrow();
    }

    @Test
    void invalidInputNamesEveryField() {
        Problem p = problem(new InvalidCatalogInputException(List.of(
                new FieldViolation("handle", "is required"), new FieldViolation("variants[0].sku", "is required"))));
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.type().toString()).isEqualTo("https://caravan.io/problems/validation");
        assertThat(p.errors()).extracting(Problem.FieldError::field).containsExactly("handle", "variants[0].sku");
        assertThat(p.detail()).isEqualTo("handle: is required; variants[0].sku: is required");
    }

    @Test
    void staleVersionsShortStockAndImports() {
        assertThat(problem(new PreconditionFailedException("Product mug", 4)).status())
                .isEqualTo(412);
        Problem stock = problem(new InsufficientStockException(
                List.of("NOPE"), List.of(new InsufficientStockException.Shortage("MUG", 3, 1))));
        assertThat(stock.status()).isEqualTo(409);
        assertThat(stock.type().toString()).endsWith("/insufficient-stock");
        assertThat(stock.errors())
                .containsExactly(
                        new Problem.FieldError("NOPE", "is not a SKU of this store"),
                        new Problem.FieldError("MUG", "3 requested, 1 available"));
        Problem rejected = problem(new ImportRejectedException(
                "imp-1",
                List.of(
                        new CatalogImport.RowError(0, "colour", "unknown"),
                        new CatalogImport.RowError(7, "sku", "bad")),
                2));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.errors()).extracting(Problem.FieldError::field).containsExactly("colour", "row 7: sku");
        assertThat(rejected.detail()).contains("imp-1").contains("nothing was imported");
        assertThat(problem(new ImportTooLargeException("imp-2", "too large")).status())
                .isEqualTo(413);
    }

    @Test
    void leavesOtherContextsFailuresAlone() {
        assertThat(problems.toProblem(new InvalidInputException("x"))).isEmpty();
        assertThat(problems.toProblem(new IllegalStateException("x"))).isEmpty();
    }
}
