package io.caravan.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Keycloak distribution unpacked and built ({@code kc.sh build}) once per machine, version and
 * set of build options, kept outside every clone (in {@code CARAVAN_CACHE}, default
 * {@code ~/.cache/caravan}); each clone, {@code ./caravan run} and the integration tests alike,
 * gets its own home made of hard links to it (copies where the file system cannot link), with its
 * own {@code data/} (database, realm import). Building Keycloak takes 20–40 s; linking its ~500
 * files takes well under a second, so a second clone starts Keycloak without building it.
 *
 * <p>Only {@code kc.sh build} writes under {@code lib/}; {@code start --optimized} writes only
 * under {@code data/}, which is never linked, so no clone can change the shared distribution.
 */
public final class KeycloakDistribution {
    /** Records, in a prepared distribution and in every home made from it, where it came from. */
    static final String ORIGIN_FILE = ".caravan-distribution";

    /** File locks are per process: threads of one process (parallel test classes) queue here first. */
    private static final Object IN_PROCESS = new Object();

    private KeycloakDistribution() {}

    /** How a distribution gets unpacked: {@code into/keycloak-<version>} must exist afterwards. */
    @FunctionalInterface
    public interface Unpacker {
        void unpackInto(Path into);
    }

    /** {@code CARAVAN_CACHE}, else {@code $XDG_CACHE_HOME/caravan}, else {@code ~/.cache/caravan}. */
    public static Path cacheRoot(Map<String, String> environment) {
        String explicit = environment.get("CARAVAN_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "caravan").toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "caravan");
    }

    /** The cached distribution's directory for a version and {@link KeycloakLauncher#BUILD_OPTIONS}. */
    public static Path preparedPath(Path cacheRoot, String version) {
        return cacheRoot.resolve("keycloak-" + version + "-" + optionsHash());
    }

    /**
     * The prepared distribution for {@code version}: returned at once when it is in the cache,
     * otherwise unpacked and built there first. Safe when several processes (two clones, a test run
     * beside {@code ./caravan run}) ask at once: one prepares, the others wait on a file lock and
     * then use its result; a half-prepared one is never visible (it is moved into place whole).
     */
    public static Path prepared(Path cacheRoot, String version, Unpacker unpacker, Path log) {
        Path target = preparedPath(cacheRoot, version);
        if (isPrepared(target)) {
            return target;
        }
        synchronized (IN_PROCESS) {
            return prepareLocked(cacheRoot, version, unpacker, log, target);
        }
    }

    private static Path prepareLocked(Path cacheRoot, String version, Unpacker unpacker, Path log, Path target) {
        try {
            Files.createDirectories(cacheRoot);
            try (FileChannel channel = FileChannel.open(
                            cacheRoot.resolve("keycloak-" + version + ".lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (isPrepared(target)) {
                    return target;
                }
                Path staging = cacheRoot.resolve(".staging-" + UUID.randomUUID());
                try {
                    Files.createDirectories(staging);
                    unpacker.unpackInto(staging);
                    Path home = staging.resolve("keycloak-" + version);
                    if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                        throw new StackException("Keycloak " + version + " was unpacked but bin/kc.sh is missing", log);
                    }
                    KeycloakLauncher.build(home, log, KeycloakLauncher.SHARED_BUILD_MARKER);
                    Files.writeString(home.resolve(ORIGIN_FILE), target.toString());
                    deleteRecursively(target); // a leftover without its origin file: never used
                    Files.move(home, target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    deleteRecursively(staging);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Keycloak " + version + " in " + cacheRoot, e);
        }
        return target;
    }

    /**
     * Makes {@code home} a copy of {@code prepared} made of hard links, keeping its {@code data/}
     * (Keycloak's database) when it was made from the same distribution before; everything else in
     * {@code home} is replaced. Returns true when it (re)made the home.
     */
    public static boolean instantiate(Path prepared, Path home) {
        Path origin = home.resolve(ORIGIN_FILE);
        try {
            if (Files.isRegularFile(origin)
                    && Files.readString(origin).equals(prepared.toString())
                    && Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                return false;
            }
            Files.createDirectories(home);
            try (Stream<Path> entries = Files.list(home)) {
                for (Path entry : entries.toList()) {
                    if (!entry.getFileName().toString().equals("data")) {
                        deleteRecursively(entry);
                    }
                }
            }
            try (Stream<Path> tree = Files.walk(prepared)) {
                for (Path source : tree.toList()) {
                    Path relative = prepared.relativize(source);
                    if (relative.toString().isEmpty()
                            || relative.getName(0).toString().equals("data")) {
                        continue;
                    }
                    Path copy = home.resolve(relative.toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else if (!relative.toString().equals(ORIGIN_FILE)) {
                        link(source, copy);
                    }
                }
            }
            // Written last: a home interrupted half-way is remade on the next start.
            Files.writeString(origin, prepared.toString());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a Keycloak home in " + home + " from " + prepared, e);
        }
    }

    /**
     * An {@link Unpacker} reading the distribution's zip (e.g. from the local Maven repository),
     * keeping the executable bit of the scripts.
     */
    public static Unpacker fromZip(Path zip) {
        return into -> {
            try (InputStream in = Files.newInputStream(zip);
                    ZipInputStream entries = new ZipInputStream(in, StandardCharsets.UTF_8)) {
                Path root = into.toAbsolutePath().normalize();
                ZipEntry entry;
                while ((entry = entries.getNextEntry()) != null) {
                    Path target = root.resolve(entry.getName()).normalize();
                    if (!target.startsWith(root)) {
                        throw new StackException("unsafe entry " + entry.getName() + " in " + zip, null);
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                        if (entry.getName().endsWith(".sh")) {
                            target.toFile().setExecutable(true);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not unpack " + zip, e);
            }
        };
    }

    private static boolean isPrepared(Path target) {
        return Files.isRegularFile(target.resolve(ORIGIN_FILE))
                && Files.isRegularFile(target.resolve("lib").resolve(KeycloakLauncher.SHARED_BUILD_MARKER));
    }

    private static void link(Path source, Path copy) throws IOException {
        try {
            Files.createLink(copy, source);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            // Another file system (the cache on a different mount) or no hard links: copy instead.
            Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static String optionsHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(KeycloakLauncher.BUILD_OPTIONS.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            List<Path> all = tree.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
