package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Bundles;
import io.caravan.platform.it.support.Marketplace;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The console's end-to-end journeys (tenant-admin/e2e/run.mjs) in Debian's Chromium against this
 * deployment: the WAR as built (console included) on the real Liberty, signing in at the real
 * Keycloak. The stores and the plugin are prepared here through the API — the ITs run without demo
 * seeding — and the browser does the rest as a store owner would. Screenshots, the axe findings and
 * the first-screen figures: {@code target/e2e/} (e2e-summary.json).
 */
class ConsoleE2EIT extends PlatformIT {
    private static final long TIMEOUT_MINUTES = 6;

    @Test
    void owner_developer_and_admin_journeys_in_the_console() throws Exception {
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String store = Stores.uniqueSlug("console");
        String other = Stores.uniqueSlug("other");
        Stores.onboardAndSignIn(admin, store); // sets the owner's password
        Stores.onboardAndSignIn(admin, other);
        String plugin = Stores.uniqueSlug("echo");
        Marketplace.listed(dev, admin, plugin, Marketplace.free());
        // a listing with no version yet, for the developer's journey: a bad upload, then a good one
        String listing = Stores.uniqueSlug("upload");
        Marketplace.create(dev, listing, Marketplace.free());

        File console = new File(System.getProperty("caravan.it.console.dir", "../tenant-admin"));
        Path out = Path.of(System.getProperty("caravan.it.e2e.out", "target/e2e"));
        Files.createDirectories(out);
        Path log = out.resolve("e2e.log");
        Path bad = out.resolve("bad-import.jar");
        Files.write(
                bad,
                Bundles.renamed(
                        // the build copies every test bundle here (copy-test-bundles); it-dev-plugins holds a few
                        Files.readAllBytes(Path.of("target/test-bundles/caravan-test-bad-import.jar")),
                        "test-bad-import",
                        listing,
                        "com.flow." + listing.replace('-', '.'),
                        "1.0.0"));
        Path good = out.resolve("good.jar");
        Files.write(good, Marketplace.echo(listing, "1.0.1"));
        ProcessBuilder npm = new ProcessBuilder("npm", "run", "--silent", "e2e")
                .directory(console)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        String deployment = base.toString().endsWith("/") ? base.toString() : base + "/";
        npm.environment().put("CONSOLE_URL", deployment + "console/");
        npm.environment().put("OWNER_USER", Stores.ownerEmail(store));
        npm.environment().put("OWNER_PASSWORD", Stores.PASSWORD);
        npm.environment().put("STORE", store);
        npm.environment().put("OTHER_STORE", other);
        npm.environment().put("PLUGIN", plugin);
        npm.environment().put("DEV_LISTING", listing);
        npm.environment().put("BAD_JAR", bad.toAbsolutePath().toString());
        npm.environment().put("GOOD_JAR", good.toAbsolutePath().toString());
        npm.environment().put("OUT", out.toAbsolutePath().toString());
        Process process = npm.start();
        boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished)
                .as("e2e finished within %d min:%n%s", TIMEOUT_MINUTES, output)
                .isTrue();
        assertThat(process.exitValue()).as("e2e exit status:%n%s", output).isZero();
    }
}
