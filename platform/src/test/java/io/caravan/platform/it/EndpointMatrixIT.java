package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.matrix.EndpointMatrix;
import io.caravan.platform.it.matrix.EndpointTable;
import io.caravan.platform.it.matrix.Entry;
import io.caravan.platform.it.matrix.MatrixFixture;
import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.PlatformIT;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the deployed API (as its OpenAPI document lists them) against every kind of
 * caller: the target store's owner as the control, its staff, another store's owner and API key,
 * the store's own keys with and without the scope, the owner and key of a suspended store, a
 * plugin developer and another developer, the platform admin, no credentials, a self-signed, a
 * tampered, an unsigned and an expired token, and an API key nobody issued. Each cell has one
 * declared status ({@link EndpointTable}); an operation without an entry, or an entry without an
 * operation, fails. Refusals are problem documents without the target's data, and after all
 * refused calls the target stores and listings are exactly as before.
 */
class EndpointMatrixIT extends PlatformIT {
    private static MatrixFixture fixture;

    private MatrixFixture fixture() {
        synchronized (EndpointMatrixIT.class) {
            if (fixture == null) {
                long begin = System.nanoTime();
                fixture = MatrixFixture.create(anonymous());
                System.out.printf("Endpoint matrix fixture made in %.1f s%n", (System.nanoTime() - begin) / 1e9);
            }
            return fixture;
        }
    }

    @Test
    void every_operation_answers_every_caller_as_declared_and_refusals_change_nothing() {
        Set<String> documented = EndpointMatrix.documentedOperations(base);
        Set<String> declared = new TreeSet<>();
        EndpointTable.ENTRIES.forEach(e -> assertThat(declared.add(e.key()))
                .as("declared twice: " + e.key())
                .isTrue());
        List<String> failures = new ArrayList<>();
        documented.stream()
                .filter(op -> !declared.contains(op))
                .forEach(op -> failures.add(op + " is in the OpenAPI document but has no entry in EndpointTable"));
        declared.stream()
                .filter(op -> !documented.contains(op))
                .forEach(op -> failures.add(op + " has an entry in EndpointTable but is not in the OpenAPI document"));
        assertThat(documented.stream().filter(op -> op.contains(" /api/stores/{store}")))
                .as("store-scoped operations documented")
                .isNotEmpty();

        MatrixFixture f = fixture();
        EndpointMatrix.awaitExpiry(f);
        long begin = System.nanoTime();
        List<Entry> entries = EndpointTable.ENTRIES.stream()
                .filter(e -> documented.contains(e.key()))
                .toList();
        EndpointMatrix.Result result = EndpointMatrix.run(f, entries);
        Path grid = Path.of("target", "endpoint-matrix-" + System.getProperty("caravan.it.db", "h2") + ".txt");
        try {
            Files.writeString(grid, result.table());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf(
                "Endpoint matrix: %d operations, %d cells in %.1f s; the statuses in %s%n",
                entries.size(), result.cells(), (System.nanoTime() - begin) / 1e9, grid);
        failures.addAll(result.failures());
        assertThat(failures)
                .as("failing cells out of " + result.cells() + " (operations documented: " + documented.size() + ")")
                .isEmpty();
    }

    @Test
    void the_other_developer_sees_only_their_own_listings_stats_and_earnings() {
        MatrixFixture f = fixture();
        Api dev = f.dev;
        Api ines = f.otherDev;

        assertThat(slugs(ines.get("api/developer/listings"), "slug"))
                .as("ines' listings")
                .contains(f.otherDevListing)
                .doesNotContain(f.listing, f.moderated);
        assertThat(slugs(dev.get("api/developer/listings"), "slug"))
                .as("dev's listings (the control)")
                .contains(f.listing, f.moderated)
                .doesNotContain(f.otherDevListing);

        // each sees their own listing's stats, and the other's listing does not exist for them
        JsonObject inesStats = ok(ines.get("api/developer/listings/" + f.otherDevListing + "/stats"));
        assertThat(inesStats.getInt("installs"))
                .as("the other store installed ines' listing")
                .isEqualTo(1);
        assertThat(dev.get("api/developer/listings/" + f.otherDevListing + "/stats")
                        .status())
                .isEqualTo(404);
        assertThat(dev.get("api/developer/listings/" + f.otherDevListing + "/reviews")
                        .status())
                .isEqualTo(404);
        assertThat(dev.get("api/developer/listings/" + f.otherDevListing + "/versions")
                        .status())
                .isEqualTo(404);

        // earnings: each developer's own listings only, net of the platform's share
        JsonObject inesEarnings = ok(ines.get("api/developer/earnings"));
        List<JsonObject> inesLines = inesEarnings.getJsonArray("lines").getValuesAs(JsonObject.class);
        assertThat(inesLines).extracting(l -> l.getString("slug")).containsOnly(f.otherDevListing);
        JsonObject line = inesLines.get(0);
        assertThat(line.getString("currency")).isEqualTo("EUR");
        assertThat(line.getJsonNumber("grossMinor").longValue()).isEqualTo(1500);
        assertThat(line.getJsonNumber("platformFeeMinor").longValue()).isEqualTo(300);
        assertThat(line.getJsonNumber("netMinor").longValue()).isEqualTo(1200);

        List<String> devLines =
                ok(dev.get("api/developer/earnings")).getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                        .map(l -> l.getString("slug"))
                        .toList();
        assertThat(devLines).as("dev's earnings").contains(f.listing).doesNotContain(f.otherDevListing);
    }

    private static JsonObject ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> slugs(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.parse().asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString(field))
                .toList();
    }
}
