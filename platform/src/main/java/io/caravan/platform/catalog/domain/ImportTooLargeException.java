package io.caravan.platform.catalog.domain;

/** A CSV import over a limit (bytes or rows): answered with 413; nothing was imported. */
public class ImportTooLargeException extends RuntimeException {
    private final String importId;

    public ImportTooLargeException(String importId, String message) {
        super(message, null, false, false);
        this.importId = importId;
    }

    public String importId() {
        return importId;
    }
}
