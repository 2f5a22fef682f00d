package io.caravan.platform.validation.application;

import io.caravan.runtime.InvalidDescriptorException;
import io.caravan.runtime.PluginDescriptorReader;
import io.caravan.runtime.StrictJson;
import io.caravan.sdk.plugin.Extension;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginDescriptor;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The descriptor checks: present, parses with {@link PluginDescriptorReader} (the platform's one
 * reading of the file), permissions well-formed, version equal to Bundle-Version, id bound to the
 * listing, SDK range including this platform's SDK, configuration schema valid, and every extension
 * class present and creatable (checked on the class files, without loading them).
 */
final class DescriptorChecks {
    private static final String PATH = PluginDescriptor.RESOURCE_PATH;
    private static final List<String> DEPENDENT = List.of(
            Rules.DESCRIPTOR_VERSION_MISMATCH,
            Rules.DESCRIPTOR_ID_MISMATCH,
            Rules.DESCRIPTOR_SDK_RANGE,
            Rules.DESCRIPTOR_CONFIGURATION_SCHEMA,
            Rules.DESCRIPTOR_EXTENSION_CLASS);

    /**
     * @param json       the file's text, or null when missing
     * @param descriptor the descriptor when entirely valid, else null
     */
    record Result(String json, PluginDescriptor descriptor) {}

    private DescriptorChecks() {}

    static Result check(
            Map<String, byte[]> files,
            ManifestChecks.Result manifest,
            ClassIndex classes,
            ValidationContext context,
            ConfigurationSchemaCheck schemas,
            Findings findings) {
        byte[] raw = files.get(PATH);
        if (raw == null) {
            findings.fail(
                    Rules.DESCRIPTOR_MISSING,
                    PATH + " is missing; it declares the plugin's id, extensions," + " configuration and permissions");
            findings.skipAll(
                    List.of(Rules.DESCRIPTOR_INVALID, Rules.DESCRIPTOR_PERMISSIONS), "not checked: no descriptor");
            findings.skipAll(DEPENDENT, "not checked: no descriptor");
            return new Result(null, null);
        }
        if (raw.length > BundleValidator.MAX_DESCRIPTOR_BYTES) {
            findings.fail(
                    Rules.DESCRIPTOR_MISSING,
                    PATH + " is " + ArchiveChecks.bytes(raw.length) + "; a descriptor may be" + " at most "
                            + ArchiveChecks.bytes(BundleValidator.MAX_DESCRIPTOR_BYTES));
            findings.skipAll(
                    List.of(Rules.DESCRIPTOR_INVALID, Rules.DESCRIPTOR_PERMISSIONS),
                    "not checked: descriptor too large");
            findings.skipAll(DEPENDENT, "not checked: descriptor too large");
            return new Result(null, null);
        }
        findings.pass(Rules.DESCRIPTOR_MISSING, PATH + " present");
        String json;
        try {
            json = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            findings.fail(Rules.DESCRIPTOR_INVALID, PATH + " is not UTF-8 text");
            findings.skip(Rules.DESCRIPTOR_PERMISSIONS, "not checked: the descriptor is not UTF-8");
            findings.skipAll(DEPENDENT, "not checked: the descriptor is not UTF-8");
            return new Result(null, null);
        }

        PluginDescriptor descriptor = null;
        PluginDescriptor usable = null;
        try {
            descriptor = PluginDescriptorReader.read(json);
            usable = descriptor;
            findings.pass(
                    Rules.DESCRIPTOR_INVALID, PATH + " is valid: " + descriptor.id() + " " + descriptor.version());
            findings.pass(Rules.DESCRIPTOR_PERMISSIONS, "permissions well-formed: " + describe(descriptor));
        } catch (IllegalArgumentException e) {
            // the reader builds Permissions outside its own try, so their IllegalArgumentException arrives unwrapped
            String message = e instanceof InvalidDescriptorException ? e.getMessage() : PATH + " " + e.getMessage();
            if (!aboutPermissions(message)) {
                findings.fail(Rules.DESCRIPTOR_INVALID, message);
                findings.skip(Rules.DESCRIPTOR_PERMISSIONS, "not checked: the descriptor is invalid");
            } else {
                findings.fail(Rules.DESCRIPTOR_PERMISSIONS, message);
                usable = withoutPermissions(json, findings);
            }
        }
        if (usable == null) {
            findings.skipAll(DEPENDENT, "not checked: the descriptor is invalid");
            return new Result(json, null);
        }

        if (manifest == null || manifest.version() == null) {
            findings.skip(Rules.DESCRIPTOR_VERSION_MISMATCH, "not checked: no valid Bundle-Version");
        } else if (!usable.version().equals(manifest.version().toString())) {
            findings.fail(
                    Rules.DESCRIPTOR_VERSION_MISMATCH,
                    "the descriptor's version is " + usable.version() + " but Bundle-Version is " + manifest.version()
                            + "; they must be equal");
        } else {
            findings.pass(
                    Rules.DESCRIPTOR_VERSION_MISMATCH, "descriptor version " + usable.version() + " = Bundle-Version");
        }

        if (context.expectedPluginId() == null) {
            findings.pass(
                    Rules.DESCRIPTOR_ID_MISMATCH,
                    usable.id() + ": the listing has no plugin id yet; this upload binds it");
        } else if (!context.expectedPluginId().equals(usable.id())) {
            findings.fail(
                    Rules.DESCRIPTOR_ID_MISMATCH,
                    "the descriptor's id is " + usable.id() + " but the listing is " + context.expectedPluginId()
                            + "; a plugin keeps its id across versions");
        } else {
            findings.pass(Rules.DESCRIPTOR_ID_MISMATCH, usable.id() + ", the listing's id");
        }

        if (!OsgiVersion.inRange(usable.sdkRange(), OsgiVersion.parse(context.sdkVersion()))) {
            findings.fail(
                    Rules.DESCRIPTOR_SDK_RANGE,
                    "the descriptor needs SDK " + usable.sdkRange() + " but this platform provides SDK "
                            + context.sdkVersion());
        } else {
            findings.pass(Rules.DESCRIPTOR_SDK_RANGE, "SDK " + context.sdkVersion() + " is in " + usable.sdkRange());
        }

        for (String problem : schemas.problems(usable.configurationSchema())) {
            findings.fail(Rules.DESCRIPTOR_CONFIGURATION_SCHEMA, "configuration.schema " + problem);
        }
        findings.pass(Rules.DESCRIPTOR_CONFIGURATION_SCHEMA, "configuration.schema is valid JSON Schema 2020-12");

        for (Extension extension : usable.extensions()) {
            String problem = extensionProblem(extension, classes, files);
            if (problem != null) {
                findings.fail(
                        Rules.DESCRIPTOR_EXTENSION_CLASS,
                        "extension " + extension.point() + ": class " + extension.className() + " " + problem);
            }
        }
        findings.pass(
                Rules.DESCRIPTOR_EXTENSION_CLASS,
                "every extension class is in the bundle, public, concrete," + " creatable and implements its point");
        return new Result(json, descriptor);
    }

    private static boolean aboutPermissions(String message) {
        return message.toLowerCase(Locale.ROOT).contains("permissions");
    }

    /** The descriptor read again without its permissions, to check the rest; null if the rest is invalid too. */
    private static PluginDescriptor withoutPermissions(String json, Findings findings) {
        try {
            JsonObject root = StrictJson.readObject(json);
            PluginDescriptor rest = PluginDescriptorReader.read(
                    Json.createObjectBuilder(root).remove("permissions").build().toString());
            findings.pass(Rules.DESCRIPTOR_INVALID, PATH + " is valid apart from its permissions");
            return rest;
        } catch (IllegalArgumentException e) {
            if (aboutPermissions(e.getMessage())) {
                findings.pass(Rules.DESCRIPTOR_INVALID, PATH + " is valid apart from its permissions");
            } else {
                findings.fail(
                        Rules.DESCRIPTOR_INVALID,
                        e instanceof InvalidDescriptorException ? e.getMessage() : PATH + " " + e.getMessage());
            }
            return null;
        } catch (JsonException | IllegalStateException e) {
            findings.fail(Rules.DESCRIPTOR_INVALID, PATH + " is not a JSON object: " + e.getMessage());
            return null;
        }
    }

    private static String describe(PluginDescriptor d) {
        return "egress hosts " + d.permissions().egressHosts() + ", events "
                + d.permissions().events() + ", data " + d.permissions().data();
    }

    /** What is wrong with an extension class, judged from its class file, or null. */
    private static String extensionProblem(Extension extension, ClassIndex classes, Map<String, byte[]> files) {
        String internal = extension.className().replace('.', '/');
        ClassNode node = classes.get(internal);
        if (node == null) {
            return files.containsKey(internal + ".class")
                    ? "is not a readable class file"
                    : "is not in the bundle (no entry " + internal + ".class)";
        }
        if ((node.access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT)) != 0) {
            return "is " + ((node.access & Opcodes.ACC_INTERFACE) != 0 ? "an interface" : "abstract")
                    + "; the platform must be able to create it";
        }
        int access = node.access;
        for (InnerClassNode inner : node.innerClasses) {
            if (inner.name.equals(node.name)) {
                access = inner.access;
            }
        }
        if ((access & Opcodes.ACC_PUBLIC) == 0) {
            return "is not public; the platform creates it from outside its package";
        }
        boolean constructor = false;
        for (MethodNode m : node.methods) {
            if (m.name.equals("<init>") && m.desc.equals("()V") && (m.access & Opcodes.ACC_PUBLIC) != 0) {
                constructor = true;
            }
        }
        if (!constructor) {
            return "has no public no-argument constructor";
        }
        String api = extension.point().interfaceName();
        if (implementsInterface(classes, node.name, api.replace('.', '/')) == Boolean.FALSE) {
            return "does not implement " + api + " (the interface of " + extension.point() + ")";
        }
        return null;
    }

    /** TRUE, FALSE, or null when a supertype outside the bundle and the SDK leaves it open. */
    static Boolean implementsInterface(ClassIndex classes, String className, String target) {
        Deque<String> todo = new ArrayDeque<>(List.of(className));
        Set<String> seen = new HashSet<>();
        boolean open = false;
        while (!todo.isEmpty()) {
            String type = todo.pop();
            if (!seen.add(type)) {
                continue;
            }
            if (type.equals(target)) {
                return Boolean.TRUE;
            }
            ClassNode node = classes.get(type);
            if (node != null) {
                if (node.superName != null) {
                    todo.push(node.superName);
                }
                node.interfaces.forEach(todo::push);
            } else if (type.startsWith(ManifestChecks.SDK_PACKAGE.replace('.', '/') + "/")) {
                try {
                    ClassLoader sdk = ExtensionPoint.class.getClassLoader();
                    if (Class.forName(target.replace('/', '.'), false, sdk)
                            .isAssignableFrom(Class.forName(type.replace('/', '.'), false, sdk))) {
                        return Boolean.TRUE;
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    open = true;
                }
            } else if (!type.startsWith("java/")) {
                open = true;
            }
        }
        return open ? null : Boolean.FALSE;
    }
}
