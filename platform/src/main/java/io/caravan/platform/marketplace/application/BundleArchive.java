package io.caravan.platform.marketplace.application;

import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.sdk.plugin.PluginDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * The identity of a plugin bundle read from its bytes without loading it: symbolic name and version
 * from the manifest, and the descriptor's JSON. (The upload checks of the marketplace issue come
 * on top of this: archive safety, imports, bytecode.)
 */
public record BundleArchive(String symbolicName, String version, String descriptorJson) {
    private static final int MAX_DESCRIPTOR_BYTES = 256 * 1024;

    public static BundleArchive read(byte[] bundle) {
        String descriptor = null;
        Manifest manifest;
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(bundle))) {
            manifest = jar.getManifest();
            ZipEntry entry;
            while ((entry = jar.getNextEntry()) != null) {
                if (entry.getName().equals(PluginDescriptor.RESOURCE_PATH)) {
                    descriptor = readLimited(jar);
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("the bundle is not a readable jar: " + e.getMessage());
        }
        if (manifest == null) {
            throw new InvalidInputException("the bundle has no META-INF/MANIFEST.MF");
        }
        String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        String version = manifest.getMainAttributes().getValue("Bundle-Version");
        if (bsn == null || bsn.isBlank() || version == null || version.isBlank()) {
            throw new InvalidInputException("the bundle's manifest needs Bundle-SymbolicName and Bundle-Version");
        }
        if (descriptor == null) {
            throw new InvalidInputException("the bundle has no " + PluginDescriptor.RESOURCE_PATH);
        }
        return new BundleArchive(bsn.split(";")[0].trim(), version.trim(), descriptor);
    }

    private static String readLimited(JarInputStream jar) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = jar.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_DESCRIPTOR_BYTES) {
                throw new InvalidInputException(
                        PluginDescriptor.RESOURCE_PATH + " is larger than " + MAX_DESCRIPTOR_BYTES + " bytes");
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
