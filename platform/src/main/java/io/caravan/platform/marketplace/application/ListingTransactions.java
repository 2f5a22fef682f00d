package io.caravan.platform.marketplace.application;

import io.caravan.platform.identity.domain.CaravanUser;
import io.caravan.platform.marketplace.domain.Listing;
import io.caravan.platform.marketplace.domain.ListingRepository;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.PluginReleaseRepository;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.validation.application.ValidationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** The short transactions around an upload (the checks themselves run outside any). */
@ApplicationScoped
public class ListingTransactions {
    @Inject
    ListingRepository listings;

    @Inject
    PluginReleaseRepository releases;

    @Inject
    Clock clock;

    @Transactional
    public Listing owned(CaravanUser developer, String pluginId) {
        return listings.findByPluginId(pluginId)
                .filter(l -> l.isOwnedBy(developer.userId()))
                .orElseThrow(() -> new NotFoundException("You have no listing '" + pluginId + "'."));
    }

    /** The bytes a version number is bound to for good: those of a version that was approved at some point. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> publishedSha(String pluginId, String version) {
        return releases.find(pluginId, version)
                .filter(r -> !r.replaceableByUpload())
                .map(PluginRelease::sha256);
    }

    /**
     * Records the upload as a version of the listing: passed, or rejected with its report. An upload
     * of a version that was never approved replaces it (fixed bytes may reuse the number). Nothing is
     * recorded when the bytes name no readable version, or a version that was approved at some point
     * (its number is bound to its bytes for good; the report says so).
     */
    @Transactional
    public Optional<PluginRelease> record(
            String listingId, String pluginId, long size, ValidationReport report, String reportJson) {
        if (report.identity() == null || report.identity().version() == null) {
            return Optional.empty();
        }
        Optional<PluginRelease> existing =
                releases.find(pluginId, report.identity().version());
        if (existing.isPresent() && !existing.get().replaceableByUpload()) {
            return Optional.empty();
        }
        Listing listing = listings.findByPluginId(pluginId).orElseThrow();
        boolean passed = report.passed();
        if (passed) {
            listing.bindSymbolicName(report.identity().symbolicName());
        }
        if (existing.isPresent()) {
            existing.get()
                    .replaceUpload(
                            report.identity().symbolicName(),
                            report.sha256(),
                            size,
                            report.descriptorJson() == null ? "{}" : report.descriptorJson(),
                            passed,
                            reportJson,
                            clock.instant());
            return existing;
        }
        PluginRelease release = PluginRelease.uploaded(
                listingId,
                pluginId,
                report.identity().version(),
                report.identity().symbolicName(),
                report.sha256(),
                size,
                report.descriptorJson() == null ? "{}" : report.descriptorJson(),
                passed,
                reportJson,
                clock.instant());
        releases.add(release);
        return Optional.of(release);
    }
}
