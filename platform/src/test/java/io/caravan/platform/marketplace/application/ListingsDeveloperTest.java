package io.caravan.platform.marketplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.identity.domain.CaravanUser;
import io.caravan.platform.marketplace.domain.Listing;
import io.caravan.platform.marketplace.domain.ListingDetails;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.Pricing;
import io.caravan.platform.marketplace.domain.ReleaseOrigin;
import io.caravan.platform.marketplace.domain.ReleaseStatus;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.StateConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A developer's own listings: creating (the id is the plugin id), changing, reading, submitting; another's is a 404. */
class ListingsDeveloperTest {
    static final CaravanUser DEV = new CaravanUser("dev-1", "dev", "dev@x.test", Set.of(), Set.of());
    static final CaravanUser EVE = new CaravanUser("dev-2", "eve", "eve@x.test", Set.of(), Set.of());

    final InMemoryMarketplace market = new InMemoryMarketplace();
    final Listings listings = new Listings();
    final List<String> listed = new ArrayList<>();

    ListingsDeveloperTest() {
        listings.listings = market.listings;
        listings.releases = market.releases;
        listings.clock = market.clock;
        listings.data = new PluginDataLifecycle() {
            @Override
            public void listed(String pluginId) {
                listed.add(pluginId);
            }
        };
    }

    @Test
    void aCreatedListingBelongsToTheDeveloperAndGetsItsCounter() {
        Listing listing = listings.create(DEV, "echo-tax", details("Echo"));

        assertThat(listing.pluginId()).isEqualTo("echo-tax");
        assertThat(listing.developerId()).isEqualTo("dev-1");
        assertThat(listing.developerName()).isEqualTo("dev");
        assertThat(listing.createdAt()).isEqualTo(InMemoryMarketplace.NOW);
        assertThat(market.listings.all).containsExactly(listing);
        assertThat(listed).containsExactly("echo-tax");
        assertThat(listings.mine(DEV)).containsExactly(listing);
        assertThat(listings.mine(EVE)).isEmpty();
    }

    @Test
    void theIdMustBeAPluginIdNotTaken() {
        for (String bad : new String[] {null, "Echo", "echo_tax", "1echo", "e".repeat(65)}) {
            assertThatThrownBy(() -> listings.create(DEV, bad, details("Echo")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("slug must be lower-case words");
        }
        assertThat(listings.create(DEV, "e".repeat(64), details("Echo")).pluginId())
                .hasSize(64);
        listings.create(DEV, "echo-tax", details("Echo"));
        assertThatThrownBy(() -> listings.create(EVE, "echo-tax", details("Echo")))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("a listing or plugin with the id 'echo-tax' already exists");
    }

    @Test
    void anIdOfAFirstPartyPluginIsTakenButOneOfDevelopmentBuildsIsNot() {
        market.releases.add(new PluginRelease(
                "caravan-tax", "1.0.0", "io.tax", "s", 1, "{}", ReleaseOrigin.FIRST_PARTY, InMemoryMarketplace.NOW));
        market.releases.add(new PluginRelease(
                "my-tax", "0.1.0", "io.mine", "s", 1, "{}", ReleaseOrigin.DEVELOPMENT, InMemoryMarketplace.NOW));

        assertThatThrownBy(() -> listings.create(DEV, "caravan-tax", details("Tax")))
                .isInstanceOf(StateConflictException.class);
        assertThat(listings.create(DEV, "my-tax", details("Mine")).pluginId()).isEqualTo("my-tax");
    }

    @Test
    void onlyTheOwnerSeesAndChangesAListing() {
        listings.create(DEV, "echo-tax", details("Echo"));

        Listing updated = listings.update(DEV, "echo-tax", details("Echo Two"));
        assertThat(updated.name()).isEqualTo("Echo Two");
        assertThat(listings.get(DEV, "echo-tax")).isSameAs(updated);
        assertThatThrownBy(() -> listings.update(EVE, "echo-tax", details("Mine now")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("You have no listing 'echo-tax'.");
        assertThatThrownBy(() -> listings.get(EVE, "echo-tax")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> listings.versions(EVE, "echo-tax")).isInstanceOf(NotFoundException.class);
        assertThat(updated.name()).isEqualTo("Echo Two");
    }

    @Test
    void theOwnerReadsVersionsAndSubmitsOneForReview() {
        listings.create(DEV, "echo-tax", details("Echo"));
        PluginRelease passed = PluginRelease.uploaded(
                "l-1", "echo-tax", "1.0.0", "io.echo", "sha", 1, "{}", true, "{}", InMemoryMarketplace.NOW);
        market.releases.add(passed);

        assertThat(listings.versions(DEV, "echo-tax")).containsExactly(passed);
        assertThat(listings.version(DEV, "echo-tax", "1.0.0")).isSameAs(passed);
        assertThatThrownBy(() -> listings.version(DEV, "echo-tax", "9.0.0"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No version 9.0.0 of echo-tax.");

        assertThat(listings.submit(DEV, "echo-tax", "1.0.0").status()).isEqualTo(ReleaseStatus.IN_REVIEW);
        assertThatThrownBy(() -> listings.submit(DEV, "echo-tax", "9.0.0"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No version 9.0.0 of echo-tax.");
        assertThatThrownBy(() -> listings.submit(EVE, "echo-tax", "1.0.0")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> listings.version(EVE, "echo-tax", "1.0.0")).isInstanceOf(NotFoundException.class);
    }

    static ListingDetails details(String name) {
        return new ListingDetails(
                name,
                "Echoes",
                Map.of("en", "Echoes."),
                List.of("tax"),
                List.of("TAX"),
                List.of("FR"),
                Pricing.free(),
                "s@echo.example",
                null);
    }
}
