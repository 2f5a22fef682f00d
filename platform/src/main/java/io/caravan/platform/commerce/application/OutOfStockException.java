package io.caravan.platform.commerce.application;

import io.caravan.platform.catalog.domain.InsufficientStockException;
import java.util.ArrayList;
import java.util.List;

/**
 * The store cannot ship the asked quantities to the destination (409): each short line named by
 * its field, with what is available; nothing was reserved or changed.
 */
public class OutOfStockException extends RuntimeException {
    private final transient List<InvalidFieldsException.FieldProblem> lines;

    public OutOfStockException(String message, List<InvalidFieldsException.FieldProblem> lines) {
        super(message, null, false, false);
        this.lines = List.copyOf(lines);
    }

    public List<InvalidFieldsException.FieldProblem> lines() {
        return lines;
    }

    static RuntimeException of(InsufficientStockException e, CheckoutRequest request) {
        List<InvalidFieldsException.FieldProblem> problems = new ArrayList<>();
        List<String> skus = request.skus();
        for (String unknown : e.unknownSkus()) {
            problems.add(new InvalidFieldsException.FieldProblem(
                    "lines[" + skus.indexOf(unknown) + "].sku", "no product of this store has SKU " + unknown));
        }
        if (!problems.isEmpty() && e.shortages().isEmpty()) {
            return new InvalidFieldsException(problems);
        }
        for (InsufficientStockException.Shortage s : e.shortages()) {
            problems.add(new InvalidFieldsException.FieldProblem(
                    "lines[" + skus.indexOf(s.sku()) + "].quantity",
                    s.requested() + " of " + s.sku() + " asked, " + s.available()
                            + " available in the warehouses that ship to this address"));
        }
        return new OutOfStockException(e.getMessage(), problems);
    }
}
