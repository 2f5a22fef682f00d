package io.caravan.platform.validation.application;

import io.caravan.runtime.DryRunResult;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The marketplace's upload checks (docs/architecture.md, decision 4): archive safety, OSGi manifest, plugin
 * descriptor and configuration schema, bytecode policy, release immutability, and a dry run in a
 * scratch framework. Every rule of {@link Rules#ALL} gets a result; a failure names what is at
 * fault. A bundle whose report has a failure is stored as rejected and never becomes installable.
 *
 * <p>Order and gating: nothing inside an archive that fails a safety check is examined (the other
 * rules are skipped); manifest, descriptor and bytecode checks run side by side, each skipping what
 * depends on something missing; the dry run, which runs plugin code, only when nothing else failed.
 * Stateless and thread-safe.
 */
public final class BundleValidator {
    private static final Logger LOG = Logger.getLogger(BundleValidator.class.getName());

    /** Most entries an archive may have. */
    public static final int MAX_ENTRIES = 5_000;
    /** Most bytes an upload may have, and its entries together once inflated: 32 MiB. */
    public static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024;
    /** Most bytes one entry may inflate to: 8 MiB. */
    public static final int MAX_ENTRY_BYTES = 8 * 1024 * 1024;
    /** Highest inflated-to-compressed ratio of an entry. */
    public static final int MAX_COMPRESSION_RATIO = 100;
    /** Entries smaller than this once inflated are not held to the ratio (tiny files compress oddly): 64 KiB. */
    public static final int RATIO_CHECKED_FROM_BYTES = 64 * 1024;
    /** Largest descriptor file: 256 KiB. */
    public static final int MAX_DESCRIPTOR_BYTES = 256 * 1024;

    private static final List<String> MANIFEST_RULES =
            Rules.ALL.stream().filter(r -> r.startsWith("manifest.")).toList();
    private static final List<String> DRY_RUN_RULES =
            List.of(Rules.DRYRUN_RESOLVE, Rules.DRYRUN_START, Rules.DRYRUN_HEALTH);

    private final ConfigurationSchemaCheck schemas = new ConfigurationSchemaCheck();

    /**
     * Checks an upload.
     *
     * @param bundle  the uploaded bytes
     * @param context the listing's binding, the platform's SDK, published versions, the dry run
     * @return the report; never throws for a bad bundle
     */
    public ValidationReport validate(byte[] bundle, ValidationContext context) {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(context, "context");
        String sha256 = sha256(bundle);
        Findings findings = new Findings();
        findings.pass(Rules.RELEASE_SHA256, "SHA-256 " + sha256);

        ArchiveChecks.Contents contents = ArchiveChecks.inspect(bundle, findings);
        if (contents == null) {
            return new ValidationReport(
                    sha256,
                    bundle.length,
                    null,
                    null,
                    null,
                    findings.toList(
                            "not checked: the archive failed its safety checks, so nothing inside it was examined"));
        }

        ManifestChecks.Result manifest = ManifestChecks.check(contents.files(), context, findings);
        if (manifest == null) {
            findings.skipAll(MANIFEST_RULES, "not checked: META-INF/MANIFEST.MF is missing or unreadable");
        }
        ClassIndex classes = ClassIndex.of(contents.files(), findings);
        DescriptorChecks.Result descriptor =
                DescriptorChecks.check(contents.files(), manifest, classes, context, schemas, findings);
        BytecodePolicy.check(contents.files(), classes, findings);
        immutability(sha256, manifest, descriptor, context, findings);
        dryRun(bundle, context, findings);

        return new ValidationReport(
                sha256,
                bundle.length,
                manifest == null ? null : manifest.identity(),
                descriptor.descriptor(),
                descriptor.json(),
                findings.toList("not checked"));
    }

    private static void immutability(
            String sha256,
            ManifestChecks.Result manifest,
            DescriptorChecks.Result descriptor,
            ValidationContext context,
            Findings findings) {
        String version = descriptor.descriptor() != null
                ? descriptor.descriptor().version()
                : manifest != null && manifest.version() != null
                        ? manifest.version().toString()
                        : null;
        if (version == null) {
            findings.skip(Rules.RELEASE_VERSION_IMMUTABLE, "not checked: the bundle has no valid version");
            return;
        }
        if (context.publishedSha256() == null) {
            findings.skip(Rules.RELEASE_VERSION_IMMUTABLE, "not checked: no published versions to compare with");
            return;
        }
        Optional<String> published = context.publishedSha256().apply(version);
        if (published.isEmpty()) {
            findings.pass(Rules.RELEASE_VERSION_IMMUTABLE, "version " + version + " is new for this listing");
        } else if (published.get().equalsIgnoreCase(sha256)) {
            findings.pass(
                    Rules.RELEASE_VERSION_IMMUTABLE,
                    "version " + version + " is already published with these very bytes");
        } else {
            findings.fail(
                    Rules.RELEASE_VERSION_IMMUTABLE,
                    "version " + version + " is already published with other content" + " (SHA-256 " + published.get()
                            + "); a published version is immutable — give this build a new version");
        }
    }

    private static void dryRun(byte[] bundle, ValidationContext context, Findings findings) {
        int failures = findings.failureCount();
        if (failures > 0) {
            findings.skipAll(
                    DRY_RUN_RULES,
                    "not run: " + failures + " other check(s) failed, and plugin code runs only"
                            + " once everything else passed");
            return;
        }
        if (context.dryRun() == null) {
            findings.skipAll(DRY_RUN_RULES, "not run: no dry run configured");
            return;
        }
        DryRunResult result;
        try {
            result = context.dryRun().run(bundle);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The upload dry run failed to run", e);
            findings.fail(
                    Rules.DRYRUN_RESOLVE,
                    "the dry run could not be carried out (" + e
                            + "); the upload is not accepted without it — try again");
            findings.skipAll(DRY_RUN_RULES, "not run: the dry run could not be carried out");
            return;
        }
        if (!result.resolved()) {
            findings.fail(
                    Rules.DRYRUN_RESOLVE, "the bundle does not resolve in a scratch framework: " + result.message());
            findings.skipAll(DRY_RUN_RULES, "not checked: the bundle did not resolve");
            return;
        }
        findings.pass(Rules.DRYRUN_RESOLVE, "resolved against the SDK in a scratch framework");
        if (!result.started()) {
            findings.fail(Rules.DRYRUN_START, "the bundle resolved but did not start: " + result.message());
            findings.skip(Rules.DRYRUN_HEALTH, "not checked: the bundle did not start");
            return;
        }
        findings.pass(Rules.DRYRUN_START, "started; every extension was created");
        // What the dry run proves is the runtime's DryRun definition: an unconfigured plugin may say DOWN.
        if (result.passed()) {
            findings.pass(Rules.DRYRUN_HEALTH, result.message());
        } else {
            findings.fail(Rules.DRYRUN_HEALTH, result.message());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
