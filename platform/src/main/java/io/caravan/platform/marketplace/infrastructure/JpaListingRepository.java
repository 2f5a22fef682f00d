package io.caravan.platform.marketplace.infrastructure;

import io.caravan.platform.marketplace.domain.Listing;
import io.caravan.platform.marketplace.domain.ListingRepository;
import io.caravan.platform.marketplace.domain.ListingStatus;
import io.caravan.platform.marketplace.domain.PricingModel;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class JpaListingRepository implements ListingRepository {
    @Inject
    StoreScopedPersistence persistence;

    @Override
    public Optional<Listing> findByPluginId(String pluginId) {
        return persistence
                .platform()
                .createQuery("select l from Listing l where l.pluginId = :id", Listing.class)
                .setParameter("id", pluginId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Listing> listByDeveloper(String developerId) {
        return persistence
                .platform()
                .createQuery("select l from Listing l where l.developerId = :dev order by l.pluginId", Listing.class)
                .setParameter("dev", developerId)
                .getResultList();
    }

    @Override
    public List<Listing> search(
            String text,
            String kind,
            String country,
            Long maxPriceMinor,
            Integer minRatingTenths,
            int offset,
            int limit) {
        StringBuilder jpql = new StringBuilder("select l from Listing l where l.status = :active");
        if (text != null) {
            jpql.append(" and (lower(l.name) like :text or lower(l.summary) like :text or l.pluginId like :text)");
        }
        if (kind != null) {
            jpql.append(" and concat(' ', l.kinds, ' ') like :kind");
        }
        if (country != null) {
            jpql.append(" and (l.countries = '*' or concat(' ', l.countries, ' ') like :country)");
        }
        if (maxPriceMinor != null) {
            jpql.append(" and (l.pricingModel = :free or l.priceMinor <= :maxPrice)");
        }
        if (minRatingTenths != null) {
            // the shown average rounds half up to one decimal: it reaches m/10 exactly when
            // 20·sum ≥ (2m − 1)·count (Rating.meetsRounded), whole numbers only
            jpql.append(" and l.ratingCount > 0 and 20 * l.ratingSum >= :minRatingFactor * l.ratingCount");
        }
        jpql.append(" order by l.name, l.pluginId");
        TypedQuery<Listing> query = persistence
                .platform()
                .createQuery(jpql.toString(), Listing.class)
                .setParameter("active", ListingStatus.ACTIVE);
        if (text != null) {
            query.setParameter("text", "%" + escape(text.toLowerCase(Locale.ROOT)) + "%");
        }
        if (kind != null) {
            query.setParameter("kind", "% " + kind + " %");
        }
        if (country != null) {
            query.setParameter("country", "% " + country + " %");
        }
        if (maxPriceMinor != null) {
            query.setParameter("free", PricingModel.FREE).setParameter("maxPrice", maxPriceMinor);
        }
        if (minRatingTenths != null) {
            query.setParameter("minRatingFactor", 2L * minRatingTenths - 1);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    private static String escape(String text) {
        return text.replace("%", "").replace("_", "");
    }

    @Override
    public void add(Listing listing) {
        persistence.platform().persist(listing);
    }
}
