package io.caravan.platform.it.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Real plugin bundles for marketplace tests, derived from the reactor's test bundles: the same
 * classes under another plugin id, symbolic name and version (manifest and descriptor rewritten
 * together, as a developer's build would produce them).
 */
public final class Bundles {
    private Bundles() {}

    public static byte[] testBundle(String jarName) {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("caravan.it.dev-plugins"), jarName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundle with a new identity: descriptor id and version, Bundle-SymbolicName and Bundle-Version. */
    public static byte[] renamed(byte[] jar, String oldId, String newId, String symbolicName, String version) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            String oldVersion = main.getValue("Bundle-Version");
            main.putValue("Bundle-SymbolicName", symbolicName);
            main.putValue("Bundle-Version", version);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
                JarEntry entry;
                while ((entry = in.getNextJarEntry()) != null) {
                    byte[] content = in.readAllBytes();
                    if (entry.getName().equals("OSGI-INF/caravan-plugin.json")) {
                        content = new String(content, StandardCharsets.UTF_8)
                                .replace("\"id\": \"" + oldId + "\"", "\"id\": \"" + newId + "\"")
                                .replace("\"version\": \"" + oldVersion + "\"", "\"version\": \"" + version + "\"")
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    jarOut.putNextEntry(new JarEntry(entry.getName()));
                    jarOut.write(content);
                    jarOut.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
