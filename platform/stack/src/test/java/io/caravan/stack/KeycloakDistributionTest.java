package io.caravan.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-machine Keycloak cache, with a fake distribution whose {@code kc.sh build} appends a line
 * to {@code lib/quarkus/built.txt}: what is built how often, what a clone's home shares and keeps.
 */
class KeycloakDistributionTest {
    private static final String VERSION = "9.9.9";

    @TempDir
    Path dir;

    private final AtomicInteger unpacks = new AtomicInteger();

    private Path zip() throws IOException {
        Path zip = dir.resolve("dist.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream entries = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            String root = "keycloak-" + VERSION + "/";
            entries.putNextEntry(new ZipEntry(root + "bin/kc.sh"));
            entries.write("#!/bin/sh\nmkdir -p lib/quarkus && echo \"$@\" >> lib/quarkus/built.txt\n"
                    .getBytes(StandardCharsets.UTF_8));
            entries.putNextEntry(new ZipEntry(root + "lib/quarkus-run.jar"));
            entries.write(new byte[] {1, 2, 3});
            entries.putNextEntry(new ZipEntry(root + "themes/"));
        }
        return zip;
    }

    private KeycloakDistribution.Unpacker counting(Path zip) {
        KeycloakDistribution.Unpacker fromZip = KeycloakDistribution.fromZip(zip);
        return into -> {
            unpacks.incrementAndGet();
            fromZip.unpackInto(into);
        };
    }

    @Test
    void the_cache_root_is_caravan_cache_then_xdg_then_the_home_cache() {
        assertThat(KeycloakDistribution.cacheRoot(Map.of("CARAVAN_CACHE", "/c", "XDG_CACHE_HOME", "/x")))
                .isEqualTo(Path.of("/c"));
        assertThat(KeycloakDistribution.cacheRoot(Map.of("XDG_CACHE_HOME", "/x")))
                .isEqualTo(Path.of("/x/caravan"));
        assertThat(KeycloakDistribution.cacheRoot(Map.of("CARAVAN_CACHE", " ")))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "caravan"));
    }

    @Test
    void a_distribution_is_unpacked_and_built_once_per_machine_and_version() throws Exception {
        Path cache = dir.resolve("cache");
        Path zip = zip();
        Path log = dir.resolve("build.log");

        Path first = KeycloakDistribution.prepared(cache, VERSION, counting(zip), log);
        Path second = KeycloakDistribution.prepared(cache, VERSION, counting(zip), log);

        assertThat(second).isEqualTo(first).isEqualTo(KeycloakDistribution.preparedPath(cache, VERSION));
        assertThat(unpacks).hasValue(1);
        assertThat(Files.readAllLines(first.resolve("lib/quarkus/built.txt")))
                .containsExactly("build " + KeycloakLauncher.BUILD_OPTIONS);
        assertThat(first.resolve("lib").resolve(KeycloakLauncher.SHARED_BUILD_MARKER))
                .hasContent(KeycloakLauncher.BUILD_OPTIONS);
        // Nothing half-made is left beside it.
        try (var entries = Files.list(cache)) {
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".staging")))
                    .isEmpty();
        }
    }

    @Test
    void processes_asking_at_once_get_one_build() throws Exception {
        Path cache = dir.resolve("cache");
        Path zip = zip();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Path> ask =
                        () -> KeycloakDistribution.prepared(cache, VERSION, counting(zip), dir.resolve("b.log"));
                answers.add(pool.submit(ask));
            }
            for (Future<Path> answer : answers) {
                assertThat(answer.get()).isEqualTo(KeycloakDistribution.preparedPath(cache, VERSION));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(unpacks).hasValue(1);
        assertThat(Files.readAllLines(
                        KeycloakDistribution.preparedPath(cache, VERSION).resolve("lib/quarkus/built.txt")))
                .hasSize(1);
    }

    @Test
    void a_failed_build_leaves_nothing_that_looks_prepared() throws IOException {
        Path cache = dir.resolve("cache");
        KeycloakDistribution.Unpacker broken = into -> {
            try {
                Path bin = Files.createDirectories(into.resolve("keycloak-" + VERSION + "/bin"));
                Files.writeString(bin.resolve("kc.sh"), "#!/bin/sh\nexit 3\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        assertThatThrownBy(() -> KeycloakDistribution.prepared(cache, VERSION, broken, dir.resolve("b.log")))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("exit 3");
        assertThat(KeycloakDistribution.preparedPath(cache, VERSION)).doesNotExist();

        // The next attempt with a good distribution builds it.
        KeycloakDistribution.prepared(cache, VERSION, counting(zip()), dir.resolve("b.log"));
        assertThat(unpacks).hasValue(1);
    }

    @Test
    void a_home_links_the_prepared_files_and_keeps_its_own_data() throws Exception {
        Path prepared = KeycloakDistribution.prepared(dir.resolve("cache"), VERSION, counting(zip()), dir.resolve("l"));
        Path home = dir.resolve("clone/keycloak");

        assertThat(KeycloakDistribution.instantiate(prepared, home)).isTrue();
        assertThat(Files.isSameFile(home.resolve("lib/quarkus-run.jar"), prepared.resolve("lib/quarkus-run.jar")))
                .isTrue();
        assertThat(home.resolve("bin/kc.sh")).isExecutable();
        assertThat(home.resolve("themes")).isDirectory();
        assertThat(new KeycloakLauncher(new KeycloakLauncher.Settings(
                                home,
                                Files.writeString(dir.resolve("realm.json"), "{}"),
                                dir.resolve("kc.log"),
                                dir.resolve("kc.log"),
                                1,
                                2,
                                KeycloakLauncher.SHARED_BUILD_MARKER,
                                Map.of()))
                        .needsBuild())
                .as("a linked home is built already")
                .isFalse();

        // Keycloak's database lives in data/, the home's own; a second start keeps it and relinks nothing.
        Path db = Files.createDirectories(home.resolve("data/h2")).resolve("keycloakdb.mv.db");
        Files.writeString(db, "realm");
        assertThat(KeycloakDistribution.instantiate(prepared, home)).isFalse();
        assertThat(db).hasContent("realm");
        assertThat(prepared.resolve("data")).doesNotExist();
    }

    @Test
    void a_home_from_another_distribution_is_remade_around_its_data() throws Exception {
        Path prepared = KeycloakDistribution.prepared(dir.resolve("cache"), VERSION, counting(zip()), dir.resolve("l"));
        Path home = Files.createDirectories(dir.resolve("old-home"));
        // An older clone's own unpacked copy: no origin file, a stale jar, its database.
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/stale.jar"), "old");
        Files.createDirectories(home.resolve("data/h2"));
        Files.writeString(home.resolve("data/h2/keycloakdb.mv.db"), "realm");

        assertThat(KeycloakDistribution.instantiate(prepared, home)).isTrue();

        assertThat(home.resolve("lib/stale.jar")).doesNotExist();
        assertThat(home.resolve("lib/quarkus-run.jar")).exists();
        assertThat(home.resolve("data/h2/keycloakdb.mv.db")).hasContent("realm");
    }

    @Test
    void a_zip_entry_outside_its_folder_is_refused() throws IOException {
        Path zip = dir.resolve("evil.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream entries = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entries.putNextEntry(new ZipEntry("../escaped.txt"));
            entries.write(1);
        }
        Path into = Files.createDirectories(dir.resolve("into"));
        assertThatThrownBy(() -> KeycloakDistribution.fromZip(zip).unpackInto(into))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("unsafe entry");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }
}
