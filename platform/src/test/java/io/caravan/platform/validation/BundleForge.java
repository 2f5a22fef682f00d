package io.caravan.platform.validation;

import io.caravan.sdk.plugin.PluginDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Builds plugin bundles for the validator's tests with real tools: Java sources compiled by
 * javac (javax.tools, against the SDK on the test class path), jars written with java.util.zip, a
 * manifest written by java.util.jar from hand-picked headers, and the descriptor as JSON text.
 * {@link #good()} passes every check; every bad bundle is derived from it by one change.
 */
final class BundleForge {
    static final String SYMBOLIC_NAME = "com.acme.tax";
    static final String PLUGIN_ID = "acme-tax";
    static final String CALCULATOR = "com.acme.tax.AcmeTaxCalculator";
    static final String HEALTH = "com.acme.tax.AcmeHealth";

    static final String CALCULATOR_SOURCE = """
            package com.acme.tax;

            import io.caravan.sdk.model.Cart;
            import io.caravan.sdk.plugin.PluginContext;
            import io.caravan.sdk.model.DutyTreatment;
            import io.caravan.sdk.tax.TaxCalculator;
            import io.caravan.sdk.tax.TaxQuote;
            import java.util.List;

            /** No tax anywhere: the smallest valid calculator. */
            public final class AcmeTaxCalculator implements TaxCalculator {
                public AcmeTaxCalculator() {
                    /*CONSTRUCTOR*/
                }

                @Override
                public TaxQuote quote(PluginContext context, Cart cart) {
                    /*QUOTE*/
                    return new TaxQuote(cart.currency(), cart.prices(), DutyTreatment.DAP, List.of(), List.of(), List.of(), List.of(),
                            List.of());
                }

                /*MEMBERS*/
            }
            """;

    static final String HEALTH_SOURCE = """
            package com.acme.tax;

            import io.caravan.sdk.plugin.HealthReport;
            import io.caravan.sdk.plugin.PluginContext;
            import io.caravan.sdk.plugin.PluginHealth;

            public final class AcmeHealth implements PluginHealth {
                public AcmeHealth() {
                }

                @Override
                public HealthReport check(PluginContext context) {
                    return HealthReport.up();
                }
            }
            """;

    static final String DESCRIPTOR = """
            {
              "id": "acme-tax",
              "name": "ACME Tax",
              "version": "1.0.0",
              "sdk": "[1.0,2.0)",
              "kinds": ["TAX"],
              "extensions": [
                { "point": "TAX_CALCULATOR", "class": "com.acme.tax.AcmeTaxCalculator", "failurePolicy": "FAIL_CLOSED" },
                { "point": "HEALTH", "class": "com.acme.tax.AcmeHealth", "failurePolicy": "FAIL_OPEN" }
              ],
              "configuration": {
                "schema": {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "rate": { "type": "number", "minimum": 0, "maximum": 1, "description": "The flat rate" }
                  }
                },
                "secrets": []
              },
              "permissions": {
                "egressHosts": ["rates.acme.example"],
                "events": [],
                "data": []
              }
            }
            """;

    private static final Map<Map<String, String>, Map<String, byte[]>> COMPILED = new ConcurrentHashMap<>();

    /** A jar entry. */
    record Entry(String name, byte[] data) {}

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String descriptor = DESCRIPTOR;
    private boolean manifest = true;
    private final List<Entry> extras = new ArrayList<>();
    private int level = Deflater.DEFAULT_COMPRESSION;
    private UnaryOperator<byte[]> patch = UnaryOperator.identity();

    private BundleForge() {}

    /** The template: passes every check, dry run included. */
    static BundleForge good() {
        BundleForge b = new BundleForge();
        b.sources.put(CALCULATOR, CALCULATOR_SOURCE);
        b.sources.put(HEALTH, HEALTH_SOURCE);
        b.headers.put("Bundle-ManifestVersion", "2");
        b.headers.put("Bundle-SymbolicName", SYMBOLIC_NAME);
        b.headers.put("Bundle-Version", "1.0.0");
        b.headers.put("Bundle-Name", "ACME Tax");
        b.headers.put(
                "Import-Package",
                "io.caravan.sdk.model;version=\"[1.0,2)\",io.caravan.sdk.plugin;version=\"[1.0,2)\","
                        + "io.caravan.sdk.tax;version=\"[1.0,2)\"");
        return b;
    }

    /** Replaces one marked place ({@code QUOTE}, {@code CONSTRUCTOR}, {@code MEMBERS}) of the calculator. */
    BundleForge calculator(String marker, String code) {
        return source(CALCULATOR, "/*" + marker + "*/", code);
    }

    /** Replaces text in a class's source; the text must be there. */
    BundleForge source(String className, String from, String to) {
        sources.put(className, replace(sources.get(className), from, to));
        return this;
    }

    /** Sets a manifest header; null removes it. */
    BundleForge header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    /** Replaces text in the descriptor; the text must be there. */
    BundleForge descriptor(String from, String to) {
        descriptor = replace(descriptor, from, to);
        return this;
    }

    BundleForge descriptorText(String json) {
        descriptor = json;
        return this;
    }

    BundleForge noDescriptor() {
        descriptor = null;
        return this;
    }

    BundleForge noManifest() {
        manifest = false;
        return this;
    }

    BundleForge entry(String name, byte[] data) {
        extras.add(new Entry(name, data));
        return this;
    }

    BundleForge level(int compressionLevel) {
        level = compressionLevel;
        return this;
    }

    /** Rewrites the finished archive's bytes (to craft what ZipOutputStream refuses to write). */
    BundleForge patch(UnaryOperator<byte[]> edit) {
        patch = edit;
        return this;
    }

    byte[] build() {
        List<Entry> entries = new ArrayList<>();
        if (manifest) {
            entries.add(new Entry("META-INF/MANIFEST.MF", manifest(headers)));
        }
        if (descriptor != null) {
            entries.add(new Entry(PluginDescriptor.RESOURCE_PATH, descriptor.getBytes(StandardCharsets.UTF_8)));
        }
        compile(sources).forEach((name, bytes) -> entries.add(new Entry(name, bytes)));
        entries.addAll(extras);
        return patch.apply(zip(entries, level));
    }

    static byte[] manifest(Map<String, String> headers) {
        Manifest m = new Manifest();
        Attributes main = m.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(main::putValue);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            m.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] zip(List<Entry> entries, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(level);
            for (Entry e : entries) {
                zip.putNextEntry(new ZipEntry(e.name()));
                zip.write(e.data());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Compiles sources (class name → text) with javac against the SDK; class file path → bytes. */
    static Map<String, byte[]> compile(Map<String, String> sources) {
        return COMPILED.computeIfAbsent(Map.copyOf(sources), BundleForge::javac);
    }

    private static Map<String, byte[]> javac(Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        Map<String, ByteArrayOutputStream> classes = new TreeMap<>();
        try {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(sdkLocation()));
            JavaFileManager memory = new ForwardingJavaFileManager<>(standard) {
                @Override
                public JavaFileObject getJavaFileForOutput(
                        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                    String path = className.replace('.', '/') + kind.extension;
                    return new SimpleJavaFileObject(URI.create("mem:///" + path), kind) {
                        @Override
                        public OutputStream openOutputStream() {
                            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                            classes.put(path, bytes);
                            return bytes;
                        }
                    };
                }
            };
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((name, text) -> units.add(
                    new SimpleJavaFileObject(
                            URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return text;
                        }
                    }));
            boolean ok = javac.getTask(
                            null,
                            memory,
                            diagnostics,
                            List.of("--release", "21", "-proc:none", "-nowarn", "-XDsuppressNotes"),
                            null,
                            units)
                    .call();
            if (!ok) {
                throw new AssertionError("javac failed: " + diagnostics.getDiagnostics());
            }
            standard.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        classes.forEach((path, bytes) -> out.put(path, bytes.toByteArray()));
        return out;
    }

    /** The SDK's jar or classes directory, as the test class path has it. */
    static Path sdkLocation() {
        try {
            return Path.of(PluginDescriptor.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String replace(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalArgumentException("\"" + from + "\" is not in the template");
        }
        return text.replace(from, to);
    }

    /** Replaces every occurrence of one byte string by another of the same length. */
    static byte[] replaceBytes(byte[] data, String from, String to, boolean lastOnly) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        if (f.length != t.length) {
            throw new IllegalArgumentException("same length only");
        }
        byte[] out = data.clone();
        int found = 0;
        for (int i = out.length - f.length; i >= 0; i--) {
            if (java.util.Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, out, i, t.length);
                found++;
                if (lastOnly) {
                    break;
                }
            }
        }
        if (found == 0) {
            throw new IllegalArgumentException("\"" + from + "\" is not in the archive");
        }
        return out;
    }
}
