package io.caravan.platform.marketplace.infrastructure;

import io.caravan.platform.marketplace.application.ArtifactIntegrityException;
import io.caravan.platform.marketplace.application.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bundles on disk under {@code <caravan.plugins.dir>/artifacts/sha256/<first two hex>/<hex>.jar}.
 * Writes go to a temporary file in the same directory and are moved into place atomically, so a
 * reader never sees half a bundle and a crash leaves at worst a stray temporary file.
 */
@ApplicationScoped
public class FileArtifactStore implements ArtifactStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Inject
    @ConfigProperty(name = "caravan.plugins.dir", defaultValue = "plugins")
    String pluginsDir;

    /** For tests outside the container. */
    public static FileArtifactStore at(Path pluginsDir) {
        FileArtifactStore store = new FileArtifactStore();
        store.pluginsDir = pluginsDir.toString();
        return store;
    }

    @Override
    public String put(byte[] bundle) throws IOException {
        if (bundle.length > MAX_BUNDLE_BYTES) {
            throw new IllegalArgumentException(
                    "bundle of " + bundle.length + " bytes exceeds the limit of " + MAX_BUNDLE_BYTES);
        }
        String sha256 = sha256(bundle);
        Path target = pathOf(sha256);
        if (Files.isRegularFile(target) && sha256(Files.readAllBytes(target)).equals(sha256)) {
            return sha256;
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), sha256, ".part");
        try {
            Files.write(temporary, bundle);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileAlreadyExistsException e) {
            // a concurrent writer stored the same content first
        } finally {
            Files.deleteIfExists(temporary);
        }
        return sha256;
    }

    @Override
    public byte[] read(String sha256) throws IOException {
        Path file = pathOf(sha256);
        if (!Files.isRegularFile(file)) {
            throw new ArtifactIntegrityException("no bundle with SHA-256 " + sha256 + " in the artifact store");
        }
        if (Files.size(file) > MAX_BUNDLE_BYTES) {
            throw new ArtifactIntegrityException(
                    "the bundle stored as " + sha256 + " is larger than any accepted bundle");
        }
        byte[] bytes = Files.readAllBytes(file);
        String actual = sha256(bytes);
        if (!actual.equals(sha256)) {
            throw new ArtifactIntegrityException("the bundle stored as " + sha256
                    + " has changed on disk (its SHA-256 is now " + actual + "); it will not be loaded");
        }
        return bytes;
    }

    private Path pathOf(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        return Path.of(pluginsDir, "artifacts", "sha256", sha256.substring(0, 2), sha256 + ".jar");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
