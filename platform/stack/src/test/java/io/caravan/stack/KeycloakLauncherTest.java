package io.caravan.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher decides before it runs anything: no Keycloak is started here. */
class KeycloakLauncherTest {
    @TempDir
    Path dir;

    private KeycloakLauncher launcher(int port, int managementPort) throws IOException {
        Path home = Files.createDirectories(dir.resolve("keycloak-x"));
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("bin/kc.sh"), "#!/bin/sh\nexit 0\n");
        Path realm = Files.writeString(dir.resolve("realm.json"), "{}");
        return new KeycloakLauncher(new KeycloakLauncher.Settings(
                home,
                realm,
                dir.resolve("kc.log"),
                dir.resolve("kc.log"),
                port,
                managementPort,
                "test-build.options",
                Map.of()));
    }

    @Test
    void buildsOnceForItsOwnMarkerAndOptions() throws IOException {
        KeycloakLauncher keycloak = launcher(1, 2);
        assertThat(keycloak.needsBuild()).isTrue();
        Path marker = keycloak.settings().home().resolve("lib/test-build.options");
        Files.writeString(marker, "--db=dev-mem");
        assertThat(keycloak.needsBuild()).as("other build options").isTrue();
        Files.writeString(marker, KeycloakLauncher.BUILD_OPTIONS);
        assertThat(keycloak.needsBuild()).isFalse();
        assertThat(keycloak.prepare()).as("nothing to build").isFalse();
        assertThat(keycloak.settings().home().resolve("data/import/caravan-realm.json"))
                .hasContent("{}");
    }

    @Test
    void knowsWhetherARealmWasImportedBefore() throws IOException {
        KeycloakLauncher keycloak = launcher(1, 2);
        assertThat(keycloak.hasDatabase()).isFalse();
        Path h2 = Files.createDirectories(keycloak.settings().home().resolve("data/h2"));
        Files.writeString(h2.resolve("keycloakdb.mv.db"), "");
        assertThat(keycloak.hasDatabase()).isTrue();
        keycloak.deleteDatabase();
        assertThat(keycloak.hasDatabase()).isFalse();
    }

    @Test
    void refusesToStartOnATakenPort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            KeycloakLauncher keycloak = launcher(taken.getLocalPort(), 2);
            assertThatThrownBy(() -> keycloak.start(true))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
            assertThat(keycloak.running()).isFalse();
        }
    }

    @Test
    void unpackKeepsAnUnpackedDistribution() throws IOException {
        Path home = Files.createDirectories(dir.resolve("dist/keycloak-9.9.9"));
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("bin/kc.sh"), "");
        Files.writeString(home.resolve("lib/quarkus-run.jar"), "");
        // No Maven is run: "no-such-maven" would fail.
        assertThat(KeycloakLauncher.unpack("no-such-maven", "9.9.9", dir.resolve("dist"), dir.resolve("b.log")))
                .isEqualTo(home.toAbsolutePath());
    }
}
