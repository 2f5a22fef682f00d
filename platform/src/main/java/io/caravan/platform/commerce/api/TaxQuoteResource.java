package io.caravan.platform.commerce.api;

import io.caravan.platform.commerce.application.TaxQuoting;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.application.StoreAdministration;
import io.caravan.platform.tenancy.domain.ApiKeyScope;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreRole;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.AppliedDiscount;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.model.Fee;
import io.caravan.sdk.model.FeeKind;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.money.Money;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The storefront's tax quote: the store's tax plugin, run through the invoker. */
@Path("/stores/{store}/tax/quote")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Checkout")
public class TaxQuoteResource {
    @Inject
    TaxQuoting quoting;

    @Inject
    StoreAdministration administration;

    @Inject
    RequestCaller caller;

    @Inject
    Clock clock;

    @PathParam("store")
    String store;

    @POST
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF, apiKeyScope = ApiKeyScope.TAX_QUOTE)
    @Operation(
            summary = "Taxes and duties for a cart, from the store's tax plugin",
            description =
                    "Store API key with tax:quote, or a member's token. Amounts in minor units. The store's answering"
                            + " rules choose the tax plugin by the cart's destination; the quote names the installation,"
                            + " plugin and version. 409 when no tax plugin of the store answers that destination (the"
                            + " detail says why), 422 when the plugin refuses the cart, 503 when it fails (fail-closed).")
    public TaxQuoteView quote(TaxQuoteRequest request) {
        Store current = administration.store(caller.store());
        Cart cart = cart(request, current);
        return TaxQuoteView.of(
                quoting.quote(caller.store(), cart, Locale.ROOT),
                cart.currency().getCurrencyCode());
    }

    private Cart cart(TaxQuoteRequest r, Store current) {
        try {
            String currencyCode =
                    r.currency() == null ? current.settings().defaultCurrency().getCurrencyCode() : r.currency();
            Currency currency = currency(currencyCode);
            PriceDisplay prices = r.prices() == null
                    ? PriceDisplay.valueOf(current.settings().priceDisplay().name())
                    : constant(PriceDisplay.class, r.prices(), "prices");
            LocalDate orderDate;
            try {
                orderDate = r.orderDate() == null
                        ? LocalDate.now(clock.withZone(ZoneOffset.UTC))
                        : LocalDate.parse(r.orderDate());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("orderDate must be a date like 2026-11-23");
            }
            List<LineItem> lines = new ArrayList<>();
            Money discounted = Money.zero(currency);
            for (int i = 0; i < r.lines().size(); i++) {
                TaxQuoteRequest.Line l = r.lines().get(i);
                CountryCode origin = country(l.origin());
                LineItem line = LineItem.builder()
                        .lineId(l.lineId() == null ? String.valueOf(i + 1) : l.lineId())
                        .productId(l.productId())
                        .variantId(l.variantId())
                        .sku(l.sku())
                        .title(l.title())
                        .quantity(l.quantity())
                        .unitPrice(new Money(l.unitPrice(), currency))
                        .discount(new Money(l.discount() == null ? 0 : l.discount(), currency))
                        .weightGrams(l.weightGrams() == null ? 0 : l.weightGrams())
                        .hsCode(l.hsCode() == null ? null : HsCode.of(l.hsCode()))
                        .origin(origin)
                        .shipFrom(l.shipFrom() == null ? origin : country(l.shipFrom()))
                        .taxCategory(
                                l.taxCategory() == null
                                        ? TaxCategory.STANDARD
                                        : constant(TaxCategory.class, l.taxCategory(), "lines[" + i + "].taxCategory"))
                        .build();
                lines.add(line);
                discounted = discounted.plus(line.discount());
            }
            List<Fee> fees = new ArrayList<>();
            List<TaxQuoteRequest.FeeLine> feeLines = r.fees() == null ? List.of() : r.fees();
            for (int i = 0; i < feeLines.size(); i++) {
                TaxQuoteRequest.FeeLine f = feeLines.get(i);
                Fee fee = new Fee(
                        f.feeId(),
                        f.kind() == null ? FeeKind.OTHER : constant(FeeKind.class, f.kind(), "fees[" + i + "].kind"),
                        f.description() == null ? f.feeId() : f.description(),
                        new Money(f.amount(), currency),
                        new Money(f.discount() == null ? 0 : f.discount(), currency),
                        f.taxCategory() == null
                                ? TaxCategory.STANDARD
                                : constant(TaxCategory.class, f.taxCategory(), "fees[" + i + "].taxCategory"));
                fees.add(fee);
                discounted = discounted.plus(fee.discount());
            }
            Money shippingDiscount = new Money(r.shippingDiscount() == null ? 0 : r.shippingDiscount(), currency);
            discounted = discounted.plus(shippingDiscount);
            TaxQuoteRequest.Destination to = r.shipTo();
            Address shipTo =
                    new Address(CountryCode.of(to.country()), to.region(), to.postalCode(), to.city(), List.of(), null);
            TaxQuoteRequest.CustomerRef c = r.customer();
            Customer customer = c == null
                    ? new Customer("anonymous", null, null, null)
                    : new Customer(c.id() == null ? "anonymous" : c.id(), c.email(), country(c.country()), c.tier());
            // The request gives discounts as allocated; the cart also records them as granted, here as one.
            List<AppliedDiscount> discounts = discounted.minorUnits() == 0
                    ? List.of()
                    : List.of(new AppliedDiscount(null, "Discounts of the quote request", "request", discounted));
            return new Cart(
                    currency,
                    prices,
                    lines,
                    new Money(r.shipping() == null ? 0 : r.shipping(), currency),
                    shippingDiscount,
                    fees,
                    discounts,
                    shipTo,
                    customer,
                    orderDate);
        } catch (IllegalArgumentException e) {
            // the SDK's value types validate themselves and name the field; say it in request terms
            throw new InvalidInputException(String.valueOf(e.getMessage())
                    .replace("Address.", "shipTo.")
                    .replace("LineItem.", "lines[].")
                    .replace("Goods.", "lines[].")
                    .replace("Fee.", "fees[].")
                    .replace("Customer.", "customer.")
                    .replace("Cart.", ""));
        }
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency must be an ISO 4217 code such as EUR, not '" + code + "'");
        }
    }

    private static CountryCode country(String code) {
        return code == null ? null : CountryCode.of(code);
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            List<String> known = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                known.add(constant.name());
            }
            throw new InvalidInputException(field + " must be one of " + known + ", not '" + value + "'");
        }
    }
}
