package io.caravan.platform.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One CSV import of the catalogue and its report: rows read, rows valid, and the errors (row,
 * column, message; the first {@link #ERRORS_KEPT} are kept, all are counted).
 */
@Entity
@Table(name = "catalog_imports")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class CatalogImport {
    /** A file with more bad rows than this is wrong throughout; the first ones say how. */
    public static final int ERRORS_KEPT = 500;

    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportStatus status;

    @Column(name = "rows_read", nullable = false)
    private long rowsRead;

    @Column(name = "rows_valid", nullable = false)
    private long rowsValid;

    @Column(name = "error_count", nullable = false)
    private long errorCount;

    private String errors;

    @Column(nullable = false)
    private long products;

    @Column(nullable = false)
    private long variants;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected CatalogImport() {}

    public CatalogImport(String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.status = ImportStatus.RUNNING;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.errors = "[]";
    }

    /** A row error as the report shows it: the 1-based data row (the header is row 0), the column. */
    public record RowError(long row, String column, String message) {}

    public void progress(long read, long valid) {
        this.rowsRead = read;
        this.rowsValid = valid;
    }

    public void succeeded(long read, long productCount, long variantCount, Instant now) {
        this.status = ImportStatus.SUCCEEDED;
        this.rowsRead = read;
        this.rowsValid = read;
        this.products = productCount;
        this.variants = variantCount;
        this.finishedAt = now;
    }

    public void failed(long read, long valid, long totalErrors, List<RowError> kept, Instant now) {
        this.status = ImportStatus.FAILED;
        this.rowsRead = read;
        this.rowsValid = valid;
        this.errorCount = totalErrors;
        List<String> encoded = new ArrayList<>();
        for (RowError e : kept.subList(0, Math.min(kept.size(), ERRORS_KEPT))) {
            encoded.add(TextCodec.strings(List.of(Long.toString(e.row()), e.column(), e.message())));
        }
        this.errors = "[" + String.join(",", encoded) + "]";
        this.finishedAt = now;
    }

    public String id() {
        return id;
    }

    public ImportStatus status() {
        return status;
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsValid() {
        return rowsValid;
    }

    public long errorCount() {
        return errorCount;
    }

    public List<RowError> errors() {
        List<RowError> result = new ArrayList<>();
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(errors))) {
            for (var value : reader.readArray()) {
                var array = value.asJsonArray();
                result.add(new RowError(Long.parseLong(array.getString(0)), array.getString(1), array.getString(2)));
            }
        }
        return List.copyOf(result);
    }

    public long products() {
        return products;
    }

    public long variants() {
        return variants;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
