package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Bundles;
import io.caravan.platform.it.support.Carts;
import io.caravan.platform.it.support.Marketplace;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The trust tiers on the running server: an upload's dry run runs in a sandbox process (a bundle
 * that spins in its health check is killed and the upload rejected), uncertified versions answer a
 * store's tax quotes from sandbox workers, a hung call is ended by killing its worker while another
 * store's calls keep answering, and certification moves a version into the platform's JVM.
 */
class SandboxIT extends PlatformIT {
    private static final Path TEST_BUNDLES = Path.of("target/test-bundles");

    private Api storeWithQuoteKey(Api admin, String slug) {
        Api owner = Stores.onboardAndSignIn(admin, slug);
        Api.Reply key = owner.post(
                "api/stores/" + slug + "/api-keys",
                Json.createObjectBuilder()
                        .add("name", "checkout")
                        .add("scopes", Json.createArrayBuilder().add("tax:quote"))
                        .build());
        assertThat(key.status()).isEqualTo(201);
        return anonymous().withApiKey(key.json().getString("key"));
    }

    private static Api.Reply install(Api admin, String store, String plugin, String configuration) {
        return admin.post(
                "api/admin/stores/" + store + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", plugin)
                        .add(
                                "configuration",
                                Json.createReader(new java.io.StringReader(configuration))
                                        .readObject())
                        .build());
    }

    private static JsonObject release(Api admin, String id) {
        for (JsonValue r : admin.get("api/admin/plugins/releases").parse().asJsonArray()) {
            if (r.asJsonObject().getString("id").equals(id)) {
                return r.asJsonObject();
            }
        }
        throw new AssertionError("no release " + id);
    }

    @Test
    void the_node_reports_its_sandbox_walls() {
        JsonObject sandbox = admin().get("api/admin/plugins/node").json().getJsonObject("sandbox");
        assertThat(sandbox.getBoolean("runsUncertified")).isTrue();
        // the integration tests run as root on Linux: every wall must be up
        assertThat(sandbox.getString("walls")).startsWith("ISOLATED").doesNotContain("missing");
    }

    @Test
    void an_upload_whose_health_check_spins_forever_is_rejected_and_its_process_killed() throws Exception {
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String slug = Stores.uniqueSlug("spin");
        Marketplace.create(dev, slug, Marketplace.free());
        byte[] spinning = Bundles.renamed(
                Files.readAllBytes(TEST_BUNDLES.resolve("caravan-test-spinning.jar")),
                "test-spinning",
                slug,
                "com.spin." + slug.replace('-', '.'),
                "1.0.0");
        long started = System.nanoTime();
        Api.Reply uploaded = dev.upload("api/developer/listings/" + slug + "/versions", spinning, Marketplace.JAR);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(422);
        assertThat(uploaded.body()).contains("no answer within 10 s");
        assertThat(millis).isLessThan(25_000);
        // the dry run's worker is gone: no process of the test's server still runs it. (The node's
        // worker count is not compared: the periodic plugin health checks of other suites' sandboxed
        // installations start and keep workers of their own at any moment.)
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains("SandboxWorker"))
                        .filter(p -> p.info()
                                .totalCpuDuration()
                                .map(d -> d.toSeconds() >= 9)
                                .orElse(false)))
                .as("a sandbox worker that burnt the 10 s of the spinning health check")
                .isEmpty();
    }

    @Test
    void a_class_hidden_in_a_resource_or_a_directory_entry_is_refused_at_upload() throws Exception {
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        for (String hidingPlace :
                List.of("rates/table.bin", "META-INF/versions/21/io/x/Hidden", "io/x/Hidden.class/")) {
            String slug = Stores.uniqueSlug("hide");
            Marketplace.create(dev, slug, Marketplace.free());
            byte[] jar = withEntry(Marketplace.echo(slug, "1.0.0"), hidingPlace);
            Api.Reply uploaded = dev.upload("api/developer/listings/" + slug + "/versions", jar, Marketplace.JAR);
            assertThat(uploaded.status()).as(hidingPlace + ": " + uploaded).isEqualTo(422);
            assertThat(uploaded.body()).as(hidingPlace).contains("archive.hidden-class");
        }
    }

    /** The jar with one more entry holding the bytes of one of its own classes. */
    private static byte[] withEntry(byte[] jar, String name) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] someClass = null;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(jar));
                java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            java.util.zip.ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (someClass == null && entry.getName().endsWith(".class")) {
                    someClass = content;
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
            zip.putNextEntry(new java.util.zip.ZipEntry(name));
            zip.write(someClass);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void an_uncertified_version_answers_from_the_sandbox_and_certification_moves_it_in_process() {
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        Api admin = admin();
        String slug = Stores.uniqueSlug("tiers");
        Marketplace.create(dev, slug, Marketplace.free());
        String release = Marketplace.publish(dev, admin, slug, "1.0.0");
        String store = Stores.uniqueSlug("tiers-store");
        Api checkout = storeWithQuoteKey(admin, store);
        Api owner = admin.withToken(Stores.signIn(Stores.ownerEmail(store)));
        Marketplace.install(owner, store, slug);
        JsonObject installation = owner.get("api/stores/" + store + "/plugins").parse().asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(i -> i.getString("pluginId").equals(slug))
                .findFirst()
                .orElseThrow();
        assertThat(installation.getString("runsIn")).isEqualTo("SANDBOX");

        Api.Reply sandboxed = checkout.post("api/stores/" + store + "/tax/quote", Carts.mugs("FR"));
        assertThat(sandboxed.status()).as(sandboxed.toString()).isEqualTo(200);
        assertThat(release(admin, release).getString("runsOnThisNodeIn")).isEqualTo("SANDBOX");

        Api.Reply certified =
                admin.post("api/admin/marketplace/versions/" + release + "/certify", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(certified.status()).as(certified.toString()).isEqualTo(200);
        assertThat(certified.json().getBoolean("certified")).isTrue();

        Api.Reply inProcess = checkout.post("api/stores/" + store + "/tax/quote", Carts.mugs("FR"));
        assertThat(inProcess.status()).isEqualTo(200);
        assertThat(inProcess.body()).isEqualTo(sandboxed.body());
        assertThat(release(admin, release).getString("runsOnThisNodeIn")).isEqualTo("IN_PROCESS");
        assertThat(owner.get("api/stores/" + store + "/plugins").parse().asJsonArray().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(i -> i.getString("pluginId").equals(slug))
                        .findFirst()
                        .orElseThrow()
                        .getString("runsIn"))
                .isEqualTo("IN_PROCESS");

        // a development build or a rejected version cannot be certified; a stranger cannot certify
        Api.Reply byDeveloper =
                dev.post("api/admin/marketplace/versions/" + release + "/decertify", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(byDeveloper.status()).isEqualTo(403);
        Api.Reply decertified =
                admin.post("api/admin/marketplace/versions/" + release + "/decertify", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(decertified.json().getBoolean("certified")).isFalse();
        assertThat(checkout.post("api/stores/" + store + "/tax/quote", Carts.mugs("FR"))
                        .body())
                .isEqualTo(sandboxed.body());
        assertThat(release(admin, release).getString("runsOnThisNodeIn")).isEqualTo("SANDBOX");
    }

    @Test
    void a_hung_sandboxed_call_is_ended_by_killing_its_worker_while_another_store_keeps_answering() throws Exception {
        Api admin = admin();
        String hung = Stores.uniqueSlug("hung");
        String calm = Stores.uniqueSlug("calm");
        Api checkoutHung = storeWithQuoteKey(admin, hung);
        Api checkoutCalm = storeWithQuoteKey(admin, calm);
        // development builds from the test server's dev folder: uncertified, so they run sandboxed
        assertThat(install(admin, hung, "test-misbehaving", "{\"mode\":\"spin\",\"millis\":60000}")
                        .status())
                .isEqualTo(201);
        assertThat(install(admin, calm, "test-echo-tax", "{}").status()).isEqualTo(201);
        String expected = checkoutCalm
                .post("api/stores/" + calm + "/tax/quote", Carts.mugs("FR"))
                .body();

        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            long started = System.nanoTime();
            Future<Api.Reply> stuck =
                    callers.submit(() -> checkoutHung.post("api/stores/" + hung + "/tax/quote", Carts.mugs("FR")));
            List<Future<Api.Reply>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(
                        callers.submit(() -> checkoutCalm.post("api/stores/" + calm + "/tax/quote", Carts.mugs("FR"))));
            }
            Api.Reply failed = stuck.get();
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(failed.status()).as(failed.toString()).isEqualTo(503);
            assertThat(failed.json().getString("detail")).contains("deadline");
            assertThat(millis).as("a 60 s spin ended at the 1 s deadline").isLessThan(10_000);
            for (Future<Api.Reply> answer : answers) {
                Api.Reply reply = answer.get();
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                assertThat(reply.body()).isEqualTo(expected);
            }
        } finally {
            callers.shutdownNow();
        }
        // the spinning worker was killed, not left burning a core: no sandbox process has spun for 60 s
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains("SandboxWorker"))
                        .filter(p -> p.info()
                                .totalCpuDuration()
                                .map(d -> d.toSeconds() >= 30)
                                .orElse(false)))
                .isEmpty();
    }
}
