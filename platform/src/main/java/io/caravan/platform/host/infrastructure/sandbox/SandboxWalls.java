package io.caravan.platform.host.infrastructure.sandbox;

import java.util.List;

/**
 * The walls this node's sandboxes have, found by starting one at boot.
 *
 * @param mode    how workers are started
 * @param present the walls in place (for the node's status and the start-up log)
 * @param missing the walls the operating system did not give, and why
 */
public record SandboxWalls(Mode mode, List<String> present, List<String> missing) {
    /** How a worker process is made. */
    public enum Mode {
        /**
         * Linux namespaces as root: own mount namespace with a fresh root holding only the JDK, the
         * worker's jars (read-only) and empty scratch space; own network namespace (no interface
         * but a loopback that is down); own PID and IPC namespaces; an unprivileged user with no
         * capabilities and no-new-privileges; cgroup limits where the node has cgroups.
         */
        ISOLATED,
        /**
         * A plain child process: clean environment and an empty private working directory, heap
         * and thread limits of the JVM, but the node's files and network are reachable. For a
         * developer's machine; uncertified code runs here only when the operator accepts it.
         */
        PROCESS_ONLY
    }

    /** Whether every wall is in place. */
    public boolean complete() {
        return mode == Mode.ISOLATED && missing.isEmpty();
    }

    /** One line for logs and status. */
    public String describe() {
        return mode
                + (present.isEmpty() ? "" : " with " + String.join(", ", present))
                + (missing.isEmpty() ? "" : "; missing: " + String.join("; ", missing));
    }
}
