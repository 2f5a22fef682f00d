package io.caravan.platform.marketplace.application;

import io.caravan.platform.host.application.BundleDryRun;
import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.identity.domain.CaravanUser;
import io.caravan.platform.marketplace.domain.Listing;
import io.caravan.platform.marketplace.domain.ListingDetails;
import io.caravan.platform.marketplace.domain.ListingRepository;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.PluginReleaseRepository;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.validation.application.BundleValidator;
import io.caravan.platform.validation.application.ValidationContext;
import io.caravan.platform.validation.application.ValidationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The developer's side of the marketplace: listings they own, versions they upload (checked at
 * once, the report kept with the version), and submitting a version for review. A developer sees
 * and changes only their own listings; another's answers 404, as if it did not exist.
 */
@ApplicationScoped
public class Listings {
    private static final Logger LOG = Logger.getLogger(Listings.class.getName());

    @Inject
    ListingRepository listings;

    @Inject
    PluginReleaseRepository releases;

    @Inject
    ArtifactStore artifacts;

    @Inject
    PluginHost host;

    @Inject
    BundleDryRun dryRun;

    @Inject
    ListingTransactions transactions;

    @Inject
    Clock clock;

    @Inject
    PluginDataLifecycle data;

    @Inject
    UploadLimits limits;

    private final BundleValidator validator = new BundleValidator();

    /** An upload's outcome: the version row (absent when the bytes could not be tied to a version) and its report. */
    public record Upload(Optional<PluginRelease> release, ValidationReport report, String reportJson) {}

    @Transactional
    public Listing create(CaravanUser developer, String pluginId, ListingDetails details) {
        if (pluginId == null || !pluginId.matches("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*") || pluginId.length() > 64) {
            throw new InvalidInputException(
                    "slug must be lower-case words of letters and digits separated by '-' or '.',"
                            + " at most 64 characters; it is the plugin id your descriptor carries");
        }
        // an id taken only by development builds (the author's own, from the dev folder) may be listed
        if (listings.findByPluginId(pluginId).isPresent()
                || releases.list(pluginId).stream()
                        .anyMatch(
                                r -> r.origin() != io.caravan.platform.marketplace.domain.ReleaseOrigin.DEVELOPMENT)) {
            throw new StateConflictException("a listing or plugin with the id '" + pluginId + "' already exists");
        }
        Listing listing = new Listing(pluginId, developer.userId(), developer.username(), details, clock.instant());
        listings.add(listing);
        data.listed(pluginId);
        return listing;
    }

    @Transactional
    public Listing update(CaravanUser developer, String pluginId, ListingDetails details) {
        Listing listing = owned(developer, pluginId);
        listing.apply(details, clock.instant());
        return listing;
    }

    @Transactional
    public List<Listing> mine(CaravanUser developer) {
        return listings.listByDeveloper(developer.userId());
    }

    @Transactional
    public Listing get(CaravanUser developer, String pluginId) {
        return owned(developer, pluginId);
    }

    @Transactional
    public List<PluginRelease> versions(CaravanUser developer, String pluginId) {
        owned(developer, pluginId);
        return releases.list(pluginId);
    }

    @Transactional
    public PluginRelease version(CaravanUser developer, String pluginId, String version) {
        owned(developer, pluginId);
        return releases.find(pluginId, version)
                .orElseThrow(() -> new NotFoundException("No version " + version + " of " + pluginId + "."));
    }

    /**
     * Checks the bundle (archive, manifest, descriptor, bytecode, a dry run in a scratch framework)
     * outside any transaction, then records the version: passed, or rejected with the report. The
     * developer's quotas are cleared first and the symbolic name after the checks, both before any
     * byte is stored ({@link UploadLimits}).
     *
     * @throws UploadQuotaExceededException over the developer's upload rate or stored bytes
     * @throws SymbolicNameTakenException if the bundle's symbolic name is another plugin's
     */
    public Upload upload(CaravanUser developer, String pluginId, byte[] bundle) {
        Listing listing = transactions.owned(developer, pluginId);
        limits.admit(developer, pluginId, bundle.length);
        ValidationContext context = ValidationContext.of(listing.symbolicName(), host.sdkVersion(), dryRun)
                .withExpectedPluginId(pluginId)
                .withPublishedVersions(version -> transactions.publishedSha(pluginId, version));
        ValidationReport report = validator.validate(bundle, context);
        if (report.identity() != null && report.identity().symbolicName() != null) {
            limits.claimSymbolicName(pluginId, report.identity().symbolicName());
        }
        String json = ReportJson.of(report);
        // Only bytes that passed every check reach the artifact store: a rejected upload keeps its
        // report, never its bytes, so garbage cannot fill the disk (the report names its SHA-256).
        if (report.passed()) {
            try {
                artifacts.put(bundle);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store the bundle", e);
            }
        }
        Optional<PluginRelease> release = transactions.record(listing.id(), pluginId, bundle.length, report, json);
        LOG.info(() -> "Upload to " + pluginId + " by " + developer.username() + ": " + report.summary());
        return new Upload(release, report, json);
    }

    @Transactional
    public PluginRelease submit(CaravanUser developer, String pluginId, String version) {
        owned(developer, pluginId);
        PluginRelease release = releases.find(pluginId, version)
                .orElseThrow(() -> new NotFoundException("No version " + version + " of " + pluginId + "."));
        release.submit();
        return release;
    }

    private Listing owned(CaravanUser developer, String pluginId) {
        return listings.findByPluginId(pluginId)
                .filter(l -> l.isOwnedBy(developer.userId()))
                .orElseThrow(() -> new NotFoundException("You have no listing '" + pluginId + "'."));
    }
}
