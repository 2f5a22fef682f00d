package io.caravan.platform.validation.application;

import io.caravan.runtime.ManifestHeader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * The OSGi manifest checks: identity (symbolic name bound to the listing, semantic version) and
 * wiring (imports from the SDK only, in ranges this platform's SDK satisfies; none of the headers
 * that would widen a plugin's reach: DynamicImport-Package, Require-Bundle, Fragment-Host,
 * Bundle-NativeCode, an SDK export, an activator).
 */
final class ManifestChecks {
    static final String MANIFEST_PATH = "META-INF/MANIFEST.MF";
    static final String SDK_PACKAGE = "io.caravan.sdk";
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*");

    /**
     * What the later checks need from the manifest.
     *
     * @param identity     as written (the symbolic name without directives), for the report; null unless
     *                     both Bundle-SymbolicName and Bundle-Version are there
     * @param symbolicName the valid symbolic name, or null
     * @param version      the valid Bundle-Version, or null
     */
    record Result(BundleIdentity identity, String symbolicName, OsgiVersion version) {}

    private ManifestChecks() {}

    /** @return null when the manifest is missing or unreadable */
    static Result check(Map<String, byte[]> files, ValidationContext context, Findings findings) {
        byte[] raw = files.get(MANIFEST_PATH);
        if (raw == null) {
            String other = files.keySet().stream()
                    .filter(n -> n.equalsIgnoreCase(MANIFEST_PATH))
                    .findFirst()
                    .orElse(null);
            findings.fail(
                    Rules.MANIFEST_MISSING,
                    MANIFEST_PATH + " is missing"
                            + (other == null ? "" : " (there is \"" + other + "\"; the name is case-sensitive)")
                            + "; a bundle declares its identity and imports there");
            return null;
        }
        Manifest manifest;
        try {
            manifest = new Manifest(new ByteArrayInputStream(raw));
        } catch (IOException | RuntimeException e) {
            findings.fail(Rules.MANIFEST_MISSING, MANIFEST_PATH + " cannot be parsed: " + e.getMessage());
            return null;
        }
        findings.pass(Rules.MANIFEST_MISSING, MANIFEST_PATH + " present");
        Attributes main = manifest.getMainAttributes();

        String manifestVersion = main.getValue("Bundle-ManifestVersion");
        if (manifestVersion == null) {
            findings.fail(
                    Rules.MANIFEST_MANIFEST_VERSION,
                    "Bundle-ManifestVersion is missing; an OSGi bundle declares" + " Bundle-ManifestVersion: 2");
        } else if (!manifestVersion.trim().equals("2")) {
            findings.fail(
                    Rules.MANIFEST_MANIFEST_VERSION,
                    "Bundle-ManifestVersion is \"" + manifestVersion + "\"; it must be 2");
        } else {
            findings.pass(Rules.MANIFEST_MANIFEST_VERSION, "Bundle-ManifestVersion: 2");
        }

        String symbolicName = symbolicName(main.getValue("Bundle-SymbolicName"), findings);
        String written = symbolicName;
        if (written == null && main.getValue("Bundle-SymbolicName") != null) {
            List<String> paths = ManifestHeader.paths(main.getValue("Bundle-SymbolicName"));
            written = paths.isEmpty() ? null : paths.get(0);
        }
        if (symbolicName == null) {
            findings.skip(Rules.MANIFEST_SYMBOLIC_NAME_MISMATCH, "not checked: no valid Bundle-SymbolicName");
        } else if (context.expectedSymbolicName() == null) {
            findings.pass(
                    Rules.MANIFEST_SYMBOLIC_NAME_MISMATCH,
                    symbolicName + ": the listing has no bundle yet; this upload binds it to " + symbolicName);
        } else if (!context.expectedSymbolicName().equals(symbolicName)) {
            findings.fail(
                    Rules.MANIFEST_SYMBOLIC_NAME_MISMATCH,
                    "Bundle-SymbolicName is " + symbolicName
                            + " but the listing is bound to " + context.expectedSymbolicName()
                            + "; every version of a listing is the same bundle");
        } else {
            findings.pass(Rules.MANIFEST_SYMBOLIC_NAME_MISMATCH, symbolicName + ", the listing's bundle");
        }

        String versionText = main.getValue("Bundle-Version");
        OsgiVersion version = null;
        if (versionText == null || versionText.isBlank()) {
            findings.fail(
                    Rules.MANIFEST_BUNDLE_VERSION,
                    "Bundle-Version is missing; give the bundle a version"
                            + " major.minor.micro[.qualifier] such as 1.0.0");
        } else if (!OsgiVersion.SEMANTIC.matcher(versionText.trim()).matches()) {
            findings.fail(
                    Rules.MANIFEST_BUNDLE_VERSION,
                    "Bundle-Version \"" + versionText + "\" is not a semantic"
                            + " version major.minor.micro[.qualifier] (such as 1.0.0 or 1.2.0.beta1)");
        } else {
            version = OsgiVersion.parse(versionText.trim());
            findings.pass(Rules.MANIFEST_BUNDLE_VERSION, "Bundle-Version: " + versionText.trim());
        }

        imports(main.getValue("Import-Package"), context, findings);

        forbidden(
                main,
                "DynamicImport-Package",
                Rules.MANIFEST_DYNAMIC_IMPORT,
                "is not allowed; a plugin is wired when it resolves, to the SDK only",
                findings);
        forbidden(
                main,
                "Require-Bundle",
                Rules.MANIFEST_REQUIRE_BUNDLE,
                "is not allowed; import the SDK's packages with Import-Package",
                findings);
        forbidden(
                main,
                "Fragment-Host",
                Rules.MANIFEST_FRAGMENT_HOST,
                "is not allowed; a plugin is a bundle of its own, never attached to another",
                findings);
        forbidden(
                main,
                "Bundle-NativeCode",
                Rules.MANIFEST_NATIVE_CODE,
                "is not allowed; plugins may not load native code",
                findings);
        forbidden(
                main,
                "Bundle-Activator",
                Rules.MANIFEST_ACTIVATOR,
                "is not allowed; the platform creates a plugin's extensions from its descriptor",
                findings);
        for (String pkg : ManifestHeader.paths(main.getValue("Export-Package"))) {
            if (isSdk(pkg)) {
                findings.fail(
                        Rules.MANIFEST_SDK_EXPORT,
                        "Export-Package names " + pkg + "; only the platform exports the SDK's packages");
            }
        }
        findings.pass(Rules.MANIFEST_SDK_EXPORT, "no SDK package exported");

        BundleIdentity identity = written == null || versionText == null || versionText.isBlank()
                ? null
                : new BundleIdentity(written, versionText.trim());
        return new Result(identity, symbolicName, version);
    }

    private static String symbolicName(String header, Findings findings) {
        if (header == null || header.isBlank()) {
            findings.fail(
                    Rules.MANIFEST_SYMBOLIC_NAME,
                    "Bundle-SymbolicName is missing; it names the bundle" + " (such as com.acme.tax)");
            return null;
        }
        List<ManifestHeader.Clause> clauses = ManifestHeader.parse(header);
        if (clauses.size() != 1 || clauses.get(0).paths().size() != 1) {
            findings.fail(
                    Rules.MANIFEST_SYMBOLIC_NAME,
                    "Bundle-SymbolicName \"" + header + "\" must name exactly one bundle");
            return null;
        }
        String name = clauses.get(0).paths().get(0);
        if (!SYMBOLIC_NAME.matcher(name).matches()) {
            findings.fail(
                    Rules.MANIFEST_SYMBOLIC_NAME,
                    "Bundle-SymbolicName \"" + name + "\" is not a symbolic name"
                            + " (tokens of letters, digits, '_' and '-' separated by dots)");
            return null;
        }
        findings.pass(Rules.MANIFEST_SYMBOLIC_NAME, "Bundle-SymbolicName: " + name);
        return name;
    }

    private static void imports(String header, ValidationContext context, Findings findings) {
        TreeSet<String> sdkImports = new TreeSet<>();
        for (ManifestHeader.Clause clause : ManifestHeader.parse(header)) {
            for (String pkg : clause.paths()) {
                if (isSdk(pkg)) {
                    sdkImports.add(pkg);
                    sdkImport(pkg, clause, context, findings);
                } else if (pkg.equals("java") || pkg.startsWith("java.")) {
                    findings.fail(
                            Rules.MANIFEST_IMPORT_NOT_ALLOWED,
                            "Import-Package names " + pkg
                                    + "; java.* packages come from the JVM without an import, and this platform wires"
                                    + " imports to the SDK only — remove it");
                } else {
                    findings.fail(
                            Rules.MANIFEST_IMPORT_NOT_ALLOWED,
                            "Import-Package names " + pkg
                                    + "; plugins may import only the SDK's packages (" + SDK_PACKAGE + ".*)"
                                    + (pkg.startsWith("javax.") ? " — javax.* is not exported to plugins" : "")
                                    + "; embed what else you need in the bundle");
                }
            }
        }
        findings.pass(
                Rules.MANIFEST_IMPORT_NOT_ALLOWED,
                sdkImports.isEmpty() ? "no imports" : "imports only SDK packages " + sdkImports);
        findings.pass(
                Rules.MANIFEST_SDK_IMPORT_UNSATISFIABLE,
                sdkImports.isEmpty()
                        ? "no SDK imports"
                        : "every SDK import is exported by this platform's SDK " + context.sdkVersion() + " in range");
    }

    private static void sdkImport(
            String pkg, ManifestHeader.Clause clause, ValidationContext context, Findings findings) {
        if ("optional".equals(clause.directives().get("resolution"))) {
            return;
        }
        String range = clause.attributes().get("version");
        if (range == null) {
            range = clause.attributes().getOrDefault("specification-version", "0.0.0");
        }
        String exported = context.exportedSdkPackageVersion(pkg);
        if (exported == null) {
            findings.fail(
                    Rules.MANIFEST_SDK_IMPORT_UNSATISFIABLE,
                    "Import-Package names " + pkg
                            + ", which this platform's SDK does not export"
                            + (context.sdkPackages().isEmpty()
                                    ? ""
                                    : " (it exports "
                                            + new TreeSet<>(
                                                    context.sdkPackages().keySet()) + ")"));
            return;
        }
        try {
            if (!OsgiVersion.inRange(range, OsgiVersion.parse(exported))) {
                findings.fail(
                        Rules.MANIFEST_SDK_IMPORT_UNSATISFIABLE,
                        "Import-Package names " + pkg + ";version=\""
                                + range + "\" but this platform exports " + pkg + " " + exported
                                + "; the bundle would not resolve");
            }
        } catch (IllegalArgumentException e) {
            findings.fail(
                    Rules.MANIFEST_SDK_IMPORT_UNSATISFIABLE,
                    "Import-Package names " + pkg + " with an invalid version range \"" + range + "\": "
                            + e.getMessage());
        }
    }

    private static void forbidden(Attributes main, String header, String rule, String why, Findings findings) {
        String value = main.getValue(header);
        if (value != null) {
            findings.fail(rule, header + ": " + shorten(value) + " " + why);
        } else {
            findings.pass(rule, "no " + header);
        }
    }

    static boolean isSdk(String pkg) {
        return pkg.equals(SDK_PACKAGE) || pkg.startsWith(SDK_PACKAGE + ".");
    }

    private static String shorten(String value) {
        String v = value.trim();
        return v.length() > 200 ? v.substring(0, 200) + "..." : v;
    }
}
