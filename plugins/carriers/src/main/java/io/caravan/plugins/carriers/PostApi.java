package io.caravan.plugins.carriers;

import io.caravan.plugins.support.Json;
import io.caravan.plugins.support.ProviderClient;
import io.caravan.sdk.carriers.CustomsDeclaration;
import io.caravan.sdk.carriers.CustomsItem;
import io.caravan.sdk.carriers.DeliveryFailureReason;
import io.caravan.sdk.carriers.DocumentKind;
import io.caravan.sdk.carriers.Shipment;
import io.caravan.sdk.carriers.ShipmentPurpose;
import io.caravan.sdk.carriers.ShipmentRequest;
import io.caravan.sdk.carriers.ShippingDocument;
import io.caravan.sdk.carriers.TrackingEvent;
import io.caravan.sdk.carriers.TrackingEventType;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Parcel;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginRejectedException;
import io.caravan.sdk.plugin.PluginUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox carrier's API ({@code README.md}, "The sandbox carrier") in SDK terms: a
 * {@link ShipmentRequest} as a booking body, a booking as a {@link Shipment}, a tracking event as a
 * {@link TrackingEvent}, and what each answer means for the platform — a refusal (nothing was
 * booked: the merchant may book elsewhere) or an unknown outcome (asked again with the same key).
 */
final class PostApi {
    private PostApi() {}

    /** Books a sale or a return; the request's idempotency key is the carrier's. */
    static Shipment book(PluginContext context, ShipmentRequest request, ShipmentPurpose purpose) {
        if (request.purpose() != purpose) {
            throw new PluginRejectedException(
                    "wrong_purpose", "this point books " + purpose + " shipments, not " + request.purpose());
        }
        PostSettings settings = PostSettings.require(context.configuration());
        ProviderClient.Answer answer;
        try {
            answer = settings.client(context).post("/v1/shipments", request.idempotencyKey(), body(request, settings));
        } catch (ProviderClient.NotSent e) {
            throw new PluginUnavailableException(e.getMessage(), (Duration) null, e);
        } catch (IOException e) {
            // sent, no answer: the carrier may have booked; the platform asks again with the same key
            throw new PluginUnavailableException("no answer from the carrier: " + e.getMessage(), (Duration) null, e);
        }
        int status = answer.status();
        if (status == 200 || status == 201) {
            return shipment(answer.body(), request);
        }
        if (status == 400 || status == 422) {
            throw new PluginRejectedException(
                    answer.errorCode() == null ? "refused" : answer.errorCode(), cut(answer.errorMessage()));
        }
        if (status == 401 || status == 403) {
            throw new PluginRejectedException(
                    "carrier_credentials_refused", "the carrier refused the account's API key; nothing was booked");
        }
        // 409 (the key names another booking), 5xx, anything else: not known whether it booked
        throw new PluginUnavailableException(
                "the carrier answered HTTP " + status + ": " + cut(answer.errorMessage()), (Duration) null, null);
    }

    static Map<String, Object> body(ShipmentRequest r, PostSettings settings) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("service", settings.product(r.serviceCode()));
        b.put("reference", r.shipmentId());
        b.put("order", r.orderId());
        b.put("purpose", r.purpose() == ShipmentPurpose.SALE ? "sale" : "return");
        if (r.purpose() == ShipmentPurpose.RETURN) {
            b.put("original_tracking_number", r.originalShipment().trackingNumber());
            b.put("rma", r.rmaNumber());
        }
        b.put(
                "sender",
                address(
                        r.from(),
                        r.purpose() == ShipmentPurpose.SALE ? r.warehouse().warehouseId() : null));
        Map<String, Object> recipient = address(
                r.to(), r.purpose() == ShipmentPurpose.RETURN ? r.warehouse().warehouseId() : null);
        if (r.recipientPhone() != null) {
            recipient.put("phone", r.recipientPhone());
        }
        b.put("recipient", recipient);
        List<Object> parcels = new ArrayList<>();
        for (Parcel p : r.parcels()) {
            Map<String, Object> parcel = new LinkedHashMap<>();
            parcel.put("weight_grams", Math.max(1, p.weightGrams()));
            if (p.dimensions() != null) {
                parcel.put("length_mm", p.dimensions().lengthMm());
                parcel.put("width_mm", p.dimensions().widthMm());
                parcel.put("height_mm", p.dimensions().heightMm());
            }
            parcels.add(parcel);
        }
        b.put("parcels", parcels);
        if (r.codAmount() != null) {
            b.put("cod", money(r.codAmount()));
        }
        if (r.customs() != null) {
            b.put("customs", customs(r.customs()));
        }
        b.put("label_format", r.labelFormat().name());
        return b;
    }

    private static Map<String, Object> address(Address a, String warehouseName) {
        Map<String, Object> out = new LinkedHashMap<>();
        String name = a.recipient() != null ? a.recipient() : warehouseName;
        out.put("name", name == null || name.isBlank() ? "Recipient" : name);
        out.put("line1", a.lines().isEmpty() ? a.city() : String.join(", ", a.lines()));
        out.put("city", a.city());
        if (a.postalCode() != null) {
            out.put("postal_code", a.postalCode());
        }
        out.put("country", a.country().code());
        return out;
    }

    private static Map<String, Object> customs(CustomsDeclaration c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("content_type", c.contentType().name());
        out.put("incoterm", c.dutyTreatment().name());
        out.put("currency", c.currency().getCurrencyCode());
        out.put("postage", c.postage().minorUnits());
        List<Object> items = new ArrayList<>();
        for (CustomsItem item : c.items()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("description", item.description());
            if (item.hsCode() != null) {
                i.put("hs_code", item.hsCode().code());
            }
            i.put("origin", item.origin().code());
            i.put("quantity", item.quantity());
            i.put("weight_grams", item.weightGrams());
            i.put("value", item.value().minorUnits());
            items.add(i);
        }
        out.put("items", items);
        if (c.iossNumber() != null) {
            out.put("ioss", c.iossNumber());
        }
        if (c.senderEori() != null) {
            out.put("eori", c.senderEori());
        }
        if (c.senderVatNumber() != null) {
            out.put("vat", c.senderVatNumber());
        }
        return out;
    }

    /** A booking answer as the SDK's shipment; an answer that does not fit is the carrier's fault. */
    static Shipment shipment(Map<String, Object> body, ShipmentRequest request) {
        String reference = Json.text(body, "id");
        String tracking = Json.text(body, "tracking_number");
        List<String> parcels = new ArrayList<>();
        if (body.get("parcel_tracking_numbers") instanceof List<?> list) {
            for (Object o : list) {
                parcels.add(String.valueOf(o));
            }
        }
        List<ShippingDocument> documents = new ArrayList<>();
        if (body.get("documents") instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> d = Json.object(o, "document");
                DocumentKind kind = DocumentKind.valueOf(Json.text(d, "kind"));
                Long index = Json.whole(d, "parcel_index");
                documents.add(new ShippingDocument(
                        kind,
                        index == null ? null : Math.toIntExact(index),
                        Json.text(d, "content_type"),
                        Base64.getDecoder().decode(Json.text(d, "data")),
                        null));
            }
        }
        Money charge = null;
        if (body.get("charge") instanceof Map<?, ?>) {
            charge = moneyOf(Json.object(body.get("charge"), "charge"));
        }
        String url = Json.text(body, "tracking_url");
        return new Shipment(
                PostSettings.CARRIER_CODE,
                reference,
                request.serviceCode(),
                tracking,
                url == null ? null : URI.create(url),
                parcels,
                documents,
                charge);
    }

    /** One event of the carrier's feed, or empty when it is of a kind the SDK has no name for. */
    static Optional<TrackingEvent> event(Map<String, Object> e) {
        TrackingEventType type;
        try {
            type = TrackingEventType.valueOf(Json.text(e, "type"));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return Optional.empty();
        }
        String reason = Json.text(e, "failure_reason");
        String country = Json.text(e, "country");
        Money collected = e.get("cod_collected") instanceof Map<?, ?>
                ? moneyOf(Json.object(e.get("cod_collected"), "cod_collected"))
                : null;
        return Optional.of(new TrackingEvent(
                Json.text(e, "id"),
                Instant.parse(Json.text(e, "occurred_at")),
                date(Json.text(e, "local_date")),
                type,
                cut(Json.text(e, "description")),
                country == null ? null : CountryCode.of(country),
                Json.text(e, "location"),
                reason == null ? null : failure(reason),
                type == TrackingEventType.DELIVERED ? collected : null));
    }

    static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static DeliveryFailureReason failure(String reason) {
        try {
            return DeliveryFailureReason.valueOf(reason);
        } catch (IllegalArgumentException other) {
            return DeliveryFailureReason.OTHER;
        }
    }

    private static Map<String, Object> money(Money m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("amount", m.minorUnits());
        out.put("currency", m.currency().getCurrencyCode());
        return out;
    }

    private static Money moneyOf(Map<String, Object> m) {
        Long amount = Json.whole(m, "amount");
        String currency = Json.text(m, "currency");
        if (amount == null || currency == null) {
            throw new IllegalArgumentException("the carrier's amount is not {amount, currency}: " + m);
        }
        return Money.ofMinor(amount, currency);
    }

    static String cut(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }
}
