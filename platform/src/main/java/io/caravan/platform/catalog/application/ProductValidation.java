package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.CatalogRules;
import io.caravan.platform.catalog.domain.ProductDetails;
import io.caravan.platform.catalog.domain.ProductStatus;
import io.caravan.platform.catalog.domain.VariantDetails;
import io.caravan.platform.catalog.domain.VariantFlag;
import io.caravan.platform.catalog.domain.Violations;
import io.caravan.sdk.model.TaxCategory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a {@link ProductInput} against the catalogue's rules and names every bad field, as the
 * client sent it ({@code variants[1].prices.EUR}). Pure: what needs the database (a handle or SKU
 * another product has) is checked by {@link Products}.
 */
public final class ProductValidation {
    private ProductValidation() {}

    /** The valid product, or every violation in {@code violations} (and null). */
    public static ValidProduct validate(ProductInput input, Violations violations) {
        int before = violations.list().size();
        String handle = input.handle();
        if (blank(handle)) {
            violations.add("handle", "is required");
        } else if (handle.length() > CatalogRules.HANDLE_MAX
                || !CatalogRules.HANDLE.matcher(handle).matches()) {
            violations.add(
                    "handle",
                    "must be lower-case letters, digits and single hyphens (e.g. azulejo-mug), at most "
                            + CatalogRules.HANDLE_MAX + " characters");
        }
        String title = trimmed(input.title());
        if (title == null) {
            violations.add("title", "is required");
        } else if (title.length() > CatalogRules.TITLE_MAX) {
            violations.add("title", "must be at most " + CatalogRules.TITLE_MAX + " characters");
        }
        String description = input.description();
        if (description != null && description.length() > CatalogRules.DESCRIPTION_MAX) {
            violations.add("description", "must be at most " + CatalogRules.DESCRIPTION_MAX + " characters");
        }
        List<String> categories = new ArrayList<>();
        List<String> categoryInput = input.categories() == null ? List.of() : input.categories();
        if (categoryInput.size() > CatalogRules.CATEGORIES_MAX) {
            violations.add("categories", "must have at most " + CatalogRules.CATEGORIES_MAX + " entries");
        }
        for (int i = 0; i < categoryInput.size(); i++) {
            String category = trimmed(categoryInput.get(i));
            if (category == null || category.length() > CatalogRules.CATEGORY_MAX) {
                violations.add("categories[" + i + "]", "must be 1 to " + CatalogRules.CATEGORY_MAX + " characters");
            } else if (!categories.contains(category)) {
                categories.add(category);
            }
        }
        ProductStatus status = input.status() == null
                ? ProductStatus.DRAFT
                : parse(ProductStatus.class, input.status(), "status", violations);
        TaxCategory taxCategory = input.taxCategory() == null
                ? TaxCategory.STANDARD
                : parse(TaxCategory.class, input.taxCategory(), "taxCategory", violations);
        List<ProductInput.VariantInput> variantInput = input.variants() == null ? List.of() : input.variants();
        if (variantInput.isEmpty()) {
            violations.add("variants", "needs at least one variant (the SKU the product sells as)");
        } else if (variantInput.size() > CatalogRules.VARIANTS_MAX) {
            violations.add("variants", "must have at most " + CatalogRules.VARIANTS_MAX + " variants");
        }
        List<VariantDetails> variants = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        Set<Map<String, String>> optionSets = new HashSet<>();
        for (int i = 0; i < variantInput.size(); i++) {
            ProductInput.VariantInput v = variantInput.get(i);
            String at = "variants[" + i + "]";
            if (v == null) {
                violations.add(at, "must be an object");
                continue;
            }
            VariantDetails details = variant(v, at, violations);
            if (details != null) {
                if (!skus.add(details.sku().toLowerCase(Locale.ROOT))) {
                    violations.add(at + ".sku", "is given twice in this product");
                } else if (!optionSets.add(details.options())) {
                    violations.add(at + ".options", "are the same as another variant's: variants differ by options");
                } else {
                    variants.add(details);
                }
            }
        }
        if (violations.list().size() > before) {
            return null;
        }
        return new ValidProduct(
                new ProductDetails(handle, title, description, categories, status, taxCategory), variants);
    }

    /** One variant; null (with violations) when it is invalid. */
    static VariantDetails variant(ProductInput.VariantInput v, String at, Violations violations) {
        int before = violations.list().size();
        String sku = v.sku();
        if (blank(sku)) {
            violations.add(at + ".sku", "is required");
        } else if (sku.length() > CatalogRules.SKU_MAX
                || !CatalogRules.SKU.matcher(sku).matches()) {
            violations.add(
                    at + ".sku",
                    "must be letters, digits and . _ / - (starting with a letter or digit), at most "
                            + CatalogRules.SKU_MAX + " characters");
        }
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> optionInput = v.options() == null ? Map.of() : v.options();
        if (optionInput.size() > CatalogRules.OPTIONS_MAX) {
            violations.add(at + ".options", "must have at most " + CatalogRules.OPTIONS_MAX + " options");
        }
        optionInput.forEach((name, value) -> {
            String n = trimmed(name);
            String val = trimmed(value);
            if (n == null || n.length() > CatalogRules.OPTION_TEXT_MAX) {
                violations.add(
                        at + ".options", "option names must be 1 to " + CatalogRules.OPTION_TEXT_MAX + " characters");
            } else if (val == null || val.length() > CatalogRules.OPTION_TEXT_MAX) {
                violations.add(at + ".options." + n, "must be 1 to " + CatalogRules.OPTION_TEXT_MAX + " characters");
            } else {
                options.put(n, val);
            }
        });
        Map<String, Long> prices = new TreeMap<>();
        Map<String, Long> priceInput = v.prices() == null ? Map.of() : v.prices();
        if (priceInput.isEmpty()) {
            violations.add(at + ".prices", "needs at least one price (currency → amount in minor units)");
        } else if (priceInput.size() > CatalogRules.PRICES_MAX) {
            violations.add(at + ".prices", "must have at most " + CatalogRules.PRICES_MAX + " currencies");
        }
        priceInput.forEach((currency, amount) -> {
            String problem = CatalogRules.currencyProblem(currency);
            if (problem != null) {
                violations.add(at + ".prices." + currency, "currency " + problem);
            } else if (amount == null || amount < 0 || amount > CatalogRules.PRICE_MAX_MINOR) {
                violations.add(
                        at + ".prices." + currency,
                        "must be an amount in minor units of " + currency + " between 0 and "
                                + CatalogRules.PRICE_MAX_MINOR);
            } else {
                prices.put(currency, amount);
            }
        });
        long weight = measure(v.weightGrams(), at + ".weightGrams", CatalogRules.WEIGHT_MAX_G, "grams", violations);
        ProductInput.DimensionsInput d =
                v.dimensions() == null ? new ProductInput.DimensionsInput(0L, 0L, 0L) : v.dimensions();
        long length = measure(
                d.lengthMm(), at + ".dimensions.lengthMm", CatalogRules.DIMENSION_MAX_MM, "millimetres", violations);
        long width = measure(
                d.widthMm(), at + ".dimensions.widthMm", CatalogRules.DIMENSION_MAX_MM, "millimetres", violations);
        long height = measure(
                d.heightMm(), at + ".dimensions.heightMm", CatalogRules.DIMENSION_MAX_MM, "millimetres", violations);
        String hsCode = trimmed(v.hsCode());
        if (hsCode != null && CatalogRules.hsCodeProblem(hsCode) != null) {
            violations.add(at + ".hsCode", CatalogRules.hsCodeProblem(hsCode));
        }
        String origin = trimmed(v.originCountry());
        if (origin != null && CatalogRules.countryProblem(origin) != null) {
            violations.add(at + ".originCountry", CatalogRules.countryProblem(origin));
        }
        Set<VariantFlag> flags = EnumSet.noneOf(VariantFlag.class);
        List<String> flagInput = v.flags() == null ? List.of() : v.flags();
        for (int i = 0; i < flagInput.size(); i++) {
            VariantFlag flag = parse(VariantFlag.class, flagInput.get(i), at + ".flags[" + i + "]", violations);
            if (flag != null) {
                flags.add(flag);
            }
        }
        if (violations.list().size() > before) {
            return null;
        }
        return new VariantDetails(sku, options, prices, weight, length, width, height, hsCode, origin, flags);
    }

    private static long measure(Long value, String field, long max, String unit, Violations violations) {
        if (value == null) {
            return 0;
        }
        if (value < 0 || value > max) {
            violations.add(field, "must be between 0 and " + max + " " + unit);
            return 0;
        }
        return value;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Violations violations) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                    return constant;
                }
            }
        }
        violations.add(
                field,
                "must be one of "
                        + String.join(
                                ", ",
                                Arrays.stream(type.getEnumConstants())
                                        .map(Enum::name)
                                        .toList()));
        return null;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
