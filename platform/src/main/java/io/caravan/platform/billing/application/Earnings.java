package io.caravan.platform.billing.application;

import io.caravan.platform.identity.domain.CaravanUser;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A developer's earnings: gross charges of their listings, the platform's fee, net, per listing and currency. */
@ApplicationScoped
public class Earnings {
    @Inject
    StoreScopedPersistence persistence;

    @Inject
    @ConfigProperty(name = "caravan.marketplace.platform-share", defaultValue = "0.20")
    BigDecimal platformShare;

    /** One listing's totals in one currency (minor units). */
    public record Line(
            String slug, String currency, long charges, long grossMinor, long platformFeeMinor, long netMinor) {}

    public record Report(BigDecimal platformShare, List<Line> lines) {}

    @Transactional
    public Report of(CaravanUser developer) {
        List<Object[]> rows = persistence
                .platform()
                .createQuery(
                        "select l.pluginId, e.currency, count(e), sum(e.grossMinor),"
                                + " sum(e.platformFeeMinor), sum(e.netMinor) from DeveloperEarning e, Listing l"
                                + " where l.id = e.listingId and e.developerId = :dev group by l.pluginId, e.currency"
                                + " order by l.pluginId, e.currency",
                        Object[].class)
                .setParameter("dev", developer.userId())
                .getResultList();
        return new Report(
                platformShare,
                rows.stream()
                        .map(r -> new Line(
                                (String) r[0],
                                (String) r[1],
                                ((Number) r[2]).longValue(),
                                ((Number) r[3]).longValue(),
                                ((Number) r[4]).longValue(),
                                ((Number) r[5]).longValue()))
                        .toList());
    }
}
