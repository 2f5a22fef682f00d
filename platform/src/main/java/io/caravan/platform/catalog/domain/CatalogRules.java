package io.caravan.platform.catalog.domain;

import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.HsCode;
import java.util.Currency;
import java.util.regex.Pattern;

/** The field rules of the catalogue, shared by the API, the CSV import and the demo data. */
public final class CatalogRules {
    /** Lower-case letters, digits and single hyphens: the product's address in a storefront URL. */
    public static final Pattern HANDLE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Letters, digits and {@code - _ . /}; what warehouses print on pick lists. */
    public static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    /** Lower-case letters, digits, {@code - _}: also a CSV column suffix ({@code stock_<code>}). */
    public static final Pattern WAREHOUSE_CODE = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public static final int HANDLE_MAX = 100;
    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 10_000;
    public static final int SKU_MAX = 64;
    public static final int CATEGORY_MAX = 60;
    public static final int CATEGORIES_MAX = 20;
    public static final int OPTIONS_MAX = 5;
    public static final int OPTION_TEXT_MAX = 60;
    public static final int VARIANTS_MAX = 100;
    public static final int PRICES_MAX = 20;
    public static final int WAREHOUSE_CODE_MAX = 32;
    /** 1,000 kg: heavier is freight, not a parcel. */
    public static final long WEIGHT_MAX_G = 1_000_000;
    /** 10 m per side. */
    public static final long DIMENSION_MAX_MM = 10_000;
    /** No price above 10^12 minor units (10 billion in a 2-digit currency): a typo, not a product. */
    public static final long PRICE_MAX_MINOR = 1_000_000_000_000L;
    /** No stock level above a billion units. */
    public static final long STOCK_MAX = 1_000_000_000L;

    public static final int HANDLING_DAYS_MAX = 60;

    private CatalogRules() {}

    /** Null if {@code code} is an ISO 4217 currency with minor units; otherwise why not. */
    public static String currencyProblem(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return "must be an ISO 4217 code: three upper-case letters such as EUR";
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                return "must be a currency money is paid in (" + code + " has no minor unit)";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "is not an ISO 4217 currency";
        }
    }

    /** Null if {@code code} is an assigned ISO 3166-1 alpha-2 code; otherwise why not. */
    public static String countryProblem(String code) {
        try {
            CountryCode.of(code);
            return null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return "must be an assigned ISO 3166-1 alpha-2 country code such as DE";
        }
    }

    /** Null if {@code code} is a valid HS code (6 to 10 digits); otherwise why not. */
    public static String hsCodeProblem(String code) {
        try {
            HsCode.of(code);
            return null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return "must be an HS code of 6 to 10 digits, no dots or spaces (e.g. 691200)";
        }
    }
}
