package io.caravan.platform.marketplace.domain;

import java.time.Instant;

/**
 * A store installed a listed plugin. Fired inside the installing transaction, so what observers
 * record (billing's charge for a one-time price or a subscription's first month) commits with the
 * installation or not at all. The marketplace knows nothing of who listens.
 *
 * @param storeId      the store (its id)
 * @param listing      the plugin's listing, with its pricing
 * @param installation the new installation
 * @param at           when
 */
public record PluginInstalled(String storeId, Listing listing, Installation installation, Instant at) {}
