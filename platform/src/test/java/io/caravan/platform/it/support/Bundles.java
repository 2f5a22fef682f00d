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

    /**
     * The bundle with one string constant of one class changed, as a rebuild with an edited
     * literal would produce it: {@code from} must occur exactly once in the class file and
     * {@code to} must be as long in UTF-8, so the constant pool keeps its layout.
     */
    public static byte[] withClassConstant(byte[] jar, String classEntry, String from, String to) {
        byte[] old = from.getBytes(StandardCharsets.UTF_8);
        byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
        if (old.length != replacement.length) {
            throw new IllegalArgumentException("'" + from + "' and '" + to + "' differ in length");
        }
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean changed = false;
            try (JarOutputStream jarOut = new JarOutputStream(out, in.getManifest())) {
                JarEntry entry;
                while ((entry = in.getNextJarEntry()) != null) {
                    byte[] content = in.readAllBytes();
                    if (entry.getName().equals(classEntry)) {
                        int at = indexOf(content, old, 0);
                        if (at < 0 || indexOf(content, old, at + 1) >= 0) {
                            throw new IllegalArgumentException(
                                    classEntry + " does not hold '" + from + "' exactly once");
                        }
                        System.arraycopy(replacement, 0, content, at, replacement.length);
                        changed = true;
                    }
                    jarOut.putNextEntry(new JarEntry(entry.getName()));
                    jarOut.write(content);
                    jarOut.closeEntry();
                }
            }
            if (!changed) {
                throw new IllegalArgumentException("no " + classEntry + " in the bundle");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] data, byte[] part, int from) {
        outer:
        for (int i = from; i <= data.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
