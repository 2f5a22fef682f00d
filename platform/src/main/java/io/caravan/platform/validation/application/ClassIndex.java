package io.caravan.platform.validation.application;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * The bundle's classes, read once with ASM (headers only: names, supertypes, access, members) so
 * the descriptor checks can look at extension classes and the bytecode policy can tell the
 * bundle's own classes from everything else. Entries that are not loadable class files are
 * reported under {@link Rules#BYTECODE_UNREADABLE_CLASS}.
 */
final class ClassIndex {
    /** The newest class file version this JVM loads (45 = Java 1.1, 44 + feature release since). */
    static final int MAX_CLASS_VERSION = 44 + Runtime.version().feature();

    private final Map<String, ClassNode> byName;
    private final Map<String, ClassNode> byEntry;

    private ClassIndex(Map<String, ClassNode> byName, Map<String, ClassNode> byEntry) {
        this.byName = byName;
        this.byEntry = byEntry;
    }

    static ClassIndex of(Map<String, byte[]> files, Findings findings) {
        Map<String, ClassNode> byName = new LinkedHashMap<>();
        Map<String, ClassNode> byEntry = new LinkedHashMap<>();
        int count = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!file.getKey().endsWith(".class")) {
                continue;
            }
            count++;
            String problem = problem(file.getValue());
            ClassNode node = null;
            if (problem == null) {
                try {
                    node = new ClassNode();
                    new ClassReader(file.getValue())
                            .accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                } catch (RuntimeException | StackOverflowError e) {
                    problem = "ASM cannot read it: " + e;
                }
            }
            if (problem != null) {
                findings.fail(
                        Rules.BYTECODE_UNREADABLE_CLASS,
                        file.getKey() + " is not a class file this platform can load: " + problem);
                continue;
            }
            byEntry.put(file.getKey(), node);
            boolean versioned = file.getKey().startsWith("META-INF/versions/");
            if (!versioned || !byName.containsKey(node.name)) {
                byName.put(node.name, node);
            }
        }
        findings.pass(
                Rules.BYTECODE_UNREADABLE_CLASS,
                count + " class file(s), all readable, none newer than Java "
                        + Runtime.version().feature());
        return new ClassIndex(Collections.unmodifiableMap(byName), Collections.unmodifiableMap(byEntry));
    }

    private static String problem(byte[] bytes) {
        if (bytes.length < 10
                || (bytes[0] & 0xff) != 0xCA
                || (bytes[1] & 0xff) != 0xFE
                || (bytes[2] & 0xff) != 0xBA
                || (bytes[3] & 0xff) != 0xBE) {
            return "it does not start with the class file magic number 0xCAFEBABE";
        }
        int major = (bytes[6] & 0xff) << 8 | bytes[7] & 0xff;
        if (major > MAX_CLASS_VERSION) {
            return "it is compiled for Java " + (major - 44) + " (class file version " + major
                    + "); this platform runs Java " + Runtime.version().feature();
        }
        return null;
    }

    /** A bundle class by internal name ({@code com/acme/Tax}), or null. */
    ClassNode get(String internalName) {
        return byName.get(internalName);
    }

    boolean contains(String internalName) {
        return byName.containsKey(internalName);
    }

    /** Entry name → header, for every readable class file. */
    Map<String, ClassNode> entries() {
        return byEntry;
    }
}
