package io.caravan.sdk.affiliate;

import io.caravan.sdk.internal.Checks;
import java.time.Instant;

/**
 * One contact between the shopper and a referral before the order.
 *
 * @param referralCode the code from the link or typed at checkout; at most 64 characters
 * @param type         link or code
 * @param at           when it happened
 * @param channel      where the link was posted, when the link says ({@code "tiktok"},
 *                     {@code "instagram"}), or null; at most 64 characters
 */
public record Touchpoint(String referralCode, TouchpointType type, Instant at, String channel) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Touchpoint {
        Checks.text(referralCode, "Touchpoint.referralCode", 64);
        Checks.required(type, "Touchpoint.type");
        Checks.required(at, "Touchpoint.at");
        Checks.optionalText(channel, "Touchpoint.channel", 64);
    }
}
