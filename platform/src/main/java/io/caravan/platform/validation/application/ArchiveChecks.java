package io.caravan.platform.validation.application;

import static io.caravan.platform.validation.application.BundleValidator.MAX_COMPRESSION_RATIO;
import static io.caravan.platform.validation.application.BundleValidator.MAX_ENTRIES;
import static io.caravan.platform.validation.application.BundleValidator.MAX_ENTRY_BYTES;
import static io.caravan.platform.validation.application.BundleValidator.MAX_TOTAL_BYTES;
import static io.caravan.platform.validation.application.BundleValidator.RATIO_CHECKED_FROM_BYTES;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The archive checks. The central directory is read with {@link ZipFile}, as the framework reads a
 * bundle; every entry is then inflated through a counting loop that stops at the first limit
 * crossed, so the sizes written in the headers are never trusted. Last, the archive is streamed
 * with {@link ZipInputStream} and must show the same entries with the same bytes, so nothing that
 * reads a bundle as a stream (the descriptor shown to merchants) sees other content than the
 * framework loads.
 */
final class ArchiveChecks {
    private static final Set<String> ARCHIVE_EXTENSIONS =
            Set.of("jar", "zip", "war", "ear", "rar", "jmod", "aar", "apk");

    /** The archive's files (directories left out), name to bytes, in central-directory order. */
    record Contents(Map<String, byte[]> files) {}

    private ArchiveChecks() {}

    /** @return the contents, or null when a check failed (the failures are in {@code findings}) */
    static Contents inspect(byte[] bundle, Findings findings) {
        if (bundle.length > MAX_TOTAL_BYTES) {
            findings.fail(
                    Rules.ARCHIVE_TOTAL_SIZE,
                    "the upload is " + bytes(bundle.length) + "; a bundle may be at most " + bytes(MAX_TOTAL_BYTES));
            return stopped(findings);
        }
        Path file = null;
        try {
            file = Files.createTempFile("caravan-upload-", ".jar");
            Files.write(file, bundle);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return inspect(zip, bundle, findings);
            } catch (ZipException e) {
                findings.fail(Rules.ARCHIVE_READABLE, "the upload is not a readable zip archive: " + e.getMessage());
                return stopped(findings);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the upload for reading", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans up
                }
            }
        }
    }

    private static Contents inspect(ZipFile zip, byte[] bundle, Findings findings) {
        int count = zip.size();
        if (count > MAX_ENTRIES) {
            findings.fail(
                    Rules.ARCHIVE_ENTRY_COUNT,
                    "the archive has " + count + " entries; a bundle may have at most " + MAX_ENTRIES);
            return stopped(findings);
        }
        findings.pass(Rules.ARCHIVE_ENTRY_COUNT, count + " entries (at most " + MAX_ENTRIES + ")");
        List<? extends ZipEntry> entries = Collections.list(zip.entries());
        Set<String> seen = new HashSet<>();
        for (ZipEntry entry : entries) {
            String name = entry.getName();
            String unsafe = unsafePath(name);
            if (unsafe != null) {
                findings.fail(
                        Rules.ARCHIVE_PATH_TRAVERSAL,
                        "entry \"" + printable(name) + "\" " + unsafe
                                + "; entry names must be relative paths inside the bundle");
            }
            if (!seen.add(name)) {
                findings.fail(
                        Rules.ARCHIVE_DUPLICATE_ENTRY,
                        "entry \"" + printable(name)
                                + "\" appears more than once; which copy a reader sees would depend on the reader");
            }
            String extension = extension(name);
            if (!entry.isDirectory() && ARCHIVE_EXTENSIONS.contains(extension)) {
                findings.fail(
                        Rules.ARCHIVE_NESTED_ARCHIVE,
                        "entry \"" + printable(name) + "\" is a nested ." + extension
                                + " archive; a bundle may not carry archives (its classes and resources must be checked"
                                + " where they are)");
            }
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        for (ZipEntry entry : entries) {
            byte[] data;
            try (InputStream in = zip.getInputStream(entry)) {
                data = readBounded(in, entry, total, findings);
            } catch (IOException | RuntimeException e) {
                findings.fail(
                        Rules.ARCHIVE_READABLE, "entry \"" + printable(entry.getName()) + "\" cannot be read: " + e);
                return stopped(findings);
            }
            if (data == null) {
                return stopped(findings);
            }
            total += data.length;
            if (entry.isDirectory() && data.length > 0) {
                findings.fail(
                        Rules.ARCHIVE_HIDDEN_CLASS,
                        "directory entry \"" + printable(entry.getName()) + "\" carries " + bytes(data.length)
                                + (isClass(data) ? " of a class file" : "")
                                + "; a directory entry holds no bytes (a lookup of \""
                                + printable(entry.getName()
                                        .substring(0, entry.getName().length() - 1))
                                + "\" would be served them)");
            }
            if (!entry.isDirectory() && isClass(data) && !entry.getName().endsWith(".class")) {
                findings.fail(
                        Rules.ARCHIVE_HIDDEN_CLASS,
                        "entry \"" + printable(entry.getName())
                                + "\" is a class file (it starts with 0xCAFEBABE) under a name that is not .class;"
                                + " a bundle's classes must be where the checks and the framework see them");
            }
            if (!entry.isDirectory()) {
                if (!ARCHIVE_EXTENSIONS.contains(extension(entry.getName())) && isZip(data)) {
                    findings.fail(
                            Rules.ARCHIVE_NESTED_ARCHIVE,
                            "entry \"" + printable(entry.getName())
                                    + "\" holds a zip or gzip archive (by its content); a bundle may not carry"
                                    + " archives");
                }
                files.putIfAbsent(entry.getName(), data);
            }
        }
        findings.pass(Rules.ARCHIVE_READABLE, "a zip archive java.util.zip reads entry by entry");
        findings.pass(
                Rules.ARCHIVE_TOTAL_SIZE,
                bytes(bundle.length) + " compressed, " + bytes(total) + " inflated (at most " + bytes(MAX_TOTAL_BYTES)
                        + ")");
        findings.pass(Rules.ARCHIVE_ENTRY_SIZE, "every entry at most " + bytes(MAX_ENTRY_BYTES));
        findings.pass(Rules.ARCHIVE_COMPRESSION_RATIO, "no entry over " + MAX_COMPRESSION_RATIO + ":1");
        findings.pass(Rules.ARCHIVE_PATH_TRAVERSAL, "every entry name is a relative path inside the bundle");
        findings.pass(Rules.ARCHIVE_DUPLICATE_ENTRY, "no entry name repeats");
        findings.pass(Rules.ARCHIVE_NESTED_ARCHIVE, "no archive inside the archive");
        findings.pass(
                Rules.ARCHIVE_HIDDEN_CLASS, "class files only in .class entries; no directory entry carries bytes");
        if (findings.anyFailed(
                List.of(Rules.ARCHIVE_PATH_TRAVERSAL, Rules.ARCHIVE_DUPLICATE_ENTRY, Rules.ARCHIVE_NESTED_ARCHIVE))) {
            return stopped(findings);
        }
        if (!sameAsStream(bundle, entries, files, findings)) {
            return null;
        }
        findings.pass(Rules.ARCHIVE_DIRECTORY_MISMATCH, "central directory and local entries agree");
        return new Contents(Collections.unmodifiableMap(files));
    }

    /** Marks the archive rules not reached as skipped; null. */
    private static Contents stopped(Findings findings) {
        findings.skipAll(
                Rules.ALL.stream().filter(r -> r.startsWith("archive.")).toList(),
                "not checked: the archive checks stopped at the first unsafe finding");
        return null;
    }

    /**
     * Inflates one entry, counting: stops at the first of the entry limit, the total limit or the
     * compression ratio crossed (the compressed size from the central directory bounds what the
     * inflater is fed, so it is a fair denominator).
     */
    private static byte[] readBounded(InputStream in, ZipEntry entry, long totalSoFar, Findings findings)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long compressed = Math.max(entry.getCompressedSize(), 1);
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            String name = "entry \"" + printable(entry.getName()) + "\"";
            if (read > RATIO_CHECKED_FROM_BYTES && read > compressed * MAX_COMPRESSION_RATIO) {
                findings.fail(
                        Rules.ARCHIVE_COMPRESSION_RATIO,
                        name + " inflates from " + bytes(compressed)
                                + " to more than " + bytes(read) + " (over " + MAX_COMPRESSION_RATIO
                                + ":1; reading stopped) — a zip bomb is not a bundle");
                return null;
            }
            if (read > MAX_ENTRY_BYTES) {
                findings.fail(
                        Rules.ARCHIVE_ENTRY_SIZE,
                        name + " inflates to more than " + bytes(MAX_ENTRY_BYTES)
                                + " (reading stopped); an entry may be at most " + bytes(MAX_ENTRY_BYTES));
                return null;
            }
            if (totalSoFar + read > MAX_TOTAL_BYTES) {
                findings.fail(
                        Rules.ARCHIVE_TOTAL_SIZE,
                        "the entries inflate to more than " + bytes(MAX_TOTAL_BYTES)
                                + " in total (crossed while reading " + name + "); a bundle may be at most "
                                + bytes(MAX_TOTAL_BYTES) + " inflated");
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Streams the archive and compares every local entry with the central directory's. */
    private static boolean sameAsStream(
            byte[] bundle, List<? extends ZipEntry> central, Map<String, byte[]> files, Findings findings) {
        int i = 0;
        try (ZipInputStream stream = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            ZipEntry local;
            while ((local = stream.getNextEntry()) != null) {
                if (i >= central.size()) {
                    findings.fail(
                            Rules.ARCHIVE_DIRECTORY_MISMATCH,
                            "local entry \"" + printable(local.getName())
                                    + "\" is not in the central directory (it lists " + central.size() + " entries)");
                    return false;
                }
                String expected = central.get(i).getName();
                if (!expected.equals(local.getName())) {
                    findings.fail(
                            Rules.ARCHIVE_DIRECTORY_MISMATCH,
                            "local entry #" + (i + 1) + " is \""
                                    + printable(local.getName()) + "\" but the central directory lists \""
                                    + printable(expected)
                                    + "\" there; a stream reader and the framework would see different bundles");
                    return false;
                }
                byte[] data = stream.readNBytes(MAX_ENTRY_BYTES + 1);
                if (!local.isDirectory() && !Arrays.equals(data, files.get(expected))) {
                    findings.fail(
                            Rules.ARCHIVE_DIRECTORY_MISMATCH,
                            "entry \"" + printable(expected)
                                    + "\" has other content in its local header than the central directory points at");
                    return false;
                }
                i++;
            }
        } catch (IOException | RuntimeException e) {
            findings.fail(
                    Rules.ARCHIVE_DIRECTORY_MISMATCH,
                    "the archive cannot be streamed entry by entry (after " + i + " entries): " + e.getMessage());
            return false;
        }
        if (i != central.size()) {
            findings.fail(
                    Rules.ARCHIVE_DIRECTORY_MISMATCH,
                    "the central directory lists " + central.size() + " entries but only " + i
                            + " local entries precede it");
            return false;
        }
        return true;
    }

    /** Why an entry name is unsafe, or null. */
    static String unsafePath(String name) {
        if (name.isEmpty()) {
            return "has an empty name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "contains a control character";
            }
        }
        if (name.indexOf('\\') >= 0) {
            return "contains a backslash";
        }
        if (name.startsWith("/")) {
            return "is an absolute path";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return "starts with a drive letter";
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return "climbs out of the bundle with \"..\"";
            }
        }
        return null;
    }

    /** Zip (local header, empty archive, spanned) or gzip content. */
    private static boolean isZip(byte[] data) {
        boolean zip = data.length >= 4
                && data[0] == 'P'
                && data[1] == 'K'
                && (data[2] == 3 && data[3] == 4 || data[2] == 5 && data[3] == 6 || data[2] == 7 && data[3] == 8);
        boolean gzip = data.length >= 3 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b && data[2] == 8;
        return zip || gzip;
    }

    /** Starts with the class file magic number 0xCAFEBABE. */
    static boolean isClass(byte[] data) {
        return data.length >= 4
                && (data[0] & 0xff) == 0xCA
                && (data[1] & 0xff) == 0xFE
                && (data[2] & 0xff) == 0xBA
                && (data[3] & 0xff) == 0xBE;
    }

    private static String extension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** The name with control characters escaped, for messages. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.length() > 300 ? out.substring(0, 300) + "..." : out.toString();
    }

    static String bytes(long n) {
        if (n >= 1024 * 1024 && n % (1024 * 1024) == 0) {
            return (n / (1024 * 1024)) + " MiB";
        }
        return String.format(Locale.ROOT, "%,d bytes", n);
    }
}
