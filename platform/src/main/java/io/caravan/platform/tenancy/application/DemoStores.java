package io.caravan.platform.tenancy.application;

import io.caravan.platform.shared.persistence.DatabaseMigrations;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.PriceDisplay;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two demo stores of the embedded run, onboarded through the real onboarding path (so they
 * adopt the demo organizations and owners of the imported realm), and their demo staff, invited
 * through the real invite path (so they adopt the realm's demo user and organization membership).
 * Enabled by {@code caravan.demo.enabled}; onboarding and inviting are idempotent, so every start
 * is a no-op after the first.
 */
@ApplicationScoped
public class DemoStores {
    private static final Logger LOG = Logger.getLogger(DemoStores.class.getName());

    static final List<OnboardStoreCommand> STORES = List.of(
            new OnboardStoreCommand(
                    "lisbon-ceramics",
                    "Lisbon Ceramics",
                    "mara@lisbon-ceramics.test",
                    "Mara",
                    "Merchant",
                    "EUR",
                    List.of("PT", "ES", "FR", "DE", "IT", "NL", "BE", "IE"),
                    PriceDisplay.INCLUDING_TAX),
            new OnboardStoreCommand(
                    "osaka-tea",
                    "Osaka Tea House",
                    "kenji@osaka-tea.test",
                    "Kenji",
                    "Merchant",
                    "USD",
                    List.of("US", "GB", "AU", "SG", "CA", "JP"),
                    PriceDisplay.EXCLUDING_TAX));

    /** A demo staff member of a demo store (a user of the imported realm). */
    record DemoStaff(String store, String email, String firstName, String lastName) {}

    static final List<DemoStaff> STAFF =
            List.of(new DemoStaff("lisbon-ceramics", "tomas@lisbon-ceramics.test", "Tomas", "Staff"));

    @Inject
    @ConfigProperty(name = "caravan.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    StoreOnboarding onboarding;

    @Inject
    StoreAccess storeAccess;

    @Inject
    StoreStaff staff;

    void seed(
            @Observes @Priority(DatabaseMigrations.STARTUP_ORDER + 10) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        if (!enabled) {
            return;
        }
        for (OnboardStoreCommand store : STORES) {
            try {
                OnboardingResult result = onboarding.onboard(store, Actor.SYSTEM);
                LOG.info(() -> "Demo store " + store.slug() + (result.created() ? " onboarded" : " already present"));
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "Demo store " + store.slug() + " could not be onboarded now (is Keycloak up?): "
                                + e.getMessage());
            }
        }
        for (DemoStaff member : STAFF) {
            try {
                Optional<StoreContext> store = storeAccess.asPlatform(member.store());
                if (store.isEmpty()) {
                    LOG.warning("Demo store " + member.store() + " is not onboarded; " + member.email()
                            + " becomes its staff on a later start");
                    continue;
                }
                staff.invite(store.get(), member.email(), member.firstName(), member.lastName());
                LOG.info(() -> "Demo staff " + member.email() + " of " + member.store() + " present");
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "Demo staff " + member.email() + " could not be invited now (is Keycloak up?): "
                                + e.getMessage());
            }
        }
    }
}
