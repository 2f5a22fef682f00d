package io.caravan.platform.validation.application;

import java.util.List;

/**
 * The stable ids of the upload checks, grouped by what they look at. A report carries every id at
 * least once. Ids never change meaning; new rules get new ids.
 */
public final class Rules {
    // --- the archive, read with bounded streams before anything else (a failure here stops everything)
    /** The upload is a zip archive java.util.zip can read, entry by entry, with correct CRCs. */
    public static final String ARCHIVE_READABLE = "archive.readable";
    /** The upload and its entries together stay under {@link BundleValidator#MAX_TOTAL_BYTES}. */
    public static final String ARCHIVE_TOTAL_SIZE = "archive.total-size";
    /** At most {@link BundleValidator#MAX_ENTRIES} entries. */
    public static final String ARCHIVE_ENTRY_COUNT = "archive.entry-count";
    /** No entry inflates past {@link BundleValidator#MAX_ENTRY_BYTES}. */
    public static final String ARCHIVE_ENTRY_SIZE = "archive.entry-size";
    /** No entry inflates more than {@link BundleValidator#MAX_COMPRESSION_RATIO} times its compressed size (zip bombs). */
    public static final String ARCHIVE_COMPRESSION_RATIO = "archive.compression-ratio";
    /** No entry name with {@code ..}, a leading {@code /}, a drive letter, a backslash or a control character. */
    public static final String ARCHIVE_PATH_TRAVERSAL = "archive.path-traversal";
    /** No two entries with the same name. */
    public static final String ARCHIVE_DUPLICATE_ENTRY = "archive.duplicate-entry";
    /** No archive inside the archive (.jar, .zip, .war, ..., or zip/gzip content under another name). */
    public static final String ARCHIVE_NESTED_ARCHIVE = "archive.nested-archive";
    /**
     * Class files are found by their content (the magic number 0xCAFEBABE), not their name: one is
     * accepted only in an entry named {@code .class} (where the bytecode policy reads it), never in a
     * resource of another name, and no directory entry carries bytes (java.util.zip serves a
     * directory entry {@code X.class/} to a lookup of {@code X.class}).
     */
    public static final String ARCHIVE_HIDDEN_CLASS = "archive.hidden-class";
    /** The central directory (what the framework loads) and the local entries (what a stream reads) agree. */
    public static final String ARCHIVE_DIRECTORY_MISMATCH = "archive.directory-mismatch";

    // --- the OSGi manifest
    /** META-INF/MANIFEST.MF is present and parses. */
    public static final String MANIFEST_MISSING = "manifest.missing";
    /** Bundle-ManifestVersion is 2. */
    public static final String MANIFEST_MANIFEST_VERSION = "manifest.manifest-version";
    /** Bundle-SymbolicName is present and well-formed. */
    public static final String MANIFEST_SYMBOLIC_NAME = "manifest.symbolic-name";
    /** Bundle-SymbolicName is the one the listing is bound to. */
    public static final String MANIFEST_SYMBOLIC_NAME_MISMATCH = "manifest.symbolic-name-mismatch";
    /** Bundle-Version is {@code major.minor.micro[.qualifier]}. */
    public static final String MANIFEST_BUNDLE_VERSION = "manifest.bundle-version";
    /** Import-Package names only the SDK's packages ({@code io.caravan.sdk.*}). */
    public static final String MANIFEST_IMPORT_NOT_ALLOWED = "manifest.import-not-allowed";
    /** Every SDK import is a package the platform's SDK exports, in a version range that includes it. */
    public static final String MANIFEST_SDK_IMPORT_UNSATISFIABLE = "manifest.sdk-import-unsatisfiable";
    /** No DynamicImport-Package. */
    public static final String MANIFEST_DYNAMIC_IMPORT = "manifest.dynamic-import";
    /** No Require-Bundle. */
    public static final String MANIFEST_REQUIRE_BUNDLE = "manifest.require-bundle";
    /** No Fragment-Host: a plugin is a bundle of its own. */
    public static final String MANIFEST_FRAGMENT_HOST = "manifest.fragment-host";
    /** No Bundle-NativeCode. */
    public static final String MANIFEST_NATIVE_CODE = "manifest.native-code";
    /** No Export-Package of an SDK package. */
    public static final String MANIFEST_SDK_EXPORT = "manifest.sdk-export";
    /** No Bundle-Activator: the platform creates a plugin's extensions from its descriptor. */
    public static final String MANIFEST_ACTIVATOR = "manifest.activator";

    // --- the plugin descriptor (OSGI-INF/caravan-plugin.json)
    /** The descriptor is present, at most 256 KiB of UTF-8. */
    public static final String DESCRIPTOR_MISSING = "descriptor.missing";
    /** The descriptor parses and validates (apart from its permissions). */
    public static final String DESCRIPTOR_INVALID = "descriptor.invalid";
    /** The declared permissions are well-formed (host names, event and data scope names). */
    public static final String DESCRIPTOR_PERMISSIONS = "descriptor.permissions";
    /** The descriptor's version equals Bundle-Version. */
    public static final String DESCRIPTOR_VERSION_MISMATCH = "descriptor.version-mismatch";
    /** The descriptor's id is the listing's plugin id. */
    public static final String DESCRIPTOR_ID_MISMATCH = "descriptor.id-mismatch";
    /** The descriptor's SDK range includes this platform's SDK version. */
    public static final String DESCRIPTOR_SDK_RANGE = "descriptor.sdk-range";
    /** The configuration schema is valid JSON Schema 2020-12 and compiles, without fetching anything. */
    public static final String DESCRIPTOR_CONFIGURATION_SCHEMA = "descriptor.configuration-schema";
    /** Every extension class is in the bundle: public, concrete, public no-argument constructor, implements its point. */
    public static final String DESCRIPTOR_EXTENSION_CLASS = "descriptor.extension-class";

    // --- the bytecode policy (every .class in the archive)
    /** Every .class entry is a class file this platform's JVM can load. */
    public static final String BYTECODE_UNREADABLE_CLASS = "bytecode.unreadable-class";
    /** No use of an API the SDK offers a sanctioned way around (exit, processes, threads, files, sockets, reflection, ...). */
    public static final String BYTECODE_FORBIDDEN_API = "bytecode.forbidden-api";
    /** No native method declarations. */
    public static final String BYTECODE_NATIVE_METHOD = "bytecode.native-method";

    // --- the release
    /** The SHA-256 of the bytes, recorded as the artifact's address (always passes). */
    public static final String RELEASE_SHA256 = "release.sha256";
    /** A version already published for the listing is not published again with other bytes. */
    public static final String RELEASE_VERSION_IMMUTABLE = "release.version-immutable";

    // --- the dry run in a scratch framework (only when everything above passed)
    /** The bundle installs and resolves against the SDK alone. */
    public static final String DRYRUN_RESOLVE = "dryrun.resolve";
    /** The bundle starts and every extension can be created. */
    public static final String DRYRUN_START = "dryrun.start";
    /** The health extension, if any, answers UP or DEGRADED within the time limit. */
    public static final String DRYRUN_HEALTH = "dryrun.health";

    /** Every rule, in report order. */
    public static final List<String> ALL = List.of(
            ARCHIVE_READABLE,
            ARCHIVE_TOTAL_SIZE,
            ARCHIVE_ENTRY_COUNT,
            ARCHIVE_ENTRY_SIZE,
            ARCHIVE_COMPRESSION_RATIO,
            ARCHIVE_PATH_TRAVERSAL,
            ARCHIVE_DUPLICATE_ENTRY,
            ARCHIVE_NESTED_ARCHIVE,
            ARCHIVE_HIDDEN_CLASS,
            ARCHIVE_DIRECTORY_MISMATCH,
            MANIFEST_MISSING,
            MANIFEST_MANIFEST_VERSION,
            MANIFEST_SYMBOLIC_NAME,
            MANIFEST_SYMBOLIC_NAME_MISMATCH,
            MANIFEST_BUNDLE_VERSION,
            MANIFEST_IMPORT_NOT_ALLOWED,
            MANIFEST_SDK_IMPORT_UNSATISFIABLE,
            MANIFEST_DYNAMIC_IMPORT,
            MANIFEST_REQUIRE_BUNDLE,
            MANIFEST_FRAGMENT_HOST,
            MANIFEST_NATIVE_CODE,
            MANIFEST_SDK_EXPORT,
            MANIFEST_ACTIVATOR,
            DESCRIPTOR_MISSING,
            DESCRIPTOR_INVALID,
            DESCRIPTOR_PERMISSIONS,
            DESCRIPTOR_VERSION_MISMATCH,
            DESCRIPTOR_ID_MISMATCH,
            DESCRIPTOR_SDK_RANGE,
            DESCRIPTOR_CONFIGURATION_SCHEMA,
            DESCRIPTOR_EXTENSION_CLASS,
            BYTECODE_UNREADABLE_CLASS,
            BYTECODE_FORBIDDEN_API,
            BYTECODE_NATIVE_METHOD,
            RELEASE_SHA256,
            RELEASE_VERSION_IMMUTABLE,
            DRYRUN_RESOLVE,
            DRYRUN_START,
            DRYRUN_HEALTH);

    private Rules() {}
}
