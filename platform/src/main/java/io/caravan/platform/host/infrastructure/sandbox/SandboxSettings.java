package io.caravan.platform.host.infrastructure.sandbox;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How sandbox processes are made on this node.
 *
 * @param root                 the node's sandbox directory (the unpacked worker, per-worker scratch)
 * @param javaHome             the JDK the workers run on (the platform's own by default)
 * @param allowWeak            whether uncertified code may run where the operating system cannot give
 *                             every wall (no namespaces, not root): for a developer's machine only
 * @param heapMegabytes        each worker's Java heap
 * @param memoryMegabytes      each worker's memory limit as a whole (cgroup), heap included
 * @param cpuPercent           each worker's CPU share (cgroup quota), in percent of one core
 * @param maxProcesses         each worker's limit of processes and threads (cgroup pids)
 * @param maxWorkersPerRelease workers one plugin version may have at once, across its stores
 * @param spares               started, empty workers kept ready (so an upload or a first call
 *                             does not wait for a JVM to start)
 * @param startTimeout         how long a worker may take to say it is ready
 */
public record SandboxSettings(
        Path root,
        Path javaHome,
        boolean allowWeak,
        int heapMegabytes,
        int memoryMegabytes,
        int cpuPercent,
        int maxProcesses,
        int maxWorkersPerRelease,
        int spares,
        Duration startTimeout) {

    /** Defaults under a node's plugin directory, on the platform's own JDK. */
    public static SandboxSettings defaults(Path root) {
        return new SandboxSettings(
                root, Path.of(System.getProperty("java.home")), false, 96, 256, 100, 128, 4, 2, Duration.ofSeconds(20));
    }

    /** The same settings, weaker sandboxes accepted (or not). */
    public SandboxSettings withAllowWeak(boolean allow) {
        return new SandboxSettings(
                root,
                javaHome,
                allow,
                heapMegabytes,
                memoryMegabytes,
                cpuPercent,
                maxProcesses,
                maxWorkersPerRelease,
                spares,
                startTimeout);
    }

    /** The same settings with another number of workers per release. */
    public SandboxSettings withMaxWorkersPerRelease(int max) {
        return new SandboxSettings(
                root,
                javaHome,
                allowWeak,
                heapMegabytes,
                memoryMegabytes,
                cpuPercent,
                maxProcesses,
                max,
                spares,
                startTimeout);
    }
}
