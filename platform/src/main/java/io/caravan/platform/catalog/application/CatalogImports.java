package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.CatalogImport;
import io.caravan.platform.catalog.domain.CatalogRules;
import io.caravan.platform.catalog.domain.FieldViolation;
import io.caravan.platform.catalog.domain.ImportRejectedException;
import io.caravan.platform.catalog.domain.ImportTooLargeException;
import io.caravan.platform.catalog.domain.Product;
import io.caravan.platform.catalog.domain.StockLevel;
import io.caravan.platform.catalog.domain.Variant;
import io.caravan.platform.catalog.domain.Violations;
import io.caravan.platform.catalog.domain.Warehouse;
import io.caravan.platform.catalog.infrastructure.CsvReader;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The CSV import of a catalogue: one row per variant, the rows of one {@code handle} making one
 * product. Upserts by handle (product) and SKU (variant); stock columns set the units on hand.
 *
 * <p>Two passes, both streamed: the first reads the request body once, validates every row (and
 * copies the bytes to a temporary file); if any row is bad, nothing is written and the report
 * names each row and column. Only a valid file is applied, from the temporary file, in one
 * transaction — so a file is imported whole or not at all. Memory holds the SKUs and handles seen,
 * never the file. Limits: {@link #MAX_BYTES}, {@link #MAX_ROWS}, {@link #MAX_RECORD_CHARS}.
 *
 * <p>Columns (header names exact, any order; only {@code handle}, {@code title}, {@code sku} and one
 * price are required): {@code handle, title, description, categories} (separated by |),
 * {@code status} (ACTIVE, DRAFT, ARCHIVED; new products default to DRAFT), {@code tax_category},
 * {@code sku}, {@code option1_name, option1_value} … {@code option3_*}, {@code price_<CUR>} (minor
 * units, e.g. {@code price_EUR}), {@code weight_g, length_mm, width_mm, height_mm, hs_code, origin,
 * flags} (separated by |), {@code stock_<warehouse code>} (units on hand). A product's fields are
 * taken from the first row of its handle; later rows may leave them empty, and must not differ.
 */
@ApplicationScoped
public class CatalogImports {
    private static final Logger LOG = Logger.getLogger(CatalogImports.class.getName());

    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final long MAX_ROWS = 50_000;
    public static final int MAX_RECORD_CHARS = 64 * 1024;
    /** The errors an import answer lists; the import resource keeps up to {@link CatalogImport#ERRORS_KEPT}. */
    public static final int ERRORS_ANSWERED = 100;

    private static final int FLUSH_EVERY = 200;
    private static final int PROGRESS_EVERY = 5_000;
    private static final int APPLY_TIMEOUT_SECONDS = 900;

    static final List<String> PRODUCT_COLUMNS =
            List.of("handle", "title", "description", "categories", "status", "tax_category");
    static final Set<String> FIXED_COLUMNS = Set.of(
            "handle",
            "title",
            "description",
            "categories",
            "status",
            "tax_category",
            "sku",
            "option1_name",
            "option1_value",
            "option2_name",
            "option2_value",
            "option3_name",
            "option3_value",
            "weight_g",
            "length_mm",
            "width_mm",
            "height_mm",
            "hs_code",
            "origin",
            "flags");

    @Inject
    ImportRecords records;

    @Inject
    StoreScopedPersistence persistence;

    @Inject
    Clock clock;

    @Resource
    UserTransaction transaction;

    /**
     * Imports {@code csv} (UTF-8) into the store's catalogue, whole or not at all.
     *
     * @param declaredLength the request's Content-Length, or -1
     * @throws ImportRejectedException naming the bad rows (nothing imported)
     * @throws ImportTooLargeException over a limit (nothing imported)
     */
    public CatalogImport importCsv(String storeId, String actor, InputStream csv, long declaredLength) {
        CatalogImport record = records.start(storeId, actor);
        String id = record.id();
        if (declaredLength > MAX_BYTES) {
            records.failed(storeId, id, 0, 0, 1, List.of(new CatalogImport.RowError(0, "file", tooLarge())));
            throw new ImportTooLargeException(id, tooLarge());
        }
        Path staged = null;
        try {
            staged = Files.createTempFile("caravan-import-", ".csv");
            Pass1 checked;
            try (OutputStream copy = Files.newOutputStream(staged);
                    InputStream limited = new TeeLimit(csv, copy, MAX_BYTES)) {
                checked = validate(storeId, id, limited);
            } catch (TooLarge e) {
                records.failed(storeId, id, 0, 0, 1, List.of(new CatalogImport.RowError(0, "file", e.getMessage())));
                throw new ImportTooLargeException(id, e.getMessage());
            }
            if (checked.tooManyRows) {
                String message = "The file has more than " + MAX_ROWS + " rows; split it. Nothing was imported.";
                records.failed(
                        storeId, id, checked.rows, 0, 1, List.of(new CatalogImport.RowError(0, "file", message)));
                throw new ImportTooLargeException(id, message);
            }
            if (checked.errorCount > 0) {
                records.failed(storeId, id, checked.rows, checked.validRows, checked.errorCount, checked.errors);
                throw new ImportRejectedException(
                        id,
                        checked.errors.subList(0, Math.min(checked.errors.size(), ERRORS_ANSWERED)),
                        checked.errorCount);
            }
            Applied applied;
            try {
                applied = apply(storeId, staged, checked.header);
            } catch (RowFailure e) {
                List<CatalogImport.RowError> errors = List.of(e.error);
                records.failed(storeId, id, checked.rows, checked.rows - 1, 1, errors);
                throw new ImportRejectedException(id, errors, 1);
            }
            return records.succeeded(storeId, id, checked.rows, applied.products, applied.variants);
        } catch (IOException e) {
            String message = "The file could not be read to its end: " + e.getMessage();
            records.failed(storeId, id, 0, 0, 1, List.of(new CatalogImport.RowError(0, "file", message)));
            throw new ImportRejectedException(id, List.of(new CatalogImport.RowError(0, "file", message)), 1);
        } finally {
            if (staged != null) {
                try {
                    Files.deleteIfExists(staged);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Could not delete the staged import " + staged, e);
                }
            }
        }
    }

    public CatalogImport get(String storeId, String importId) {
        return records.get(storeId, importId);
    }

    private static String tooLarge() {
        return "The file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB; split it. Nothing was imported.";
    }

    // ---------------------------------------------------------------- pass 1: validate

    private static final class Pass1 {
        Header header;
        long rows;
        long validRows;
        long errorCount;
        boolean tooManyRows;
        final List<CatalogImport.RowError> errors = new ArrayList<>();

        void error(long row, String column, String message) {
            errorCount++;
            if (errors.size() < CatalogImport.ERRORS_KEPT) {
                errors.add(new CatalogImport.RowError(row, column, message));
            }
        }
    }

    /** The header's columns by name, the currencies and warehouses it names. */
    record Header(Map<String, Integer> index, List<String> currencies, List<String> warehouses) {
        String get(List<String> row, String column) {
            Integer i = index.get(column);
            if (i == null || i >= row.size()) {
                return null;
            }
            String value = row.get(i).trim();
            return value.isEmpty() ? null : value;
        }
    }

    private Pass1 validate(String storeId, String importId, InputStream csv) throws IOException {
        Pass1 result = new Pass1();
        ImportRecords.Existing existing = records.existing(storeId);
        CsvReader reader = new CsvReader(
                new BufferedReader(new InputStreamReader(
                        csv,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT))),
                MAX_RECORD_CHARS);
        try {
            List<String> headerRow = reader.next();
            if (headerRow == null || headerRow.isEmpty()) {
                result.error(0, "header", "the file is empty: the first line must name the columns");
                return result;
            }
            result.header = header(headerRow, existing, result);
            if (result.errorCount > 0) {
                return result;
            }
            Map<String, Long> skuRows = new HashMap<>();
            Map<String, ProductSeen> handles = new HashMap<>();
            List<String> row;
            while ((row = reader.next()) != null) {
                if (row.isEmpty()) {
                    continue; // blank lines are not rows
                }
                result.rows++;
                if (result.rows > MAX_ROWS) {
                    result.tooManyRows = true;
                    return result;
                }
                long before = result.errorCount;
                checkRow(result.rows, row, result.header, existing, skuRows, handles, result);
                if (result.errorCount == before) {
                    result.validRows++;
                }
                if (result.rows % PROGRESS_EVERY == 0) {
                    records.progress(storeId, importId, result.rows, result.validRows);
                }
            }
            if (result.rows == 0) {
                result.error(0, "file", "has a header but no rows");
            }
        } catch (CsvReader.MalformedCsvException e) {
            result.error(Math.max(0, e.record() - 1), "line", e.getMessage() + "; the file was read up to here");
        } catch (CharacterCodingException e) {
            result.error(result.rows + 1, "line", "is not UTF-8 text; save the file as UTF-8 (CSV UTF-8)");
        }
        return result;
    }

    private static Header header(List<String> row, ImportRecords.Existing existing, Pass1 result) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> currencies = new ArrayList<>();
        List<String> warehouses = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            String name = row.get(i).trim();
            if (index.containsKey(name)) {
                result.error(0, name, "is named twice in the header");
                continue;
            }
            index.put(name, i);
            if (name.startsWith("price_")) {
                String currency = name.substring("price_".length());
                String problem = CatalogRules.currencyProblem(currency);
                if (problem != null) {
                    result.error(0, name, "currency " + problem);
                } else {
                    currencies.add(currency);
                }
            } else if (name.startsWith("stock_")) {
                String code = name.substring("stock_".length());
                if (!existing.warehouses().containsKey(code)) {
                    result.error(0, name, "names no warehouse of this store (create warehouse " + code + " first)");
                } else {
                    warehouses.add(code);
                }
            } else if (!FIXED_COLUMNS.contains(name)) {
                result.error(0, name, "is not a column of the catalogue import (see the documented header)");
            }
        }
        for (String required : List.of("handle", "title", "sku")) {
            if (!index.containsKey(required)) {
                result.error(0, required, "is a required column");
            }
        }
        if (currencies.isEmpty() && result.errorCount == 0) {
            result.error(0, "price_<currency>", "at least one price column is required, e.g. price_EUR");
        }
        return new Header(index, currencies, warehouses);
    }

    /** What the first row of a handle said about the product. */
    private record ProductSeen(long row, List<String> fields) {}

    private static void checkRow(
            long rowNumber,
            List<String> row,
            Header header,
            ImportRecords.Existing existing,
            Map<String, Long> skuRows,
            Map<String, ProductSeen> handles,
            Pass1 result) {
        if (row.size() > header.index().size()) {
            result.error(
                    rowNumber,
                    "line",
                    "has " + row.size() + " fields, the header "
                            + header.index().size());
            return;
        }
        Violations violations = new Violations();
        ProductInput input = input(row, header, violations);
        ProductValidation.validate(input, violations);
        for (FieldViolation v : violations.list()) {
            result.error(rowNumber, column(v.field()), v.message());
        }
        String handle = input.handle();
        String sku = input.variants().get(0).sku();
        if (sku != null) {
            String key = sku.toLowerCase(Locale.ROOT);
            Long earlier = skuRows.putIfAbsent(key, rowNumber);
            if (earlier != null) {
                result.error(rowNumber, "sku", "is also on row " + earlier + ": one row per SKU");
            }
            String owner = existing.productIdBySkuLower().get(key);
            if (owner != null
                    && handle != null
                    && !handle.equals(existing.handleByProductId().get(owner))) {
                result.error(
                        rowNumber,
                        "sku",
                        "belongs to product " + existing.handleByProductId().get(owner) + " in the store, not "
                                + handle);
            }
        }
        if (handle != null) {
            List<String> fields =
                    PRODUCT_COLUMNS.stream().map(c -> header.get(row, c)).toList();
            ProductSeen first = handles.putIfAbsent(handle, new ProductSeen(rowNumber, fields));
            if (first != null) {
                for (int i = 1; i < PRODUCT_COLUMNS.size(); i++) {
                    String value = fields.get(i);
                    if (value != null && !value.equals(first.fields().get(i))) {
                        result.error(
                                rowNumber,
                                PRODUCT_COLUMNS.get(i),
                                "differs from row " + first.row()
                                        + " of the same handle; leave it empty on the product's later rows");
                    }
                }
            }
        }
        for (String code : header.warehouses()) {
            String column = "stock_" + code;
            String value = header.get(row, column);
            if (value == null) {
                continue;
            }
            Long units = number(value);
            if (units == null || units < 0 || units > CatalogRules.STOCK_MAX) {
                result.error(
                        rowNumber, column, "must be a whole number of units between 0 and " + CatalogRules.STOCK_MAX);
            }
            // units below what checkouts reserved are refused when applied, under the row's lock
        }
    }

    /** The row as the product input of one variant; numbers that do not parse are violations. */
    static ProductInput input(List<String> row, Header header, Violations violations) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            String name = header.get(row, "option" + i + "_name");
            String value = header.get(row, "option" + i + "_value");
            if (name != null || value != null) {
                if (name == null || value == null) {
                    violations.add("option" + i, "needs both option" + i + "_name and option" + i + "_value");
                } else {
                    options.put(name, value);
                }
            }
        }
        Map<String, Long> prices = new LinkedHashMap<>();
        for (String currency : header.currencies()) {
            String value = header.get(row, "price_" + currency);
            if (value != null) {
                Long amount = number(value);
                if (amount == null) {
                    violations.add(
                            "variants[0].prices." + currency,
                            "must be a whole amount in minor units of " + currency
                                    + " (e.g. 1250 for 12.50), without separators");
                } else {
                    prices.put(currency, amount);
                }
            }
        }
        ProductInput.VariantInput variant = new ProductInput.VariantInput(
                header.get(row, "sku"),
                options,
                prices,
                measure(header.get(row, "weight_g"), "variants[0].weightGrams", violations),
                new ProductInput.DimensionsInput(
                        measure(header.get(row, "length_mm"), "variants[0].dimensions.lengthMm", violations),
                        measure(header.get(row, "width_mm"), "variants[0].dimensions.widthMm", violations),
                        measure(header.get(row, "height_mm"), "variants[0].dimensions.heightMm", violations)),
                header.get(row, "hs_code"),
                header.get(row, "origin"),
                split(header.get(row, "flags")));
        return new ProductInput(
                header.get(row, "handle"),
                header.get(row, "title"),
                header.get(row, "description"),
                split(header.get(row, "categories")),
                header.get(row, "status"),
                header.get(row, "tax_category"),
                List.of(variant));
    }

    private static Long measure(String value, String field, Violations violations) {
        if (value == null) {
            return null;
        }
        Long number = number(value);
        if (number == null) {
            violations.add(field, "must be a whole number");
        }
        return number;
    }

    private static Long number(String value) {
        if (!value.matches("-?[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(value);
    }

    private static List<String> split(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("\\|"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The CSV column a violation of the product input is about. */
    static String column(String field) {
        String f = field.startsWith("variants[0].") ? field.substring("variants[0].".length()) : field;
        if (f.startsWith("prices.")) {
            return "price_" + f.substring("prices.".length());
        }
        if (f.startsWith("options")) {
            return "option1_name";
        }
        if (f.startsWith("categories")) {
            return "categories";
        }
        if (f.startsWith("flags")) {
            return "flags";
        }
        return switch (f) {
            case "taxCategory" -> "tax_category";
            case "weightGrams" -> "weight_g";
            case "dimensions.lengthMm" -> "length_mm";
            case "dimensions.widthMm" -> "width_mm";
            case "dimensions.heightMm" -> "height_mm";
            case "hsCode" -> "hs_code";
            case "originCountry" -> "origin";
            case "prices" -> "price_<currency>";
            case "variants" -> "sku";
            default -> f;
        };
    }

    // ---------------------------------------------------------------- pass 2: apply

    private record Applied(long products, long variants) {}

    /** A row that turned out not to apply (e.g. stock below what was reserved meanwhile). */
    private static final class RowFailure extends Exception {
        final CatalogImport.RowError error;

        RowFailure(CatalogImport.RowError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    private Applied apply(String storeId, Path staged, Header header) throws IOException, RowFailure {
        try {
            transaction.setTransactionTimeout(APPLY_TIMEOUT_SECONDS);
            transaction.begin();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the import's transaction", e);
        }
        boolean committed = false;
        try {
            Applied applied = applyRows(storeId, staged, header);
            transaction.commit();
            committed = true;
            return applied;
        } catch (RowFailure | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the import's transaction did not commit", e);
        } finally {
            if (!committed) {
                try {
                    if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                        transaction.rollback();
                    }
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "Rolling back a failed import failed", e);
                }
            }
            try {
                transaction.setTransactionTimeout(0);
            } catch (Exception e) {
                LOG.log(Level.FINE, "could not reset the transaction timeout", e);
            }
        }
    }

    private Applied applyRows(String storeId, Path staged, Header header) throws IOException, RowFailure {
        EntityManager em = persistence.forStore(storeId);
        Instant now = clock.instant();
        Map<String, String> productIdByHandle = new HashMap<>();
        for (Object[] row : em.createQuery("select p.handle, p.id from Product p", Object[].class)
                .getResultList()) {
            productIdByHandle.put((String) row[0], (String) row[1]);
        }
        Map<String, String> variantIdBySku = new HashMap<>();
        Map<String, Integer> variantCount = new HashMap<>();
        for (Object[] row : em.createQuery("select v.sku, v.id, v.productId from Variant v", Object[].class)
                .getResultList()) {
            variantIdBySku.put(((String) row[0]).toLowerCase(Locale.ROOT), (String) row[1]);
            variantCount.merge((String) row[2], 1, Integer::sum);
        }
        Map<String, Warehouse> warehouses = new HashMap<>();
        Warehouses.all(em).forEach(w -> warehouses.put(w.code(), w));
        Set<String> productsTouched = new HashSet<>();
        long variants = 0;
        long rowNumber = 0;
        try (BufferedReader in = Files.newBufferedReader(staged, StandardCharsets.UTF_8)) {
            CsvReader reader = new CsvReader(in, MAX_RECORD_CHARS);
            reader.next(); // the header, checked in pass 1
            List<String> row;
            while ((row = reader.next()) != null) {
                if (row.isEmpty()) {
                    continue;
                }
                rowNumber++;
                Violations violations = new Violations();
                ValidProduct valid = ProductValidation.validate(input(row, header, violations), violations);
                if (valid == null) {
                    throw new IllegalStateException("row " + rowNumber + " was valid in the first pass");
                }
                String handle = valid.product().handle();
                String productId = productIdByHandle.get(handle);
                Product product = productId == null ? null : em.find(Product.class, productId);
                if (product == null) {
                    product = new Product(valid.product(), now);
                    em.persist(product);
                    productIdByHandle.put(handle, product.id());
                    productsTouched.add(product.id());
                } else if (productsTouched.add(product.id())) {
                    // the first row of an existing product replaces what the file states of it
                    product.apply(merged(product, valid, header, row), now);
                    product.touch(now);
                }
                var details = valid.variants().get(0);
                String variantId = variantIdBySku.get(details.sku().toLowerCase(Locale.ROOT));
                Variant variant = variantId == null ? null : em.find(Variant.class, variantId);
                if (variant == null) {
                    int order = variantCount.merge(product.id(), 1, Integer::sum) - 1;
                    variant = new Variant(product.id(), order, details);
                    em.persist(variant);
                    variantIdBySku.put(details.sku().toLowerCase(Locale.ROOT), variant.id());
                } else {
                    variant.apply(variant.sortOrder(), details);
                }
                variants++;
                for (String code : header.warehouses()) {
                    String value = header.get(row, "stock_" + code);
                    if (value == null) {
                        continue;
                    }
                    long units = Long.parseLong(value);
                    Warehouse warehouse = warehouses.get(code);
                    StockLevel level = em.createQuery(
                                    "select s from StockLevel s where s.variantId = :v and s.warehouseId = :w",
                                    StockLevel.class)
                            .setParameter("v", variant.id())
                            .setParameter("w", warehouse.id())
                            .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                            .getResultStream()
                            .findFirst()
                            .orElse(null);
                    if (level == null) {
                        level = new StockLevel(variant.id(), warehouse.id(), now);
                        em.persist(level);
                    } else if (units < level.reserved()) {
                        throw new RowFailure(new CatalogImport.RowError(
                                rowNumber,
                                "stock_" + code,
                                "is below the " + level.reserved() + " units reserved by checkouts and orders"));
                    }
                    level.setOnHand(units, now);
                }
                if (rowNumber % FLUSH_EVERY == 0) {
                    em.flush();
                    em.clear();
                }
            }
        } catch (CsvReader.MalformedCsvException e) {
            throw new IllegalStateException("the staged file changed between the passes", e);
        }
        em.flush();
        return new Applied(productsTouched.size(), variants);
    }

    /** The product's fields as the file states them, the current ones where the file's columns are absent. */
    private static io.caravan.platform.catalog.domain.ProductDetails merged(
            Product current, ValidProduct valid, Header header, List<String> row) {
        var stated = valid.product();
        return new io.caravan.platform.catalog.domain.ProductDetails(
                stated.handle(),
                stated.title(),
                header.get(row, "description") != null ? stated.description() : current.description(),
                header.get(row, "categories") != null ? stated.categories() : current.categories(),
                header.get(row, "status") != null ? stated.status() : current.status(),
                header.get(row, "tax_category") != null ? stated.taxCategory() : current.taxCategory());
    }

    /** Copies what is read to {@code copy} and fails past {@code limit} bytes. */
    private static final class TeeLimit extends FilterInputStream {
        private final OutputStream copy;
        private final long limit;
        private long count;

        TeeLimit(InputStream in, OutputStream copy, long limit) {
            super(in);
            this.copy = copy;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
                copy.write(buffer, offset, n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge(tooLarge());
            }
        }
    }

    /** Thrown through the reader when the body passes the byte limit. */
    private static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }
}
