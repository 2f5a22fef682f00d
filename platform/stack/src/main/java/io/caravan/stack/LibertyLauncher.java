package io.caravan.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs an Open Liberty server that the build created (liberty-maven-plugin's {@code create}
 * goal, in {@code platform/target/liberty/wlp}) in the foreground of a child process
 * ({@code server run}), ready when the application's {@code /health/ready} answers 200.
 */
public final class LibertyLauncher {
    /** The plugin API library's jars (server.xml, caravanPluginApi), as the build names them. */
    static final List<String> PLUGIN_API_JARS =
            List.of("caravan-sdk.jar", "caravan-plugin-runtime.jar", "org.apache.felix.framework.jar");

    private final Path wlp;
    private final String serverName;
    private final Path consoleLog;
    private final int httpPort;
    private final Map<String, String> environment;
    private Process process;

    public LibertyLauncher(
            Path wlp, String serverName, Path consoleLog, int httpPort, Map<String, String> environment) {
        this.wlp = wlp.toAbsolutePath();
        this.serverName = serverName;
        this.consoleLog = consoleLog.toAbsolutePath();
        this.httpPort = httpPort;
        this.environment = Map.copyOf(environment);
    }

    public Path serverDir() {
        return wlp.resolve("usr/servers").resolve(serverName);
    }

    public String readinessUrl() {
        return "http://127.0.0.1:" + httpPort + "/health/ready";
    }

    /**
     * Deploys the WAR into the server's apps/ (atomically) and removes configuration drop-ins
     * that the build copies into every server it creates but that are meant for the tests only.
     */
    public void deploy(Path war, Path testOnlyOverrides, Path buildLog) {
        if (!Files.isExecutable(wlp.resolve("bin/server"))
                || !Files.isRegularFile(serverDir().resolve("server.xml"))) {
            throw new StackException("the build did not create the Liberty server " + serverDir(), buildLog);
        }
        // The SDK, the plugin runtime and Felix are not in the WAR: they are the server's plugin API
        // library (server.xml, caravanPluginApi), which the build copies next to server.xml.
        for (String jar : PLUGIN_API_JARS) {
            if (!Files.isRegularFile(serverDir().resolve("plugin-api").resolve(jar))) {
                throw new StackException(
                        "the build did not copy the plugin API library into "
                                + serverDir().resolve("plugin-api") + " (missing " + jar + ")",
                        buildLog);
            }
        }
        try {
            if (Files.isDirectory(testOnlyOverrides)) {
                try (Stream<Path> files = Files.list(testOnlyOverrides)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(
                                serverDir().resolve("configDropins/overrides").resolve(f.getFileName()));
                    }
                }
            }
            Path apps = Files.createDirectories(serverDir().resolve("apps"));
            Path tmp = apps.resolve(war.getFileName() + ".tmp");
            Files.copy(war, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(
                    tmp,
                    apps.resolve(war.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StackException("could not deploy " + war + " into " + serverDir() + ": " + e.getMessage(), null);
        }
    }

    /** {@code server run <name>} in the background; {@code clean} adds {@code --clean} (fresh workarea). */
    public synchronized void start(boolean clean) {
        List<String> command = new ArrayList<>(List.of(wlp.resolve("bin/server").toString(), "run", serverName));
        if (clean) {
            command.add("--clean");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        Processes.cleanJavaEnvironment(env);
        env.remove("WLP_USER_DIR");
        env.remove("WLP_OUTPUT_DIR");
        env.putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Liberty from " + wlp, e);
        }
    }

    public synchronized Process process() {
        return process;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Waits until the application's readiness check answers 200 (Keycloak and the database reachable). */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastStatus = 0;
        String lastBody = "";
        while (true) {
            Process current = process();
            if (current == null || !current.isAlive()) {
                throw new StackException(
                        "Liberty exited" + (current == null ? "" : " (code " + current.exitValue() + ")")
                                + " before it was ready",
                        consoleLog);
            }
            var response = Processes.get(readinessUrl());
            if (response.isPresent()) {
                lastStatus = response.get().statusCode();
                lastBody = response.get().body();
                if (lastStatus == 200) {
                    return;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new StackException(
                        "Caravan was not ready after " + timeout.toSeconds() + " s (health: "
                                + readinessUrl()
                                + (lastStatus == 0 ? " never answered" : " answered " + lastStatus + " " + lastBody)
                                + "; see " + environment.getOrDefault("LOG_DIR", serverDir() + "/logs")
                                + "/messages.log)",
                        consoleLog);
            }
            Processes.sleep(500);
        }
    }

    /** SIGTERM: Liberty's shutdown hook stops the server cleanly (and H2 closes its file). */
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
}
