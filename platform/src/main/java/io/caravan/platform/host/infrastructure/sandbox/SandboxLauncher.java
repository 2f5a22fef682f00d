package io.caravan.platform.host.infrastructure.sandbox;

import io.caravan.runtime.SdkExports;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Starts sandbox worker processes. At construction it unpacks the worker (the zip the build puts
 * at {@value #WORKER_RESOURCE}: the plugin runtime, the SDK, the protocol and their libraries) into
 * the node's sandbox directory and finds out, by starting one worker, which walls this machine
 * gives ({@link SandboxWalls}).
 *
 * <p>With every wall ({@link SandboxWalls.Mode#ISOLATED}, Linux as root) a worker is started as
 * {@code sh} → {@code unshare} (new mount, network, PID, IPC and UTS namespaces) → a fresh tmpfs
 * root holding only {@code /usr}, the JDK and the worker's jars (read-only), empty {@code /work}
 * and {@code /tmp}, four device nodes and its own {@code /proc} → {@code chroot} → {@code setpriv}
 * (user and group 65534, no supplementary groups, no capabilities, no-new-privileges, killed with
 * its parent) → {@code java}. Its control groups (memory, CPU, processes) are joined before the
 * namespaces are entered. The environment is empty but for {@code PATH}. The platform's files,
 * its environment, its secrets key, the network and the other processes are not there to be
 * found.
 */
public final class SandboxLauncher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SandboxLauncher.class.getName());
    static final String WORKER_RESOURCE = "sandbox/caravan-sandbox-worker.zip";
    private static final String NOBODY = "65534";

    /**
     * Runs as root in the node's namespaces: joins the control groups, then enters new ones and
     * builds the worker's root. Arguments: cgroup.procs files (colon-separated), mount point,
     * JDK home, worker lib dir, tmpfs size in MiB, then java's arguments.
     */
    private static final String ENTER = """
            set -eu
            umask 022
            groups="$1"; root="$2"; jdk="$3"; lib="$4"; size="$5"; shift 5
            oldifs="$IFS"; IFS=:
            for f in $groups; do [ -n "$f" ] && echo $$ > "$f"; done
            IFS="$oldifs"
            exec unshare --mount --net --pid --ipc --uts --fork --kill-child --propagation private \
              /bin/sh -c '
            set -eu
            umask 022
            root="$1"; jdk="$2"; lib="$3"; size="$4"; shift 4
            mount -t tmpfs -o "size=${size}m,mode=755,nosuid,nodev" caravan-sandbox "$root"
            mkdir -p "$root/usr" "$root/proc" "$root/dev" "$root/tmp" "$root/work" "$root/sandbox/lib"
            robind() { mount --bind "$1" "$2"; mount -o remount,bind,ro,nosuid,nodev "$2"; }
            robind /usr "$root/usr"
            for d in lib lib64 bin sbin; do
              if [ -L "/$d" ]; then ln -s "$(readlink "/$d")" "$root/$d";
              elif [ -d "/$d" ]; then mkdir -p "$root/$d"; robind "/$d" "$root/$d"; fi
            done
            case "$jdk" in /usr/*) ;; *) mkdir -p "$root$jdk"; robind "$jdk" "$root$jdk" ;; esac
            robind "$lib" "$root/sandbox/lib"
            for d in null zero random urandom; do : > "$root/dev/$d"; mount --bind "/dev/$d" "$root/dev/$d"; done
            mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
            chown 65534:65534 "$root/work"; chmod 700 "$root/work"; chmod 1777 "$root/tmp"
            exec env -i PATH=/usr/bin:/bin "$(command -v chroot)" "$root" /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups \
              --inh-caps=-all --bounding-set=-all --no-new-privs --pdeathsig KILL -- "$jdk/bin/java" "$@"
            ' caravan-sandbox "$root" "$jdk" "$lib" "$size" "$@"
            """;

    private final SandboxSettings settings;
    private final Path lib;
    private final String sdkVersion;
    private final String node;
    private final AtomicLong counter = new AtomicLong();
    private final SandboxWalls walls;
    private final Cgroups cgroups;

    /**
     * Unpacks the worker and probes the walls (starts and ends one worker).
     *
     * @throws IllegalStateException if no worker can be started at all
     */
    public SandboxLauncher(SandboxSettings settings) {
        this.settings = settings;
        this.sdkVersion = SdkExports.ofSdkOnClassPath().apiVersion();
        this.node = Long.toString(ProcessHandle.current().pid());
        try {
            Files.createDirectories(settings.root());
            this.lib = unpackWorker(settings.root().resolve("worker"));
            sweep(settings.root().resolve("workers"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the sandbox directory " + settings.root(), e);
        }
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Cgroups groups = null;
        SandboxWalls.Mode mode = SandboxWalls.Mode.PROCESS_ONLY;
        String whyNot = isolationUnavailable();
        if (whyNot == null) {
            groups = Cgroups.detect(missing);
            SandboxWalls trial = new SandboxWalls(SandboxWalls.Mode.ISOLATED, List.of(), List.of());
            try (WorkerProcess probe = start(trial, groups)) {
                present.add("own mount, network, PID and IPC namespaces");
                present.add("a root with only the JDK and the worker, read-only");
                present.add("user 65534 without capabilities");
                if (groups != null) {
                    present.add("cgroup " + groups.version().name().toLowerCase(Locale.ROOT) + " limits ("
                            + settings.memoryMegabytes() + " MiB, " + settings.cpuPercent() + "% CPU, "
                            + settings.maxProcesses() + " tasks)");
                } else {
                    missing.add("no memory/CPU limit beyond the JVM's own (-Xmx" + settings.heapMegabytes() + "m)");
                }
                mode = SandboxWalls.Mode.ISOLATED;
            } catch (WorkerException | RuntimeException e) {
                missing.clear();
                missing.add("namespaces could not be entered (" + e.getMessage() + ")");
                groups = null;
            }
        } else {
            missing.add(whyNot);
        }
        if (mode == SandboxWalls.Mode.PROCESS_ONLY) {
            present.add("a separate process with an empty environment and a private working directory");
            present.add("JVM heap and thread limits");
            missing.add("the node's files and network are reachable");
        }
        present.add("killed on overrun");
        this.cgroups = groups;
        this.walls = new SandboxWalls(mode, List.copyOf(present), List.copyOf(missing));
        if (walls.complete()) {
            LOG.info("Plugin sandbox: " + walls.describe());
        } else {
            LOG.warning("Plugin sandbox is WEAKER than required: " + walls.describe()
                    + (settings.allowWeak()
                            ? " — accepted by caravan.sandbox.allow-weak (development only)"
                            : " — uncertified plugin code will not run on this node"
                                    + " (set caravan.sandbox.allow-weak=true on a development machine)"));
        }
    }

    /** Why this machine cannot give namespaces; null when it can. */
    private static String isolationUnavailable() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "namespaces need Linux (this is " + System.getProperty("os.name") + ")";
        }
        for (String tool : List.of("/usr/bin/unshare", "/usr/bin/setpriv", "/usr/sbin/chroot", "/bin/sh")) {
            if (!Files.isExecutable(Path.of(tool))
                    && !Files.isExecutable(Path.of(tool.replace("/usr/sbin/", "/usr/bin/")))) {
                return tool + " is missing";
            }
        }
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (!Integer.valueOf(0).equals(uid)) {
                return "the platform does not run as root (uid " + uid + "), so it cannot enter namespaces"
                        + " and switch to an unprivileged user";
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "cannot tell the platform's user (" + e.getMessage() + ")";
        }
        return null;
    }

    private static Path unpackWorker(Path dir) throws IOException {
        Path libDir = dir.resolve("lib");
        if (Files.exists(dir)) {
            deleteTree(dir);
        }
        Files.createDirectories(libDir);
        ClassLoader loader = SandboxLauncher.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(WORKER_RESOURCE)) {
            if (in == null) {
                throw new IOException(
                        WORKER_RESOURCE + " is not on the platform's class path (a build step is missing)");
            }
            try (ZipInputStream zip = new ZipInputStream(in)) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    if (entry.isDirectory()) {
                        continue;
                    }
                    Path target = dir.resolve(entry.getName()).normalize();
                    if (!target.startsWith(libDir) || !target.toString().endsWith(".jar")) {
                        throw new IOException("unexpected entry " + entry.getName() + " in the worker zip");
                    }
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // readable by the sandbox's unprivileged user, writable by no one
        for (Path p : List.of(dir, libDir)) {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try (Stream<Path> jars = Files.list(libDir)) {
            for (Path jar : jars.toList()) {
                Files.setPosixFilePermissions(
                        jar, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
            }
        }
        return libDir;
    }

    private static void sweep(Path workers) throws IOException {
        if (Files.exists(workers)) {
            deleteTree(workers);
        }
        Files.createDirectories(workers);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    p.toFile().setWritable(true);
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a mount point still in use by a dying worker: left for the next start
                }
            }
        }
    }

    /** The walls workers of this node have. */
    public SandboxWalls walls() {
        return walls;
    }

    /** Whether uncertified code may run here: every wall is up, or the operator accepted fewer. */
    public boolean mayRunUncertified() {
        return walls.complete() || settings.allowWeak();
    }

    public SandboxSettings settings() {
        return settings;
    }

    /**
     * Starts a worker and waits until it is ready.
     *
     * @throws WorkerException if it does not start or answer in time (it is killed)
     */
    public WorkerProcess start() throws WorkerException {
        return start(walls, cgroups);
    }

    private WorkerProcess start(SandboxWalls as, Cgroups groups) throws WorkerException {
        String name = "w" + node + "-" + counter.incrementAndGet();
        Path scratch = settings.root().resolve("workers").resolve(name);
        Cgroups.Group group = null;
        Process process;
        try {
            Files.createDirectories(scratch);
            List<String> command = new ArrayList<>();
            ProcessBuilder builder;
            if (as.mode() == SandboxWalls.Mode.ISOLATED) {
                if (groups != null) {
                    group = groups.create(name, settings);
                }
                command.addAll(List.of("/bin/sh", "-c", ENTER, "caravan-sandbox-enter"));
                command.add(
                        group == null
                                ? ""
                                : String.join(
                                        ":",
                                        group.procsFiles().stream()
                                                .map(Path::toString)
                                                .toList()));
                command.add(scratch.toAbsolutePath().toString());
                command.add(settings.javaHome().toAbsolutePath().toString());
                command.add(lib.toAbsolutePath().toString());
                command.add("64");
                command.addAll(javaArguments("/work", "/tmp", "/sandbox/lib"));
                builder = new ProcessBuilder(command);
            } else {
                Path work = Files.createDirectories(scratch.resolve("work"));
                Path tmp = Files.createDirectories(scratch.resolve("tmp"));
                command.add(settings.javaHome().resolve("bin").resolve("java").toString());
                command.addAll(javaArguments(work.toString(), tmp.toString(), lib.toString()));
                builder = new ProcessBuilder(command).directory(work.toFile());
            }
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
            builder.redirectInput(ProcessBuilder.Redirect.PIPE).redirectOutput(ProcessBuilder.Redirect.PIPE);
            process = builder.start();
        } catch (IOException e) {
            if (group != null) {
                group.remove();
            }
            throw new WorkerException("cannot start a sandbox worker: " + e.getMessage());
        }
        Cgroups.Group joined = group;
        WorkerProcess worker = new WorkerProcess(name, process, () -> {
            if (joined != null) {
                joined.remove();
            }
            try {
                deleteTree(scratch);
            } catch (IOException e) {
                // left for the next start's sweep
            }
        });
        worker.awaitReady(settings.startTimeout(), sdkVersion);
        return worker;
    }

    private List<String> javaArguments(String work, String tmp, String libDir) {
        return List.of(
                "-Xmx" + settings.heapMegabytes() + "m",
                "-Xss512k",
                "-XX:+UseSerialGC",
                "-XX:MaxMetaspaceSize=96m",
                "-XX:ReservedCodeCacheSize=32m",
                "-XX:ActiveProcessorCount=1",
                "-XX:-UsePerfData",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.io.tmpdir=" + tmp,
                "-Duser.home=" + work,
                "-Duser.timezone=UTC",
                "-Dfile.encoding=UTF-8",
                "-cp",
                libDir + "/*",
                "io.caravan.sandbox.worker.SandboxWorker",
                work);
    }

    /** The SDK version workers export (the platform's). */
    public String sdkVersion() {
        return sdkVersion;
    }

    @Override
    public void close() {
        // workers are ended by their owners; nothing node-wide to release
    }
}
