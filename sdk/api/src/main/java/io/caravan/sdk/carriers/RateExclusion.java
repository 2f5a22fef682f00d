package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;

/**
 * Why a consignment, or one service for it, got no quote: the checkout explains it instead of
 * showing nothing.
 *
 * @param consignmentId the consignment, one of the request's
 * @param serviceCode   the service excluded, or null when no service of the plugin can ship it; at most 64 characters
 * @param reason        why
 * @param message       the reason in words for the merchant or shopper, in the context's locale
 *                      ({@code "Express by air does not carry lithium batteries"}); at most 300 characters
 */
public record RateExclusion(String consignmentId, String serviceCode, ExclusionReason reason, String message) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public RateExclusion {
        Checks.text(consignmentId, "RateExclusion.consignmentId", 64);
        Checks.optionalText(serviceCode, "RateExclusion.serviceCode", 64);
        Checks.required(reason, "RateExclusion.reason");
        Checks.text(message, "RateExclusion.message", 300);
    }
}
