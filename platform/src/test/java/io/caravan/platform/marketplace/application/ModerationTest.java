package io.caravan.platform.marketplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.marketplace.domain.Listing;
import io.caravan.platform.marketplace.domain.ListingStatus;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.ReleaseStatus;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.PriceDisplay;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreOwner;
import io.caravan.platform.tenancy.domain.StoreSettings;
import io.caravan.platform.tenancy.domain.StoreSlug;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admins' side of versions and listings: the queue, approve, decline, certify, yank (every
 * store moved off, page by page, then every node told), suspend and reinstate a listing.
 */
class ModerationTest {
    final InMemoryMarketplace market = new InMemoryMarketplace();
    final ModerationTransactions transactions = new ModerationTransactions();
    final Moderation moderation = new Moderation();
    final Actor ada = Actor.user("ada");
    final List<Store> stores = new ArrayList<>();
    final List<String> moves = new ArrayList<>();
    final Map<String, Integer> index = new java.util.HashMap<>();

    ModerationTest() {
        transactions.releases = market.releases;
        transactions.revisions = market.revisions;
        transactions.directory = market.directory;
        transactions.clock = market.clock;
        transactions.stores = new io.caravan.platform.tenancy.domain.StoreRepository() {
            @Override
            public java.util.Optional<Store> findBySlug(StoreSlug slug) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void add(Store store) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Page<Store> search(
                    io.caravan.platform.tenancy.domain.StoreStatus status, String text, PageRequest page) {
                List<Store> items =
                        stores.stream().skip(page.offset()).limit(page.size()).toList();
                return new Page<>(items, page.page(), page.size(), stores.size());
            }
        };
        moderation.releases = market.releases;
        moderation.listings = market.listings;
        moderation.revisions = market.revisions;
        moderation.transactions = transactions;
        moderation.clock = market.clock;
        moderation.mover = new StoreReleaseMover() {
            @Override
            public Outcome moveOff(String storeId, PluginRelease withdrawn, String reason, Actor actor) {
                moves.add(storeId + " " + reason + " " + actor.name());
                int n = index.get(storeId);
                return switch (n % 3) {
                    case 0 -> Outcome.MOVED;
                    case 1 -> Outcome.DISABLED;
                    default -> Outcome.NOT_AFFECTED;
                };
            }
        };
    }

    @Test
    void theQueueHoldsVersionsInReviewAndApprovalMakesThemAvailable() {
        PluginRelease inReview = inReview("1.0.0");
        released("0.9.0");

        assertThat(moderation.queue()).containsExactly(inReview);

        PluginRelease approved = moderation.approve(ada, inReview.id());
        assertThat(approved.status()).isEqualTo(ReleaseStatus.AVAILABLE);
        assertThat(approved.reviewedBy()).isEqualTo("ada");
        assertThat(approved.reviewedAt()).isEqualTo(InMemoryMarketplace.NOW);
        assertThat(moderation.queue()).isEmpty();
    }

    @Test
    void aDeclineNeedsAReasonWhichIsStripped() {
        PluginRelease release = inReview("1.0.0");

        assertThatThrownBy(() -> moderation.decline(ada, release.id(), " "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("reason is required (at most 500 characters): the developer and merchants see it");
        assertThat(release.status()).isEqualTo(ReleaseStatus.IN_REVIEW);

        moderation.decline(ada, release.id(), "  asks for every host  ");
        assertThat(release.status()).isEqualTo(ReleaseStatus.DECLINED);
        assertThat(release.statusReason()).isEqualTo("asks for every host");
    }

    @Test
    void aReasonIsAtMostFiveHundredCharacters() {
        assertThat(Moderation.requireReason("r".repeat(500))).hasSize(500);
        assertThatThrownBy(() -> Moderation.requireReason("r".repeat(501))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Moderation.requireReason(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anUnknownReleaseOrListingIsNotFound() {
        assertThatThrownBy(() -> moderation.approve(ada, "r-404"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No plugin release r-404.");
        assertThatThrownBy(() -> moderation.yank(ada, "r-404", "bug"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No plugin release r-404.");
        assertThatThrownBy(() -> moderation.certify(ada, "r-404")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> moderation.suspend("nope", "x"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No listing 'nope'.");
    }

    @Test
    void certifyingBumpsTheRevisionOnceAndAppliesItHere() {
        PluginRelease release = inReview("1.0.0");

        moderation.certify(ada, release.id());
        moderation.certify(ada, release.id());

        assertThat(release.certified()).isTrue();
        assertThat(release.certifiedBy()).isEqualTo("ada");
        assertThat(market.signals).containsExactly("bump", "check", "check");
    }

    @Test
    void decertifyingBumpsOnlyWhenTheVersionWasCertified() {
        PluginRelease release = inReview("1.0.0");

        moderation.decertify(ada, release.id());
        assertThat(market.signals).containsExactly("check");

        moderation.certify(ada, release.id());
        market.signals.clear();
        moderation.decertify(Actor.user("bob"), release.id());
        assertThat(release.certified()).isFalse();
        assertThat(release.certifiedBy()).isEqualTo("bob");
        assertThat(market.signals).containsExactly("bump", "check");
    }

    @Test
    void aYankWithdrawsTheVersionMovesEveryStoreAcrossPagesAndTellsTheNodes() {
        PluginRelease release = released("1.0.0");
        for (int i = 0; i < PageRequest.MAX_SIZE + 3; i++) {
            add(store(i), i);
        }

        Moderation.YankResult result = moderation.yank(ada, release.id(), " data leak ");

        assertThat(release.status()).isEqualTo(ReleaseStatus.WITHDRAWN);
        assertThat(release.statusReason()).isEqualTo("data leak");
        assertThat(moves).hasSize(PageRequest.MAX_SIZE + 3).allMatch(m -> m.endsWith(" data leak ada"));
        // stores 0..202: n % 3 == 0 moved (68), == 1 disabled (68), == 2 untouched (67)
        assertThat(result.storesMoved()).isEqualTo(68);
        assertThat(result.storesDisabled()).isEqualTo(68);
        assertThat(result.release()).isSameAs(release);
        assertThat(result.millis()).isNotNegative();
        assertThat(market.signals).containsExactly("bump", "invalidateAll", "check");
    }

    @Test
    void aYankOfExactlyOnePageReadsOnePage() {
        PluginRelease release = released("1.0.0");
        for (int i = 0; i < PageRequest.MAX_SIZE; i++) {
            add(store(i), i);
        }

        moderation.yank(ada, release.id(), "bug");

        assertThat(moves).hasSize(PageRequest.MAX_SIZE);
    }

    @Test
    void aSecondYankIsAConflictAndMovesNoStore() {
        PluginRelease release = released("1.0.0");
        add(store(0), 0);
        moderation.yank(ada, release.id(), "bug");
        moves.clear();

        assertThatThrownBy(() -> moderation.yank(ada, release.id(), "bug")).isInstanceOf(StateConflictException.class);
        assertThat(moves).isEmpty();
    }

    @Test
    void aYankWithoutAReasonWithdrawsNothing() {
        PluginRelease release = released("1.0.0");

        assertThatThrownBy(() -> moderation.yank(ada, release.id(), "")).isInstanceOf(InvalidInputException.class);
        assertThat(release.isInstallable()).isTrue();
    }

    @Test
    void aListingIsSuspendedWithAReasonAndReinstated() {
        Listing listing = market.freeListing("echo-tax");

        assertThatThrownBy(() -> moderation.suspend("echo-tax", null)).isInstanceOf(InvalidInputException.class);
        assertThat(moderation.suspend("echo-tax", " malware ").statusReason()).isEqualTo("malware");
        assertThat(listing.status()).isEqualTo(ListingStatus.SUSPENDED);
        assertThat(moderation.reinstate("echo-tax").isActive()).isTrue();
    }

    private PluginRelease inReview(String version) {
        PluginRelease release = PluginRelease.uploaded(
                "listing-1",
                "echo-tax",
                version,
                "io.echo",
                "sha-" + version,
                10,
                "{}",
                true,
                "{}",
                InMemoryMarketplace.NOW);
        release.submit();
        market.releases.add(release);
        return release;
    }

    private PluginRelease released(String version) {
        PluginRelease release = inReview(version);
        release.approve("ada", InMemoryMarketplace.NOW);
        return release;
    }

    private static Store store(int i) {
        return Store.onboard(
                new StoreSlug("store-" + i),
                new StoreSettings("S", StoreSettings.currency("EUR"), List.of("DE"), PriceDisplay.INCLUDING_TAX),
                new StoreOwner("u", "o@x.test", "O", "W"),
                "org",
                InMemoryMarketplace.NOW);
    }

    private void add(Store store, int i) {
        stores.add(store);
        index.put(store.id(), i);
    }
}
