package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Carts;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the host lends a plugin, through a real bundle: storage scoped to (store, plugin) that
 * survives upgrades, is atomic under concurrent calls and is gone after uninstall; egress to
 * declared hosts only.
 */
class PluginStorageIT extends PlatformIT {
    private static final String ECHO = "test-echo-tax";
    private static final Pattern CALL = Pattern.compile("call #(\\d+)");

    private Api store(Api admin, String slug, JsonObject configuration, String version) {
        Api owner = Stores.onboardAndSignIn(admin, slug);
        Api.Reply installed = admin.post(
                "api/admin/stores/" + slug + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", ECHO)
                        .add("version", version)
                        .add("configuration", configuration)
                        .build());
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        return owner;
    }

    private static int callNumber(Api owner, String slug) {
        Api.Reply quote = owner.post("api/stores/" + slug + "/tax/quote", Carts.mugs("FR"));
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        Matcher m = CALL.matcher(
                quote.json().getJsonArray("lineTaxes").getJsonObject(0).getString("explanation"));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void storage_is_per_store_survives_an_upgrade_and_is_deleted_on_uninstall() {
        Api admin = admin();
        String a = Stores.uniqueSlug("stoa");
        String b = Stores.uniqueSlug("stob");
        JsonObject counting = Json.createObjectBuilder().add("countCalls", true).build();
        Api ownerA = store(admin, a, counting, "1.0.0");
        Api ownerB = store(admin, b, counting, "1.0.0");

        assertThat(List.of(callNumber(ownerA, a), callNumber(ownerA, a), callNumber(ownerA, a)))
                .containsExactly(1, 2, 3);
        assertThat(callNumber(ownerB, b))
                .as("the same plugin and key in another store is another entry")
                .isEqualTo(1);

        admin.put(
                "api/admin/stores/" + a + "/plugins/" + ECHO + "/version",
                Json.createObjectBuilder().add("version", "1.1.0").build());
        assertThat(callNumber(ownerA, a)).as("entries survive an upgrade").isEqualTo(4);

        // uninstall keeps the data for the retention period: installing again brings it back
        assertThat(admin.delete("api/admin/stores/" + a + "/plugins/" + ECHO).status())
                .isEqualTo(204);
        admin.post(
                "api/admin/stores/" + a + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", ECHO)
                        .add("configuration", counting)
                        .build());
        assertThat(callNumber(ownerA, a)).as("retained data is back").isEqualTo(5);

        // ...unless the merchant asks for it to be deleted now
        assertThat(admin.delete("api/admin/stores/" + a + "/plugins/" + ECHO + "?purgeData=true")
                        .status())
                .isEqualTo(204);
        admin.post(
                "api/admin/stores/" + a + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", ECHO)
                        .add("configuration", counting)
                        .build());
        assertThat(callNumber(ownerA, a))
                .as("uninstall with purgeData deleted the plugin's data")
                .isEqualTo(1);
        assertThat(callNumber(ownerB, b)).isEqualTo(2);

        List<String> details =
                ownerA
                        .get("api/stores/" + a + "/audit")
                        .json()
                        .getJsonArray("items")
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .filter(e -> e.getString("action").equals("plugin.uninstalled"))
                        .map(e -> e.getString("detail", ""))
                        .toList();
        assertThat(details).hasSize(2);
        assertThat(details.get(0)).isEqualTo("1 stored entries deleted at the merchant's request");
        assertThat(details.get(1)).startsWith("stored data kept until ");
    }

    @Test
    void concurrent_calls_never_lose_a_write() throws Exception {
        Api admin = admin();
        String slug = Stores.uniqueSlug("stoc");
        Api owner = store(
                admin, slug, Json.createObjectBuilder().add("countCalls", true).build(), "1.0.0");

        ExecutorService callers = Executors.newFixedThreadPool(6);
        List<Integer> numbers = new ArrayList<>();
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(callers.submit(() -> callNumber(owner, slug)));
            }
            for (Future<Integer> call : calls) {
                numbers.add(call.get());
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    /**
     * The plugin declares the host "localhost" and probes a test server of this class on loopback:
     * by that name it reaches it, by its address (127.0.0.1, the same server, not declared) it is
     * refused and the server receives nothing. The server counts what it receives per path.
     */
    @Test
    void egress_reaches_declared_hosts_and_nothing_else() throws Exception {
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/probe", exchange -> {
            received.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger())
                    .incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            Api admin = admin();
            String ok = Stores.uniqueSlug("egok");
            String denied = Stores.uniqueSlug("egno");
            Api ownerOk = store(
                    admin,
                    ok,
                    Json.createObjectBuilder()
                            .add("probeUrl", "http://localhost:" + port + "/probe/declared")
                            .build(),
                    "1.0.0");
            Api ownerDenied = store(
                    admin,
                    denied,
                    Json.createObjectBuilder()
                            .add("probeUrl", "http://127.0.0.1:" + port + "/probe/undeclared")
                            .build(),
                    "1.0.0");

            Api.Reply refused = ownerDenied.post("api/stores/" + denied + "/tax/quote", Carts.mugs("FR"));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().getString("detail"))
                    .contains("EgressDeniedException")
                    .contains("not among the hosts");

            // control: the declared name reaches the same server, which counts the request
            Api.Reply reached = ownerOk.post("api/stores/" + ok + "/tax/quote", Carts.mugs("FR"));
            assertThat(reached.status()).as(reached.toString()).isEqualTo(200);
            assertThat(reached.json().getJsonArray("lineTaxes").getJsonObject(0).getString("explanation"))
                    .contains("probe 204");
            assertThat(received.get("/probe/declared")).hasValue(1);
            // the refused call had ended before the control began: nothing of it reached the server
            assertThat(received).containsOnlyKeys("/probe/declared");
        } finally {
            server.stop(0);
        }
    }
}
