package io.caravan.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Small process, port, HTTP and log helpers shared by the launchers. */
public final class Processes {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Processes() {}

    /** A response to a GET within 5 s, or empty when nothing answers. */
    public static Optional<HttpResponse<String>> get(String url) {
        try {
            return Optional.of(HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** True when something accepts TCP connections on 127.0.0.1:port. */
    public static boolean portTaken(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Who listens on the port, e.g. {@code "java" (pid 123)}, when lsof or ss can tell; else empty. */
    public static String portOwner(int port) {
        for (List<String> command : List.of(
                List.of("lsof", "-nP", "-iTCP:" + port, "-sTCP:LISTEN", "-Fcp"),
                List.of("ss", "-ltnpH", "sport = :" + port))) {
            try {
                Process p = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isBlank()) {
                    continue;
                }
                return command.get(0).equals("lsof") ? fromLsof(out) : fromSs(out);
            } catch (IOException e) {
                // tool not installed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
        return "";
    }

    private static String fromLsof(String out) {
        String pid = null;
        List<String> owners = new ArrayList<>();
        for (String line : out.lines().toList()) {
            if (line.startsWith("p")) {
                pid = line.substring(1);
            } else if (line.startsWith("c") && pid != null) {
                owners.add(line.substring(1) + " (pid " + pid + ")");
            }
        }
        return String.join(", ", owners.stream().distinct().limit(3).toList());
    }

    private static String fromSs(String out) {
        List<String> owners = new ArrayList<>();
        var matcher =
                java.util.regex.Pattern.compile("\\(\"([^\"]*)\",pid=(\\d+)").matcher(out);
        while (matcher.find()) {
            owners.add("\"" + matcher.group(1) + "\" (pid " + matcher.group(2) + ")");
        }
        return String.join(", ", owners.stream().distinct().limit(3).toList());
    }

    /** Stops a process and its descendants (SIGTERM, then SIGKILL after the timeout) and waits for them. */
    public static void stopTree(Process process, Duration timeout) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, timeout)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, timeout);
        }
    }

    static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle p : processes) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0) {
                    return processes.stream().noneMatch(ProcessHandle::isAlive);
                }
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // onExit does not fail
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Waits for a process to exit, at most {@code timeout}; true when it did. */
    public static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last {@code lines} lines of a log file. */
    public static String tail(Path log, int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log at " + log + ")";
            }
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public static void append(Path log, String text) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the previous log beside the new one ({@code name.1}) and starts an empty one. */
    public static void rotate(Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(log, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The environment a child JVM gets: our own JDK, none of the options a test runner hands down. */
    static void cleanJavaEnvironment(java.util.Map<String, String> env) {
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
    }
}
