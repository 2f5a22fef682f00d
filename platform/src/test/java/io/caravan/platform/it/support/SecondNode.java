package io.caravan.platform.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A second Liberty node next to the one Arquillian manages, started by the test itself: a server
 * {@code caravan-it-b} in the same Liberty installation, with the same configuration files and the
 * packaged WAR (as {@code apps/caravan.war}, the repository's server.xml), the same environment
 * (database, Keycloak, artifact store) except its ports, its own plugin working directory (its Felix
 * cache and sandbox) and no development plugin folder. Stopped by {@link #close()}.
 */
public final class SecondNode implements AutoCloseable {
    public static final String SERVER = "caravan-it-b";
    private static final Set<String> NOT_COPIED =
            Set.of("server.xml", "apps", "dropins", "logs", "workarea", "tranlog", "data", "plugins", "felix-cache");
    private static final Duration START_DEADLINE = Duration.ofSeconds(240);

    private final Path wlp;
    private final int httpPort;
    private final ProcessBuilder starter;

    private SecondNode(Path wlp, int httpPort, ProcessBuilder starter) {
        this.wlp = wlp;
        this.httpPort = httpPort;
        this.starter = starter;
    }

    /** Creates, starts and waits for the second node to be ready (its readiness check answers UP). */
    public static SecondNode start(int httpPort, int httpsPort) {
        return start(httpPort, httpsPort, Map.of());
    }

    /**
     * As {@link #start(int, int)}, with more environment for the node (settings of this node only,
     * e.g. {@code CARAVAN_ONBOARDING_REAP_AFTER}).
     */
    public static SecondNode start(int httpPort, int httpsPort, Map<String, String> environment) {
        // PostgreSQL only (H2's embedded file admits one process): the suites that start a second
        // node are in the PostgreSQL execution only, so this never fails by being in the wrong one
        if (!"postgresql".equals(System.getProperty("caravan.it.db"))) {
            throw new IllegalStateException(
                    "two nodes share a PostgreSQL database; caravan.it.db is " + System.getProperty("caravan.it.db"));
        }
        Path wlp = Path.of(System.getProperty("caravan.it.liberty.home", "target/liberty/wlp"));
        Path servers = wlp.resolve("usr/servers");
        Path source = servers.resolve("caravan-it");
        Path target = servers.resolve(SERVER);
        Path war = Path.of(System.getProperty("caravan.it.war", "target/caravan.war"));
        Path serverXml =
                war.toAbsolutePath().getParent().getParent().getParent().resolve("server.xml");
        Path workDir = nodeWorkDir();
        try {
            deleteTree(target);
            deleteTree(workDir);
            Files.createDirectories(target.resolve("apps"));
            try (Stream<Path> entries = Files.list(source)) {
                for (Path entry : entries.toList()) {
                    if (!NOT_COPIED.contains(entry.getFileName().toString())) {
                        copyTree(entry, target.resolve(entry.getFileName().toString()));
                    }
                }
            }
            Files.copy(serverXml, target.resolve("server.xml"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(war, target.resolve("apps/caravan.war"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the second node's server " + target, e);
        }
        ProcessBuilder start = new ProcessBuilder(wlp.resolve("bin/server").toString(), "start", SERVER)
                .redirectErrorStream(true)
                .redirectOutput(
                        wlp.resolve("usr/servers/" + SERVER + ".start.log").toFile());
        Map<String, String> env = start.environment();
        env.put("CARAVAN_HTTP_PORT", Integer.toString(httpPort));
        env.put("CARAVAN_HTTPS_PORT", Integer.toString(httpsPort));
        env.put("CARAVAN_PLUGINS_WORK_DIR", workDir.toString());
        env.remove("CARAVAN_PLUGINS_DEV_DIR");
        // Only this node reaps abandoned onboardings often (node A keeps the default minute).
        env.put("CARAVAN_ONBOARDING_REAP_EVERY", "PT1S");
        env.putAll(environment);
        SecondNode node = new SecondNode(wlp, httpPort, start);
        node.startAndAwaitReady();
        return node;
    }

    private void startAndAwaitReady() {
        // Its exit status only says whether the server came up within the script's own wait; the
        // readiness check below is what counts.
        run(starter, "server start " + SERVER, false);
        awaitReady();
    }

    /**
     * Kills the node's JVM with SIGKILL (kill -9: no shutdown hook, no transaction completion, no
     * connection closed cleanly) and waits until it is gone.
     *
     * @return the killed process, whose start time tells its sandbox workers from a later run's
     */
    public ProcessHandle kill() {
        ProcessHandle server =
                process().orElseThrow(() -> new IllegalStateException("no running JVM of the server " + SERVER));
        server.destroyForcibly();
        try {
            server.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the killed server " + SERVER + " did not exit", e);
        }
        return server;
    }

    /** Starts the node again after {@link #kill()} (same directories, same environment) and waits until ready. */
    public void restart() {
        startAndAwaitReady();
    }

    /** The node's server JVM (Liberty's launcher runs {@code ws-server.jar <server name>}), if it runs. */
    public static Optional<ProcessHandle> process() {
        return ProcessHandle.allProcesses()
                .filter(p -> {
                    String command = p.info().commandLine().orElse("");
                    return command.contains("ws-server.jar") && command.matches(".*\\s" + SERVER + "(\\s.*)?$");
                })
                .findFirst();
    }

    /**
     * The sandbox worker processes this node started (their command line names the node's own plugin
     * working directory), whatever became of the node since.
     */
    public static List<ProcessHandle> sandboxWorkers() {
        String workDir = nodeWorkDir().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(workDir))
                .toList();
    }

    private static Path nodeWorkDir() {
        return Path.of(System.getProperty("caravan.it.plugins-dir", "target/plugins"))
                .toAbsolutePath()
                .resolveSibling("node-b-work");
    }

    /** The node's base URL (the application is at the context root). */
    public URL url() {
        try {
            return URI.create("http://127.0.0.1:" + httpPort + "/").toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The second node's messages.log, for a test that asserts what the node did. */
    public Path messagesLog() {
        return wlp.resolve("usr/servers/" + SERVER + "/logs/messages.log");
    }

    private void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
                last = ready.statusCode() + " " + ready.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        throw new IllegalStateException("the second node was not ready within " + START_DEADLINE + ": " + last
                + " (see " + messagesLog() + ")");
    }

    @Override
    public void close() {
        if (process().isEmpty()) {
            return; // killed and not started again (a test failed in between): nothing to stop
        }
        run(
                new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", SERVER)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD),
                "server stop " + SERVER,
                true);
    }

    private static void run(ProcessBuilder command, String what, boolean mustSucceed) {
        try {
            Process process = command.start();
            if (!process.waitFor(START_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + START_DEADLINE);
            }
            if (mustSucceed && process.exitValue() != 0) {
                throw new IllegalStateException(what + " exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path path : all.toList()) {
                Path copy = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Latency percentiles of a list of samples (nearest rank). */
    public static long percentile(List<Long> samples, double p) {
        List<Long> sorted = samples.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
