package io.caravan.platform.marketplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.identity.domain.CaravanUser;
import io.caravan.platform.marketplace.domain.Installation;
import io.caravan.platform.marketplace.domain.InstallationRepository;
import io.caravan.platform.marketplace.domain.Listing;
import io.caravan.platform.marketplace.domain.ListingReview;
import io.caravan.platform.marketplace.domain.ListingReviewRepository;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.Rating;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.tenancy.application.StoreContext;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import io.caravan.platform.tenancy.domain.StoreRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reviews: only stores that installed a plugin write one; one per store; the rating moves with each change. */
class ListingReviewsTest {
    final InMemoryMarketplace market = new InMemoryMarketplace();
    final ListingReviews reviews = new ListingReviews();
    final List<ListingReview> rows = new ArrayList<>();
    final Map<String, long[]> ratings = new HashMap<>();
    final Map<String, Installation> installed = new HashMap<>();
    final List<AuditEntry> audit = new ArrayList<>();
    final StoreContext lisbon = new StoreContext("s-1", "lisbon", Actor.user("mara"), StoreRole.OWNER);
    final StoreContext osaka = new StoreContext("s-2", "osaka", Actor.user("kenji"), StoreRole.OWNER);
    final Listing listing;

    ListingReviewsTest() {
        listing = market.freeListing("echo-tax");
        reviews.listings = market.listings;
        reviews.clock = market.clock;
        reviews.audit = new AuditLog() {
            @Override
            public void record(String storeId, AuditEntry entry) {
                audit.add(0, entry);
            }

            @Override
            public Page<AuditEntry> list(String storeId, PageRequest page) {
                throw new UnsupportedOperationException();
            }
        };
        reviews.installations = new InstallationRepository() {
            @Override
            public Optional<Installation> findById(String storeId, String installationId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<Installation> findByPlugin(String storeId, String pluginId) {
                return Optional.ofNullable(installed.get(storeId + " " + pluginId));
            }

            @Override
            public List<Installation> list(String storeId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void add(String storeId, Installation installation) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void remove(String storeId, Installation installation) {
                throw new UnsupportedOperationException();
            }
        };
        reviews.reviews = new ListingReviewRepository() {
            @Override
            public Optional<ListingReview> find(String listingId, String storeId) {
                return rows.stream()
                        .filter(r -> r.listingId().equals(listingId) && r.isBy(storeId))
                        .findFirst();
            }

            @Override
            public Page<ListingReview> list(String listingId, PageRequest page) {
                List<ListingReview> items = rows.stream()
                        .filter(r -> r.listingId().equals(listingId))
                        .toList();
                return new Page<>(items, page.page(), page.size(), items.size());
            }

            @Override
            public void add(String storeId, ListingReview review) {
                rows.add(review);
            }

            @Override
            public void update(String storeId, ListingReview review) {
                assertThat(rows).contains(review);
            }

            @Override
            public void remove(String storeId, ListingReview review) {
                rows.remove(review);
            }

            @Override
            public Rating adjustRating(String listingId, long countDelta, long sumDelta) {
                long[] r = ratings.computeIfAbsent(listingId, id -> new long[2]);
                r[0] += countDelta;
                r[1] += sumDelta;
                return rating(listingId);
            }

            @Override
            public Rating rating(String listingId) {
                long[] r = ratings.getOrDefault(listingId, new long[2]);
                return new Rating(r[0], r[1]);
            }
        };
    }

    @Test
    void onlyAStoreThatInstalledThePluginMayReviewIt() {
        assertThatThrownBy(() -> reviews.write(lisbon, "echo-tax", 5, "Great", "Works."))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("Store 'lisbon' does not have echo-tax installed; only stores that installed a plugin"
                        + " can rate and review it.");
        assertThat(rows).isEmpty();
        assertThatThrownBy(() -> reviews.write(lisbon, "nothing", 5, "t", "b"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No plugin 'nothing' in the catalog.");
    }

    @Test
    void aFirstReviewCountsAndARevisionMovesOnlyTheSum() {
        install(lisbon);
        install(osaka);

        ListingReviews.Written first = reviews.write(lisbon, "echo-tax", 4, "Good", "Works.");
        assertThat(first.created()).isTrue();
        assertThat(first.rating()).isEqualTo(new Rating(1, 4));
        assertThat(audit.getFirst().action()).isEqualTo("plugin.reviewed");
        assertThat(audit.getFirst().detail()).isEqualTo("4 stars");
        assertThat(audit.getFirst().target()).isEqualTo("echo-tax");

        reviews.write(osaka, "echo-tax", 2, "Meh", "Slow.");
        ListingReviews.Written revised = reviews.write(lisbon, "echo-tax", 5, "Great", "Works well.");

        assertThat(revised.created()).isFalse();
        assertThat(revised.review()).isSameAs(first.review());
        assertThat(revised.rating()).isEqualTo(new Rating(2, 7));
        assertThat(audit.getFirst().detail()).isEqualTo("5 stars (changed)");
        assertThat(rows).hasSize(2);
    }

    @Test
    void deletingTakesTheReviewOutOfTheRating() {
        install(lisbon);
        reviews.write(lisbon, "echo-tax", 4, "Good", "Works.");

        Rating after = reviews.delete(lisbon, "echo-tax");

        assertThat(after).isEqualTo(new Rating(0, 0));
        assertThat(rows).isEmpty();
        assertThat(audit.getFirst().action()).isEqualTo("plugin.review-deleted");
        assertThatThrownBy(() -> reviews.delete(lisbon, "echo-tax"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Store 'lisbon' has not reviewed echo-tax.");
    }

    @Test
    void aStoreSeesWhichReviewIsItsOwnAndTheDeveloperSeesNone() {
        install(lisbon);
        install(osaka);
        reviews.write(lisbon, "echo-tax", 4, "Good", "Works.");
        reviews.write(osaka, "echo-tax", 2, "Meh", "Slow.");

        ListingReviews.Reviews forLisbon = reviews.forStore(lisbon, "echo-tax", new PageRequest(0, 10));
        assertThat(forLisbon.rating()).isEqualTo(new Rating(2, 6));
        assertThat(forLisbon.page().items())
                .extracting(e -> e.review().stars() + " " + e.own())
                .containsExactly("4 true", "2 false");
        assertThat(reviews.own(osaka, "echo-tax").review().stars()).isEqualTo(2);
        assertThat(reviews.own(osaka, "echo-tax").rating()).isEqualTo(new Rating(2, 6));

        CaravanUser dev = new CaravanUser("dev-1", "dev", "d@x.test", Set.of(), Set.of());
        ListingReviews.Reviews forDev = reviews.forDeveloper(dev, "echo-tax", new PageRequest(0, 10));
        assertThat(forDev.page().items()).extracting(ListingReviews.Entry::own).containsExactly(false, false);
        assertThat(forDev.rating()).isEqualTo(new Rating(2, 6));
        CaravanUser other = new CaravanUser("dev-2", "eve", "e@x.test", Set.of(), Set.of());
        assertThatThrownBy(() -> reviews.forDeveloper(other, "echo-tax", new PageRequest(0, 10)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("You have no listing 'echo-tax'.");
    }

    private void install(StoreContext store) {
        PluginRelease release = PluginRelease.uploaded(
                "l-1", "echo-tax", "1.0.0", "io.echo", "sha", 1, "{}", true, "{}", InMemoryMarketplace.NOW);
        release.submit();
        release.approve("ada", InMemoryMarketplace.NOW);
        installed.put(store.storeId() + " echo-tax", new Installation(release, "{}", "mara", InMemoryMarketplace.NOW));
    }
}
