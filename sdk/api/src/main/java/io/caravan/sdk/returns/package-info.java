/**
 * Returns plugins: whether lines of an order may be returned, the store's policy decision on a
 * return case (RMA number, resolution per line, restocking fees, who pays the way back, where the
 * goods go), and the refund the returned goods earn.
 *
 * <p><b>Plugins propose, the platform disposes.</b> The return case is the platform's: its state
 * ({@link io.caravan.sdk.returns.ReturnCaseStatus}), its due dates
 * ({@link io.caravan.sdk.returns.StepDeadline}, timed and flagged by the platform), the return
 * shipment (booked by the platform through the carrier plugin), and the refund (capped at what was
 * paid minus what was refunded, per line and for shipping, and paid through the payment plugin).
 *
 * <p>A merchant's return policy may be more generous than the law of the shopper's country, never
 * less: the platform computes the legal floor itself ({@link io.caravan.sdk.returns.ReturnRequest#statutory()})
 * and every answer names the rule (legal minimum or store policy) that decided it.
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.returns;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
