package io.caravan.platform.host.infrastructure.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory, CPU and process limits per sandbox worker through Linux control groups, version 1 (a
 * hierarchy per controller) or 2 (one unified hierarchy). The worker's launcher script writes its
 * own PID into {@link Group#procsFiles()} before it enters its namespaces, so the worker and all it
 * starts stay inside the limits.
 */
final class Cgroups {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final String PARENT = "caravan-sandbox";

    enum Version {
        V1,
        V2
    }

    private final Version version;

    private Cgroups(Version version) {
        this.version = version;
    }

    /** The node's control groups if this process may create them; null otherwise (reason in {@code why}). */
    static Cgroups detect(List<String> why) {
        try {
            if (Files.exists(ROOT.resolve("cgroup.controllers"))) {
                String controllers = Files.readString(ROOT.resolve("cgroup.controllers"));
                if (!(controllers.contains("memory") && controllers.contains("cpu") && controllers.contains("pids"))) {
                    why.add("cgroup v2 lacks the memory, cpu or pids controller");
                    return null;
                }
                Path parent = Files.createDirectories(ROOT.resolve(PARENT));
                write(ROOT.resolve("cgroup.subtree_control"), "+memory +cpu +pids");
                write(parent.resolve("cgroup.subtree_control"), "+memory +cpu +pids");
                return new Cgroups(Version.V2);
            }
            for (String controller : List.of("memory", "cpu", "pids")) {
                Path dir = ROOT.resolve(controller);
                if (!Files.isDirectory(dir)) {
                    why.add("no cgroup v1 " + controller + " hierarchy at " + dir);
                    return null;
                }
                Files.createDirectories(dir.resolve(PARENT));
            }
            return new Cgroups(Version.V1);
        } catch (IOException | RuntimeException e) {
            why.add("cannot create control groups (" + e.getMessage() + ")");
            return null;
        }
    }

    Version version() {
        return version;
    }

    /** Creates the groups of one worker with its limits. */
    Group create(String name, SandboxSettings settings) throws IOException {
        long memory = settings.memoryMegabytes() * 1024L * 1024L;
        long quota = settings.cpuPercent() * 1000L;
        List<Path> dirs = new ArrayList<>();
        try {
            if (version == Version.V2) {
                Path dir = Files.createDirectories(ROOT.resolve(PARENT).resolve(name));
                dirs.add(dir);
                write(dir.resolve("memory.max"), Long.toString(memory));
                writeIfExists(dir.resolve("memory.swap.max"), "0");
                write(dir.resolve("cpu.max"), quota + " 100000");
                write(dir.resolve("pids.max"), Integer.toString(settings.maxProcesses()));
            } else {
                Path mem = Files.createDirectories(
                        ROOT.resolve("memory").resolve(PARENT).resolve(name));
                dirs.add(mem);
                write(mem.resolve("memory.limit_in_bytes"), Long.toString(memory));
                writeIfExists(mem.resolve("memory.memsw.limit_in_bytes"), Long.toString(memory));
                Path cpu = Files.createDirectories(
                        ROOT.resolve("cpu").resolve(PARENT).resolve(name));
                dirs.add(cpu);
                write(cpu.resolve("cpu.cfs_period_us"), "100000");
                write(cpu.resolve("cpu.cfs_quota_us"), Long.toString(quota));
                Path pids = Files.createDirectories(
                        ROOT.resolve("pids").resolve(PARENT).resolve(name));
                dirs.add(pids);
                write(pids.resolve("pids.max"), Integer.toString(settings.maxProcesses()));
            }
            return new Group(List.copyOf(dirs));
        } catch (IOException | RuntimeException e) {
            new Group(dirs).remove();
            throw e;
        }
    }

    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII);
    }

    private static void writeIfExists(Path file, String value) {
        try {
            if (Files.exists(file)) {
                write(file, value);
            }
        } catch (IOException e) {
            // optional limit (swap accounting may be off)
        }
    }

    /** One worker's groups. */
    record Group(List<Path> dirs) {
        List<Path> procsFiles() {
            return dirs.stream().map(d -> d.resolve("cgroup.procs")).toList();
        }

        /** Peak memory use so far, in bytes, where the kernel reports it; -1 otherwise. */
        long peakMemoryBytes() {
            for (Path dir : dirs) {
                for (String file : List.of("memory.max_usage_in_bytes", "memory.peak")) {
                    try {
                        if (Files.exists(dir.resolve(file))) {
                            return Long.parseLong(
                                    Files.readString(dir.resolve(file)).trim());
                        }
                    } catch (IOException | NumberFormatException e) {
                        return -1;
                    }
                }
            }
            return -1;
        }

        /** Current memory use in bytes where the kernel reports it; -1 otherwise. */
        long memoryBytes() {
            for (Path dir : dirs) {
                for (String file : List.of("memory.usage_in_bytes", "memory.current")) {
                    try {
                        if (Files.exists(dir.resolve(file))) {
                            return Long.parseLong(
                                    Files.readString(dir.resolve(file)).trim());
                        }
                    } catch (IOException | NumberFormatException e) {
                        return -1;
                    }
                }
            }
            return -1;
        }

        /** Removes the groups (they must be empty: call after the worker exited). */
        void remove() {
            for (Path dir : dirs) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // a group still holding a dying process; the next start's sweep removes it
                }
            }
        }
    }
}
