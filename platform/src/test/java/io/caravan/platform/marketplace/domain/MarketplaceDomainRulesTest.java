package io.caravan.platform.marketplace.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.shared.domain.StateConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of listings, their pricing, releases and installations, each at its boundary. */
class MarketplaceDomainRulesTest {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);

    // --- Pricing ---------------------------------------------------------------------------

    @Test
    void aFreePluginHasNoAmountCurrencyOrTrial() {
        Pricing free = new Pricing(PricingModel.FREE, 0L, "EUR", 0);
        assertThat(free).isEqualTo(Pricing.free());
        assertThat(free.amountMinor()).isNull();
        assertThat(free.currency()).isNull();
        assertThatThrownBy(() -> new Pricing(PricingModel.FREE, 1L, null, 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("pricing: a FREE plugin has no amount and no trial");
        assertThatThrownBy(() -> new Pricing(PricingModel.FREE, null, null, 1))
                .hasMessage("pricing: a FREE plugin has no amount and no trial");
        assertThatThrownBy(() -> new Pricing(null, null, null, 0)).hasMessageContaining("pricing.model is required");
    }

    @Test
    void aPaidPluginHasAPositivePlausibleAmountInARealCurrency() {
        Pricing paid = new Pricing(PricingModel.ONE_TIME, 1L, "EUR", 0);
        assertThat(paid.currency()).isEqualTo("EUR");
        assertThat(paid.amountMinor()).isEqualTo(1L);
        assertThat(new Pricing(PricingModel.USAGE, 100_000_000L, "USD", 0).amountMinor())
                .isEqualTo(100_000_000L);
        assertThatThrownBy(() -> new Pricing(PricingModel.USAGE, 100_000_001L, "USD", 0))
                .hasMessage("pricing.amountMinor is implausibly large");
        assertThatThrownBy(() -> new Pricing(PricingModel.ONE_TIME, 0L, "EUR", 0))
                .hasMessage("pricing.amountMinor must be a positive amount in minor units for ONE_TIME");
        assertThatThrownBy(() -> new Pricing(PricingModel.ONE_TIME, null, "EUR", 0))
                .hasMessageContaining("positive amount");
        assertThatThrownBy(() -> new Pricing(PricingModel.ONE_TIME, 100L, "EURO", 0))
                .hasMessage("pricing.currency must be an ISO 4217 code such as EUR");
        assertThatThrownBy(() -> new Pricing(PricingModel.ONE_TIME, 100L, null, 0))
                .hasMessage("pricing.currency must be an ISO 4217 code such as EUR");
    }

    @Test
    void onlySubscriptionsHaveATrialOfUpToNinetyDays() {
        assertThat(new Pricing(PricingModel.SUBSCRIPTION, 900L, "EUR", 90).trialDays())
                .isEqualTo(90);
        assertThat(new Pricing(PricingModel.SUBSCRIPTION, 900L, "EUR", 0).trialDays())
                .isZero();
        assertThatThrownBy(() -> new Pricing(PricingModel.SUBSCRIPTION, 900L, "EUR", 91))
                .hasMessage("pricing.trialDays must be 0 to 90");
        assertThatThrownBy(() -> new Pricing(PricingModel.SUBSCRIPTION, 900L, "EUR", -1))
                .hasMessage("pricing.trialDays must be 0 to 90");
        assertThatThrownBy(() -> new Pricing(PricingModel.ONE_TIME, 900L, "EUR", 1))
                .hasMessage("pricing.trialDays applies to subscriptions only");
    }

    // --- ListingDetails --------------------------------------------------------------------

    @Test
    void detailsAreStrippedSortedAndDeduplicated() {
        ListingDetails d = new ListingDetails(
                " Echo ",
                " Echoes ",
                Map.of("pt-br", " Ecoa. ", "en", "Echoes."),
                List.of("tax", "vat"),
                List.of("TAX", "PAYMENTS", "TAX"),
                List.of("FR", "DE", "FR"),
                Pricing.free(),
                "help@echo.example",
                "https://echo.example/help");

        assertThat(d.name()).isEqualTo("Echo");
        assertThat(d.summary()).isEqualTo("Echoes");
        assertThat(d.descriptions()).containsOnly(Map.entry("en", "Echoes."), Map.entry("pt-BR", "Ecoa."));
        assertThat(d.kinds()).containsExactly("PAYMENTS", "TAX");
        assertThat(d.countries()).containsExactly("DE", "FR");
        assertThat(d.categories()).containsExactly("tax", "vat");
        assertThat(jakarta.json.Json.createReader(new java.io.StringReader(d.descriptionsJson()))
                        .readObject())
                .isEqualTo(jakarta.json.Json.createObjectBuilder()
                        .add("en", "Echoes.")
                        .add("pt-BR", "Ecoa.")
                        .build());
        assertThat(details(b -> b.categories = null).categories()).isEmpty();
        assertThat(details(b -> b.countries = List.of("*")).countries()).containsExactly("*");
    }

    @Test
    void textFieldsAreRequiredAndBounded() {
        assertThat(details(b -> b.name = "n".repeat(100)).name()).hasSize(100);
        assertThatThrownBy(() -> details(b -> b.name = "n".repeat(101)))
                .hasMessage("name must be at most 100 characters");
        assertThatThrownBy(() -> details(b -> b.name = " ")).hasMessage("name is required");
        assertThatThrownBy(() -> details(b -> b.name = null)).hasMessage("name is required");
        assertThat(details(b -> b.summary = "s".repeat(300)).summary()).hasSize(300);
        assertThatThrownBy(() -> details(b -> b.summary = "s".repeat(301)))
                .hasMessage("summary must be at most 300 characters");
        assertThatThrownBy(() -> details(b -> b.descriptions = Map.of("en", "d".repeat(10_001))))
                .hasMessage("descriptions[en] must be at most 10000 characters");
    }

    @Test
    void descriptionsNeedARealLanguageTag() {
        assertThatThrownBy(() -> details(b -> b.descriptions = Map.of()))
                .hasMessage("descriptions needs at least one locale, e.g. {\"en\": \"...\"}");
        assertThatThrownBy(() -> details(b -> b.descriptions = null)).hasMessageContaining("at least one locale");
        assertThatThrownBy(() -> details(b -> b.descriptions = Map.of("not a tag!", "x")))
                .hasMessage("descriptions[not a tag!] is not under a BCP 47 language tag such as en or pt-BR");
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "x");
        assertThatThrownBy(() -> details(b -> b.descriptions = nullKey))
                .hasMessageContaining("[null] is not under a BCP 47");
    }

    @Test
    void atMostFiveLowerCaseCategories() {
        assertThat(details(b -> b.categories = List.of("a1", "b2", "c3", "d4", "e5"))
                        .categories())
                .hasSize(5);
        assertThatThrownBy(() -> details(b -> b.categories = List.of("a1", "b2", "c3", "d4", "e5", "f6")))
                .hasMessage("categories at most 5");
        assertThatThrownBy(() -> details(b -> b.categories = List.of("Tax")))
                .hasMessage("categories[0] must be a lower-case word (letters, digits, -) of 2 to 40");
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> details(b -> b.categories = withNull))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("categories[0] must be");
    }

    @Test
    void kindsAreSdkPluginKinds() {
        assertThatThrownBy(() -> details(b -> b.kinds = List.of()))
                .hasMessageStartingWith("kinds needs at least one of");
        assertThatThrownBy(() -> details(b -> b.kinds = null)).hasMessageStartingWith("kinds needs at least one of");
        assertThatThrownBy(() -> details(b -> b.kinds = List.of("TAX", "tax")))
                .hasMessageStartingWith("kinds[1] is not one of");
    }

    @Test
    void countriesAreAlpha2CodesOrTheStarAlone() {
        assertThatThrownBy(() -> details(b -> b.countries = List.of()))
                .hasMessage("countries needs ISO 3166-1 alpha-2 codes, or [\"*\"] for every country");
        assertThatThrownBy(() -> details(b -> b.countries = null)).hasMessageStartingWith("countries needs");
        assertThatThrownBy(() -> details(b -> b.countries = List.of("*", "DE")))
                .hasMessage("countries[0] is not an ISO 3166-1 alpha-2 code such as DE");
        assertThatThrownBy(() -> details(b -> b.countries = List.of("de")))
                .hasMessage("countries[0] is not an ISO 3166-1 alpha-2 code such as DE");
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> details(b -> b.countries = withNull))
                .hasMessage("countries[0] is not an ISO 3166-1 alpha-2 code such as DE");
    }

    @Test
    void pricingAndSupportAreRequiredAndChecked() {
        assertThatThrownBy(() -> details(b -> b.pricing = null)).hasMessageStartingWith("pricing is required");
        assertThatThrownBy(() -> details(b -> b.supportEmail = null))
                .hasMessage("supportEmail must be an e-mail address");
        assertThatThrownBy(() -> details(b -> b.supportEmail = "no-at-sign.example"))
                .hasMessageStartingWith("supportEmail must be an e-mail address");
        assertThatThrownBy(() -> details(b -> b.supportEmail = "a@b"))
                .hasMessageStartingWith("supportEmail must be an e-mail address");
        String local = "a".repeat(64);
        assertThat(details(b -> b.supportEmail = local + "@x.io").supportEmail())
                .hasSize(69);
        assertThatThrownBy(() -> details(b -> b.supportEmail = local + "a@x.io"))
                .hasMessageStartingWith("supportEmail must be an e-mail address");
        assertThat(details(b -> b.supportUrl = null).supportUrl()).isNull();
        String url = "https://" + "u".repeat(492);
        assertThat(details(b -> b.supportUrl = url).supportUrl()).hasSize(500);
        assertThatThrownBy(() -> details(b -> b.supportUrl = url + "u"))
                .hasMessage("supportUrl must be an https:// URL of at most 500 characters");
        assertThatThrownBy(() -> details(b -> b.supportUrl = "http://echo.example"))
                .hasMessage("supportUrl must be an https:// URL of at most 500 characters");
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnce() {
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> details(b -> {
                    b.name = null;
                    b.categories = withNull;
                    b.countries = List.of("de");
                    b.supportEmail = "a@b";
                }))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fields())
                                .extracting(InvalidInputException.FieldIssue::field)
                                .containsExactly("name", "categories[0]", "countries[0]", "supportEmail"));
    }

    // --- Listing ---------------------------------------------------------------------------

    @Test
    void aListingKeepsItsDetailsAndItsOwner() {
        ListingDetails d = new ListingDetails(
                "Echo",
                "Echoes",
                Map.of("en", "Echoes."),
                List.of("tax", "vat"),
                List.of("TAX"),
                List.of("DE", "FR"),
                new Pricing(PricingModel.SUBSCRIPTION, 900L, "EUR", 14),
                "help@echo.example",
                "https://echo.example");
        Listing listing = new Listing("echo-tax", "dev-1", "Dev One", d, T0);

        assertThat(listing.id()).isNotBlank();
        assertThat(listing.pluginId()).isEqualTo("echo-tax");
        assertThat(listing.developerId()).isEqualTo("dev-1");
        assertThat(listing.developerName()).isEqualTo("Dev One");
        assertThat(listing.name()).isEqualTo("Echo");
        assertThat(listing.summary()).isEqualTo("Echoes");
        assertThat(listing.descriptionsJson()).isEqualTo("{\"en\":\"Echoes.\"}");
        assertThat(listing.categories()).containsExactly("tax", "vat");
        assertThat(listing.kinds()).containsExactly("TAX");
        assertThat(listing.countries()).containsExactly("DE", "FR");
        assertThat(listing.pricing()).isEqualTo(new Pricing(PricingModel.SUBSCRIPTION, 900L, "EUR", 14));
        assertThat(listing.supportEmail()).isEqualTo("help@echo.example");
        assertThat(listing.supportUrl()).isEqualTo("https://echo.example");
        assertThat(listing.status()).isEqualTo(ListingStatus.ACTIVE);
        assertThat(listing.isActive()).isTrue();
        assertThat(listing.createdAt()).isEqualTo(T0);
        assertThat(listing.updatedAt()).isEqualTo(T0);
        assertThat(listing.rating()).isEqualTo(new Rating(0, 0));
        assertThat(listing.isOwnedBy("dev-1")).isTrue();
        assertThat(listing.isOwnedBy("dev-2")).isFalse();

        listing.apply(details(b -> b.categories = List.of()), T1);
        assertThat(listing.categories()).isEmpty();
        assertThat(listing.updatedAt()).isEqualTo(T1);
    }

    @Test
    void theFirstUploadBindsTheSymbolicNameAndLaterOnesMustMatch() {
        Listing listing = listing();
        assertThat(listing.symbolicName()).isNull();

        listing.bindSymbolicName("io.echo");
        listing.bindSymbolicName("io.echo");

        assertThat(listing.symbolicName()).isEqualTo("io.echo");
        assertThatThrownBy(() -> listing.bindSymbolicName("io.other"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("listing echo-tax is bundle io.echo; this upload is io.other");
    }

    @Test
    void aListingIsSuspendedWithAReasonAndReinstatedOnlyWhenSuspended() {
        Listing listing = listing();
        assertThatThrownBy(() -> listing.reinstate(T1))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("listing echo-tax is not suspended");
        assertThatThrownBy(() -> listing.suspend(" ", T1)).hasMessage("a suspension needs a reason");
        assertThatThrownBy(() -> listing.suspend(null, T1)).hasMessage("a suspension needs a reason");
        assertThat(listing.isActive()).isTrue();

        listing.suspend("malware report", T1);
        assertThat(listing.status()).isEqualTo(ListingStatus.SUSPENDED);
        assertThat(listing.isActive()).isFalse();
        assertThat(listing.statusReason()).isEqualTo("malware report");
        assertThat(listing.updatedAt()).isEqualTo(T1);

        listing.reinstate(T1.plusSeconds(1));
        assertThat(listing.isActive()).isTrue();
        assertThat(listing.statusReason()).isNull();
        assertThat(listing.updatedAt()).isEqualTo(T1.plusSeconds(1));
    }

    // --- PluginRelease ---------------------------------------------------------------------

    @Test
    void aFirstPartyReleaseIsCertifiedByThePlatformAndOthersAreNot() {
        PluginRelease tax =
                new PluginRelease("caravan-tax", "1.0.0", "io.tax", "sha", 10, "{}", ReleaseOrigin.FIRST_PARTY, T0);
        PluginRelease dev =
                new PluginRelease("dev-tax", "1.0.0", "io.dev", "sha", 10, "{}", ReleaseOrigin.DEVELOPMENT, T0);

        assertThat(tax.certified()).isTrue();
        assertThat(tax.certifiedBy()).isEqualTo("platform");
        assertThat(tax.certifiedAt()).isEqualTo(T0);
        assertThat(tax.isInstallable()).isTrue();
        assertThat(dev.certified()).isFalse();
        assertThat(dev.certifiedBy()).isNull();
        assertThat(dev.certifiedAt()).isNull();
        assertThat(dev.status()).isEqualTo(ReleaseStatus.AVAILABLE);
        assertThat(dev.id()).isNotBlank().isNotEqualTo(tax.id());
        assertThat(dev.pluginId()).isEqualTo("dev-tax");
        assertThat(dev.version()).isEqualTo("1.0.0");
        assertThat(dev.symbolicName()).isEqualTo("io.dev");
        assertThat(dev.sha256()).isEqualTo("sha");
        assertThat(dev.sizeBytes()).isEqualTo(10);
        assertThat(dev.descriptorJson()).isEqualTo("{}");
        assertThat(dev.origin()).isEqualTo(ReleaseOrigin.DEVELOPMENT);
        assertThat(dev.registeredAt()).isEqualTo(T0);
        assertThat(dev.listingId()).isNull();
    }

    @Test
    void anUploadThatPassedGoesThroughReviewToAvailable() {
        PluginRelease release = upload(true);
        assertThat(release.status()).isEqualTo(ReleaseStatus.PASSED);
        assertThat(release.statusReason()).isNull();
        assertThat(release.listingId()).isEqualTo("listing-1");
        assertThat(release.validationReport()).isEqualTo("{\"passed\":true}");
        assertThat(release.origin()).isEqualTo(ReleaseOrigin.UPLOADED);
        assertThat(release.isInstallable()).isFalse();
        assertThatThrownBy(() -> release.approve("ada", T1))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("echo-tax 1.2.0 is passed and cannot be approved (it must be in review)");

        release.submit();
        assertThat(release.status()).isEqualTo(ReleaseStatus.IN_REVIEW);
        assertThatThrownBy(release::submit)
                .hasMessage("echo-tax 1.2.0 is in review and cannot be submitted for review (it must be passed)");
        release.approve("ada", T1);

        assertThat(release.status()).isEqualTo(ReleaseStatus.AVAILABLE);
        assertThat(release.isInstallable()).isTrue();
        assertThat(release.reviewedBy()).isEqualTo("ada");
        assertThat(release.reviewedAt()).isEqualTo(T1);
        assertThat(release.replaceableByUpload()).isFalse();
    }

    @Test
    void anUploadThatFailedIsRejectedAndCannotBeSubmitted() {
        PluginRelease release = upload(false);
        assertThat(release.status()).isEqualTo(ReleaseStatus.REJECTED);
        assertThat(release.statusReason()).isEqualTo("failed the automated checks");
        assertThatThrownBy(release::submit)
                .hasMessage("echo-tax 1.2.0 is rejected and cannot be submitted for review (it must be passed)");
    }

    @Test
    void aDeclinedVersionKeepsTheReasonAndWhoDeclined() {
        PluginRelease release = upload(true);
        assertThatThrownBy(() -> release.decline("ada", "no", T1)).hasMessageContaining("cannot be declined");
        release.submit();

        release.decline("ada", "asks for too much", T1);

        assertThat(release.status()).isEqualTo(ReleaseStatus.DECLINED);
        assertThat(release.statusReason()).isEqualTo("asks for too much");
        assertThat(release.reviewedBy()).isEqualTo("ada");
        assertThat(release.reviewedAt()).isEqualTo(T1);
        assertThat(release.replaceableByUpload()).isTrue();
    }

    @Test
    void onlyAnAvailableVersionIsYankedAndThenWithdrawnForGood() {
        PluginRelease release = upload(true);
        assertThatThrownBy(() -> release.yank("ada", "bug", T1)).hasMessageContaining("cannot be yanked");
        release.submit();
        release.approve("ada", T0);

        release.yank("bob", "data leak", T1);

        assertThat(release.status()).isEqualTo(ReleaseStatus.WITHDRAWN);
        assertThat(release.statusReason()).isEqualTo("data leak");
        assertThat(release.reviewedBy()).isEqualTo("bob");
        assertThat(release.reviewedAt()).isEqualTo(T1);
        assertThat(release.isInstallable()).isFalse();
        assertThat(release.replaceableByUpload()).isFalse();
        assertThatThrownBy(() -> release.replaceUpload("s", "x", 1, "{}", true, "{}", T1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("version 1.2.0 of echo-tax was approved; its bytes never change");
    }

    @Test
    void certificationNeedsReviewOrApprovalAndAnUploadedVersion() {
        PluginRelease passed = upload(true);
        assertThatThrownBy(() -> passed.certify("ada", T1))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("only a version in review or approved can be certified; this one is passed");
        passed.submit();
        passed.certify("ada", T1);
        passed.certify("bob", T1.plusSeconds(5));
        assertThat(passed.certified()).isTrue();
        assertThat(passed.certifiedBy()).as("certifying twice changes nothing").isEqualTo("ada");
        assertThat(passed.certifiedAt()).isEqualTo(T1);

        passed.decertify("bob", T1.plusSeconds(9));
        assertThat(passed.certified()).isFalse();
        assertThat(passed.certifiedBy()).isEqualTo("bob");
        assertThat(passed.certifiedAt()).isEqualTo(T1.plusSeconds(9));

        PluginRelease approved = upload(true);
        approved.submit();
        approved.approve("ada", T1);
        approved.certify("ada", T1);
        assertThat(approved.certified()).isTrue();

        PluginRelease dev =
                new PluginRelease("dev-tax", "1.0.0", "io.dev", "sha", 10, "{}", ReleaseOrigin.DEVELOPMENT, T0);
        assertThatThrownBy(() -> dev.certify("ada", T1))
                .hasMessage("a development build cannot be certified; upload the version");
        PluginRelease rejected = upload(false);
        assertThatThrownBy(() -> rejected.certify("ada", T1)).hasMessageEndingWith("this one is rejected");
        PluginRelease withdrawn = upload(true);
        withdrawn.submit();
        withdrawn.approve("ada", T0);
        withdrawn.yank("ada", "bug", T0);
        assertThatThrownBy(() -> withdrawn.certify("ada", T1)).hasMessageEndingWith("this one is withdrawn");
    }

    @Test
    void aNeverApprovedUploadIsReplacedAndStartsOver() {
        PluginRelease release = upload(true);
        release.submit();
        release.decline("ada", "no", T0);

        release.replaceUpload("io.echo2", "sha-2", 22, "{\"v\":2}", false, "{\"passed\":false}", T1);

        assertThat(release.symbolicName()).isEqualTo("io.echo2");
        assertThat(release.sha256()).isEqualTo("sha-2");
        assertThat(release.sizeBytes()).isEqualTo(22);
        assertThat(release.descriptorJson()).isEqualTo("{\"v\":2}");
        assertThat(release.validationReport()).isEqualTo("{\"passed\":false}");
        assertThat(release.status()).isEqualTo(ReleaseStatus.REJECTED);
        assertThat(release.statusReason()).isEqualTo("failed the automated checks");
        assertThat(release.reviewedBy()).isNull();
        assertThat(release.reviewedAt()).isNull();
        assertThat(release.registeredAt()).isEqualTo(T1);

        release.replaceUpload("io.echo2", "sha-3", 23, "{}", true, "{}", T1);
        assertThat(release.status()).isEqualTo(ReleaseStatus.PASSED);
        assertThat(release.statusReason()).isNull();
    }

    @Test
    void onlyUploadsAreReplaceableByUploadAndOnlyDevelopmentBuildsInPlace() {
        PluginRelease firstParty =
                new PluginRelease("caravan-tax", "1.0.0", "io.tax", "sha", 10, "{}", ReleaseOrigin.FIRST_PARTY, T0);
        PluginRelease dev =
                new PluginRelease("dev-tax", "1.0.0", "io.dev", "sha", 10, "{}", ReleaseOrigin.DEVELOPMENT, T0);
        assertThat(firstParty.replaceableByUpload()).isFalse();
        assertThat(dev.replaceableByUpload()).isFalse();
        PluginRelease inReview = upload(true);
        inReview.submit();
        assertThat(inReview.replaceableByUpload()).isTrue();
        assertThat(upload(false).replaceableByUpload()).isTrue();

        dev.replaceDevelopmentBuild("sha-2", 20, "{\"v\":2}");
        assertThat(dev.sha256()).isEqualTo("sha-2");
        assertThat(dev.sizeBytes()).isEqualTo(20);
        assertThat(dev.descriptorJson()).isEqualTo("{\"v\":2}");
        assertThatThrownBy(() -> firstParty.replaceDevelopmentBuild("x", 1, "{}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("only development builds are replaced in place");
    }

    // --- Installation ----------------------------------------------------------------------

    @Test
    void anInstallationRunsAnInstallableReleaseEnabled() {
        PluginRelease v1 = available("1.0.0");
        Installation installation = new Installation(v1, "{\"rate\":1}", "mara", T0);

        assertThat(installation.id()).isNotBlank();
        assertThat(installation.pluginId()).isEqualTo("echo-tax");
        assertThat(installation.releaseId()).isEqualTo(v1.id());
        assertThat(installation.previousReleaseId()).isNull();
        assertThat(installation.status()).isEqualTo(InstallationStatus.ENABLED);
        assertThat(installation.isEnabled()).isTrue();
        assertThat(installation.configurationJson()).isEqualTo("{\"rate\":1}");
        assertThat(installation.installedBy()).isEqualTo("mara");
        assertThat(installation.installedAt()).isEqualTo(T0);
        assertThat(installation.updatedAt()).isEqualTo(T0);
        assertThat(installation.secretsOwner("store-1")).isEqualTo("plugin-installation:store-1:" + installation.id());
        assertThatThrownBy(() -> new Installation(v1, null, "mara", T0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Installation(upload(true), "{}", "mara", T0))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("echo-tax 1.2.0 is withdrawn");
        PluginRelease yanked = available("0.9.0");
        yanked.yank("ada", "leaks data", T0);
        assertThatThrownBy(() -> new Installation(yanked, "{}", "mara", T0))
                .hasMessage("echo-tax 0.9.0 is withdrawn: leaks data");
    }

    @Test
    void anUpgradeRemembersTheVersionToRollBackTo() {
        PluginRelease v1 = available("1.0.0");
        PluginRelease v2 = available("2.0.0");
        Installation installation = new Installation(v1, "{}", "mara", T0);

        installation.changeRelease(v2, "{\"v\":2}", T1);

        assertThat(installation.releaseId()).isEqualTo(v2.id());
        assertThat(installation.previousReleaseId()).isEqualTo(v1.id());
        assertThat(installation.configurationJson()).isEqualTo("{\"v\":2}");
        assertThat(installation.updatedAt()).isEqualTo(T1);
        assertThatThrownBy(() -> installation.changeRelease(v2, "{}", T1))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("the store already runs echo-tax 2.0.0");
        PluginRelease other = new PluginRelease("other", "1.0.0", "io.o", "s", 1, "{}", ReleaseOrigin.DEVELOPMENT, T0);
        assertThatThrownBy(() -> installation.changeRelease(other, "{}", T1))
                .hasMessage("release other 1.0.0 is not a version of plugin echo-tax");
        assertThatThrownBy(() -> installation.changeRelease(v1, null, T1)).isInstanceOf(NullPointerException.class);
        assertThat(installation.releaseId())
                .as("a refused change changes nothing")
                .isEqualTo(v2.id());
        assertThat(installation.previousReleaseId()).isEqualTo(v1.id());

        installation.rollBack(v1, T1.plusSeconds(1));

        assertThat(installation.releaseId()).isEqualTo(v1.id());
        assertThat(installation.previousReleaseId()).isEqualTo(v2.id());
        assertThat(installation.updatedAt()).isEqualTo(T1.plusSeconds(1));
        assertThatThrownBy(() -> installation.rollBack(v1, T1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not this installation's previous release");
        v2.yank("ada", "bug", T1);
        assertThatThrownBy(() -> installation.rollBack(v2, T1)).hasMessage("echo-tax 2.0.0 is withdrawn: bug");
        assertThat(installation.releaseId()).isEqualTo(v1.id());
    }

    @Test
    void aFreshInstallationHasNothingToRollBackTo() {
        PluginRelease v1 = available("1.0.0");
        Installation installation = new Installation(v1, "{}", "mara", T0);

        assertThatThrownBy(() -> installation.rollBack(v1, T1))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("plugin echo-tax has no earlier version to roll back to");
    }

    @Test
    void disablingKeepsTheReasonAndEnablingClearsIt() {
        Installation installation = new Installation(available("1.0.0"), "{}", "mara", T0);

        installation.disable("too many failures", T1);
        assertThat(installation.isEnabled()).isFalse();
        assertThat(installation.status()).isEqualTo(InstallationStatus.DISABLED);
        assertThat(installation.statusReason()).isEqualTo("too many failures");
        assertThat(installation.updatedAt()).isEqualTo(T1);

        installation.enable(T1.plusSeconds(1));
        assertThat(installation.isEnabled()).isTrue();
        assertThat(installation.statusReason()).isNull();
        assertThat(installation.updatedAt()).isEqualTo(T1.plusSeconds(1));

        installation.reconfigure("{\"x\":1}", T1.plusSeconds(2));
        assertThat(installation.configurationJson()).isEqualTo("{\"x\":1}");
        assertThat(installation.updatedAt()).isEqualTo(T1.plusSeconds(2));
        assertThatThrownBy(() -> installation.reconfigure(null, T1)).isInstanceOf(NullPointerException.class);

        installation.storeSecrets("sealed");
        installation.recordConsent("{\"egressHosts\":[]}");
        assertThat(installation.sealedSecrets()).isEqualTo("sealed");
        assertThat(installation.consentedPermissions()).isEqualTo("{\"egressHosts\":[]}");
    }

    @Test
    void smallRecordsKeepWhatTheyAreGiven() {
        UploadAttempt attempt = new UploadAttempt("dev-1", "echo-tax", 42, T0);
        assertThat(attempt.developerId()).isEqualTo("dev-1");
        assertThat(attempt.pluginId()).isEqualTo("echo-tax");
        assertThat(attempt.sizeBytes()).isEqualTo(42);
        assertThat(attempt.attemptedAt()).isEqualTo(T0);
        DataRetention retention = new DataRetention("echo-tax", T1);
        assertThat(retention.pluginId()).isEqualTo("echo-tax");
        assertThat(retention.purgeAfter()).isEqualTo(T1);
        assertThat(new ListingStats("echo-tax", T0).installs()).isZero();
    }

    // --- helpers ---------------------------------------------------------------------------

    static PluginRelease upload(boolean passed) {
        return PluginRelease.uploaded(
                "listing-1",
                "echo-tax",
                "1.2.0",
                "io.echo",
                "sha-1",
                11,
                "{}",
                passed,
                passed ? "{\"passed\":true}" : "{\"passed\":false}",
                T0);
    }

    static PluginRelease available(String version) {
        PluginRelease release = PluginRelease.uploaded(
                "listing-1", "echo-tax", version, "io.echo", "sha-" + version, 11, "{}", true, "{}", T0);
        release.submit();
        release.approve("ada", T0);
        return release;
    }

    static Listing listing() {
        return new Listing("echo-tax", "dev-1", "Dev One", details(b -> {}), T0);
    }

    /** Valid details, one field changed by the caller. */
    static ListingDetails details(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder();
        change.accept(b);
        return new ListingDetails(
                b.name,
                b.summary,
                b.descriptions,
                b.categories,
                b.kinds,
                b.countries,
                b.pricing,
                b.supportEmail,
                b.supportUrl);
    }

    static final class Builder {
        String name = "Echo";
        String summary = "Echoes";
        Map<String, String> descriptions = Map.of("en", "Echoes the cart.");
        List<String> categories = List.of("tax");
        List<String> kinds = List.of("TAX");
        List<String> countries = List.of("FR");
        Pricing pricing = Pricing.free();
        String supportEmail = "support@echo.example";
        String supportUrl = null;
    }
}
