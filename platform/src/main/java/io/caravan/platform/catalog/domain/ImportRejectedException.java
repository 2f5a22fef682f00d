package io.caravan.platform.catalog.domain;

import java.util.List;

/**
 * A CSV import with bad rows: nothing was imported. Carries the first errors (each row, column
 * and message) and how many there are; the import resource keeps the report (answered with 422).
 */
public class ImportRejectedException extends RuntimeException {
    private final String importId;
    private final transient List<CatalogImport.RowError> errors;
    private final long errorCount;

    public ImportRejectedException(String importId, List<CatalogImport.RowError> errors, long errorCount) {
        super(
                "The file has " + errorCount + " error" + (errorCount == 1 ? "" : "s")
                        + "; nothing was imported. The full report: GET the import " + importId + ".",
                null,
                false,
                false);
        this.importId = importId;
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    public String importId() {
        return importId;
    }

    public List<CatalogImport.RowError> errors() {
        return errors;
    }

    public long errorCount() {
        return errorCount;
    }
}
