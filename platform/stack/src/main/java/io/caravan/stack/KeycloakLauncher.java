package io.caravan.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one way Caravan starts a local Keycloak, for {@code ./caravan run} and for the platform's
 * integration tests: from an unpacked {@code keycloak-quarkus-dist}, in production mode
 * ({@code kc.sh build} once per set of build options, then {@code start --optimized}), with the
 * Caravan realm imported on the first start, ready when its management port's
 * {@code /health/ready} answers 200 UP.
 */
public final class KeycloakLauncher {
    /** Build-time options baked into lib/quarkus by {@code kc.sh build}. */
    public static final String BUILD_OPTIONS = "--db=dev-file --health-enabled=true";

    public static final String REALM = "caravan";

    /**
     * The build marker of a distribution prepared by {@link KeycloakDistribution}: the run command
     * and the tests both start homes linked to it.
     */
    public static final String SHARED_BUILD_MARKER = "caravan-build.options";

    private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(300);

    /**
     * Where and how to run.
     *
     * @param home          the unpacked distribution (contains bin/kc.sh)
     * @param realmFile     the realm to import on the first start
     * @param log           Keycloak's output (kc.sh build and start) is appended here
     * @param buildLog      kc.sh build's output (may be the same file as {@code log})
     * @param port          HTTP port on 127.0.0.1 (also the token issuer's host)
     * @param managementPort health and metrics port
     * @param buildMarker   file name under lib/ that records the options the build used; the run
     *                      command and the tests keep their own so neither trusts the other's build
     * @param environment   extra environment for the server (e.g. CARAVAN_KEYCLOAK_CLIENT_SECRET)
     */
    public record Settings(
            Path home,
            Path realmFile,
            Path log,
            Path buildLog,
            int port,
            int managementPort,
            String buildMarker,
            Map<String, String> environment) {
        public Settings {
            home = home.toAbsolutePath();
            realmFile = realmFile.toAbsolutePath();
            log = log.toAbsolutePath();
            buildLog = buildLog.toAbsolutePath();
            environment = Map.copyOf(environment);
        }
    }

    private final Settings settings;
    private Process process;

    public KeycloakLauncher(Settings settings) {
        this.settings = settings;
    }

    /**
     * Unpacks {@code org.keycloak:keycloak-quarkus-dist:version:zip} through Maven (which downloads
     * it once into the local repository) into {@code into}, unless it is there already.
     *
     * @return the distribution's home, {@code into/keycloak-<version>}
     */
    public static Path unpack(String maven, String version, Path into, Path log) {
        Path home = into.toAbsolutePath().resolve("keycloak-" + version);
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))
                && Files.isRegularFile(home.resolve("lib/quarkus-run.jar"))) {
            return home;
        }
        // Standalone (-N): the platform module's own unpack-keycloak execution is not involved.
        List<String> command = List.of(
                maven,
                "-B",
                "-ntp",
                "-Dstyle.color=never",
                "-N",
                "dependency:unpack",
                "-Dartifact=org.keycloak:keycloak-quarkus-dist:" + version + ":zip",
                "-DoutputDirectory=" + into.toAbsolutePath(),
                "-Dmdep.overWriteReleases=true");
        Processes.append(log, "\n==== " + String.join(" ", command) + "\n");
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            int exit = p.waitFor();
            if (exit != 0) {
                throw new StackException(
                        "could not unpack Keycloak " + version + " through Maven (exit " + exit + ")", log);
            }
        } catch (IOException e) {
            throw new StackException("could not run Maven (" + maven + "): " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while unpacking Keycloak", log);
        }
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new StackException("Keycloak was unpacked but " + home.resolve("bin/kc.sh") + " is missing", log);
        }
        return home;
    }

    public Settings settings() {
        return settings;
    }

    /** Base URL, e.g. {@code http://127.0.0.1:8180} (also the token issuer's host). */
    public String url() {
        return "http://127.0.0.1:" + settings.port();
    }

    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** The kc.sh process while running. */
    public synchronized Process process() {
        return process;
    }

    /** True when Keycloak has a database already (its dev-file H2), i.e. a realm was imported before. */
    public boolean hasDatabase() {
        Path h2 = settings.home().resolve("data/h2");
        try (Stream<Path> files = Files.exists(h2) ? Files.list(h2) : Stream.empty()) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".mv.db"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Drops Keycloak's database, so the next start imports exactly the realm file. */
    public void deleteDatabase() {
        deleteRecursively(settings.home().resolve("data/h2"));
        deleteRecursively(settings.home().resolve("data/transaction-logs"));
    }

    /** True until {@code kc.sh build} has run with {@link #BUILD_OPTIONS} for this launcher's marker. */
    public boolean needsBuild() {
        Path marker = settings.home().resolve("lib").resolve(settings.buildMarker());
        try {
            return !Files.exists(marker) || !Files.readString(marker).equals(BUILD_OPTIONS);
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * {@code kc.sh build} when {@link #needsBuild()}; then the realm file goes to data/import.
     * Returns true when it built.
     */
    public boolean prepare() {
        boolean built = false;
        try {
            if (needsBuild()) {
                build(settings.home(), settings.buildLog(), settings.buildMarker());
                built = true;
            }
            Path importDir = Files.createDirectories(settings.home().resolve("data/import"));
            Files.copy(
                    settings.realmFile(),
                    importDir.resolve(REALM + "-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Keycloak in " + settings.home(), e);
        }
        return built;
    }

    /**
     * Runs {@code kc.sh build} with {@link #BUILD_OPTIONS} in {@code home}, then records the options
     * in {@code lib/<marker>}.
     */
    static void build(Path home, Path log, String marker) throws IOException {
        List<String> command = new ArrayList<>(List.of(kcScript(home).toString(), "build"));
        command.addAll(List.of(BUILD_OPTIONS.split(" ")));
        Processes.append(log, "\n==== " + String.join(" ", command) + "\n");
        Process build = processBuilder(home, command, log, false, Map.of()).start();
        if (!Processes.waitFor(build, BUILD_TIMEOUT)) {
            Processes.stopTree(build, Duration.ofSeconds(10));
            throw new StackException("kc.sh build did not finish in " + BUILD_TIMEOUT.toSeconds() + " s", log);
        }
        if (build.exitValue() != 0) {
            throw new StackException("kc.sh build failed (exit " + build.exitValue() + ")", log);
        }
        Files.writeString(home.resolve("lib").resolve(marker), BUILD_OPTIONS);
    }

    /**
     * Starts {@code kc.sh start --optimized} in the background (call {@link #prepare()} first);
     * {@code importRealm} adds {@code --import-realm}, which skips a realm that exists already.
     */
    public synchronized void start(boolean importRealm) {
        if (running()) {
            return;
        }
        for (int p : List.of(settings.port(), settings.managementPort())) {
            if (Processes.portTaken(p)) {
                String owner = Processes.portOwner(p);
                throw new StackException(
                        "port " + p + " on 127.0.0.1 is already in use" + (owner.isEmpty() ? "" : " by " + owner)
                                + " - a Keycloak left over from an earlier run? Stop it first.",
                        null);
            }
        }
        List<String> command = new ArrayList<>(List.of(
                kcScript().toString(),
                "start",
                "--optimized",
                "--cache=local",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + settings.port(),
                "--hostname=" + url(),
                "--http-management-port=" + settings.managementPort()));
        if (importRealm) {
            command.add("--import-realm");
        }
        Processes.append(settings.log(), "\n==== " + String.join(" ", command) + "\n");
        try {
            process = processBuilder(command, settings.log(), true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + settings.home(), e);
        }
    }

    /** Waits until {@code /health/ready} on the management port answers 200 UP. */
    public void awaitReady(Duration timeout) {
        String ready = "http://127.0.0.1:" + settings.managementPort() + "/health/ready";
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 100;
        while (true) {
            Process current = process();
            if (current == null || !current.isAlive()) {
                throw new StackException(
                        "Keycloak exited" + (current == null ? "" : " (code " + current.exitValue() + ")")
                                + " before it was ready",
                        settings.log());
            }
            var response = Processes.get(ready);
            if (response.isPresent()
                    && response.get().statusCode() == 200
                    && response.get().body().contains("UP")) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new StackException(
                        "Keycloak was not ready after " + timeout.toSeconds() + " s (health: " + ready + ")",
                        settings.log());
            }
            Processes.sleep(pause);
            pause = Math.min(pause * 2, 1000);
        }
    }

    /** Stops the server (the kc.sh shell and its JVM; SIGTERM shuts it down cleanly) and waits for both. */
    public void stop(Duration timeout) {
        Process current;
        synchronized (this) {
            current = process;
            process = null;
        }
        if (current != null) {
            Processes.stopTree(current, timeout);
        }
    }

    private ProcessBuilder processBuilder(List<String> command, Path log, boolean server) {
        return processBuilder(settings.home(), command, log, server, settings.environment());
    }

    private static ProcessBuilder processBuilder(
            Path home, List<String> command, Path log, boolean server, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        Processes.cleanJavaEnvironment(env);
        // Java 25: Keycloak's shutdown otherwise fails with an InaccessibleObjectException.
        String append = env.getOrDefault("JAVA_OPTS_APPEND", "");
        env.put(
                "JAVA_OPTS_APPEND",
                (append.isBlank() ? "" : append + " ") + "--add-opens=java.base/java.lang=ALL-UNNAMED");
        if (server) {
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            extra.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            extra.putAll(environment);
            env.putAll(extra);
        }
        return builder;
    }

    private Path kcScript() {
        return kcScript(settings.home());
    }

    private static Path kcScript(Path home) {
        Path script = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(script)) {
            throw new StackException("no Keycloak distribution at " + home + " (missing bin/kc.sh)", null);
        }
        try (Stream<Path> scripts = Files.list(script.getParent())) {
            scripts.filter(f -> f.toString().endsWith(".sh"))
                    .forEach(f -> f.toFile().setExecutable(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + path, e);
        }
    }
}
