package io.caravan.platform.marketplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.marketplace.domain.Listing;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.shared.domain.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merchants' catalog: only listings with an approved version, the newest one; filters passed on cleaned. */
class CatalogTest {
    final InMemoryMarketplace market = new InMemoryMarketplace();
    final Catalog catalog = new Catalog();
    final List<String> searches = new ArrayList<>();

    CatalogTest() {
        ReleaseRegistry registry = new ReleaseRegistry();
        registry.releases = market.releases;
        catalog.releases = registry;
        catalog.listings = new InMemoryMarketplace.Listings() {
            @Override
            public List<Listing> search(
                    String text,
                    String kind,
                    String country,
                    Long maxPriceMinor,
                    Integer minRatingTenths,
                    int offset,
                    int limit) {
                searches.add(text + "|" + kind + "|" + country + "|" + maxPriceMinor + "|" + minRatingTenths + "|"
                        + offset + "|" + limit);
                return market.listings.search(text, kind, country, maxPriceMinor, minRatingTenths, offset, limit);
            }

            @Override
            public java.util.Optional<Listing> findByPluginId(String pluginId) {
                return market.listings.findByPluginId(pluginId);
            }
        };
    }

    @Test
    void onlyListingsWithAnApprovedVersionAppearWithTheNewest() {
        Listing echo = listing("echo-tax");
        listing("draft-tax");
        release("echo-tax", "1.0.0", true);
        PluginRelease newest = release("echo-tax", "1.2.0", true);
        release("echo-tax", "2.0.0", false);
        release("draft-tax", "1.0.0", false);

        List<Catalog.Entry> entries = catalog.search(null, null, null, null, null, 0, 20);

        assertThat(entries).containsExactly(new Catalog.Entry(echo, newest));
        assertThat(catalog.get("echo-tax")).isEqualTo(new Catalog.Entry(echo, newest));
        assertThatThrownBy(() -> catalog.get("draft-tax"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No plugin 'draft-tax' in the catalog.");
        assertThatThrownBy(() -> catalog.get("nothing")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSuspendedListingIsNotInTheCatalog() {
        listing("echo-tax").suspend("malware", InMemoryMarketplace.NOW);
        release("echo-tax", "1.0.0", true);

        assertThatThrownBy(() -> catalog.get("echo-tax")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void filtersArePassedStrippedWithBlanksAsNoneAndThePageAsAnOffset() {
        catalog.search(" vat ", " ", "DE", 500L, "4.5", 2, 10);
        catalog.search("", "TAX", null, null, null, 0, 1);

        assertThat(searches).containsExactly("vat|null|DE|500|45|20|10", "null|TAX|null|null|null|0|1");
    }

    @Test
    void pagesAndQueriesAreBounded() {
        assertThat(catalog.search(null, null, null, null, null, 0, 100)).isEmpty();
        assertThat(catalog.search("q".repeat(100), null, null, null, null, 0, 1))
                .isEmpty();
        assertThatThrownBy(() -> catalog.search(null, null, null, null, null, -1, 10))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("page must be 0 or more and size 1 to 100");
        assertThatThrownBy(() -> catalog.search(null, null, null, null, null, 0, 0))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> catalog.search(null, null, null, null, null, 0, 101))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> catalog.search("q".repeat(101), null, null, null, null, 0, 10))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("q must be at most 100 characters");
    }

    private Listing listing(String pluginId) {
        Listing listing = market.freeListing(pluginId);
        return listing;
    }

    private PluginRelease release(String pluginId, String version, boolean approved) {
        PluginRelease release = PluginRelease.uploaded(
                "l-1", pluginId, version, "io.echo", "sha-" + version, 1, "{}", true, "{}", InMemoryMarketplace.NOW);
        release.submit();
        if (approved) {
            release.approve("ada", InMemoryMarketplace.NOW);
        }
        market.releases.add(release);
        return release;
    }
}
