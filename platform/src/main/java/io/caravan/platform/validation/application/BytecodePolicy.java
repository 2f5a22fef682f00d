package io.caravan.platform.validation.application;

import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The bytecode policy: every class file in the archive is read with ASM and every reference in
 * its methods (calls, field accesses, type uses, class literals, method references and other
 * constant method handles, bootstrap arguments, class names in string constants) is matched
 * against {@link ForbiddenApis}. Calls inherited through the bundle's own classes are matched on
 * the first JDK class they reach. Native method declarations and class-loader subclasses are
 * reported too.
 *
 * <p>Reflection is judged on what is statically known, by following operands back with ASM's
 * {@link SourceInterpreter} (through at most a few local variables that are stored once):
 *
 * <ul>
 *   <li>{@code setAccessible}, {@code trySetAccessible} and {@code MethodHandles.privateLookupIn} are
 *       refused always;
 *   <li>a name that picks the target at run time is refused: {@code Class.forName(String)},
 *       {@code Lookup.findClass}, {@code Class.get(Declared)Method/Field} and the named
 *       {@code Lookup.find*} must get a string constant (javac folds constant expressions and
 *       {@code static final} strings into one), anything computed — a parameter, a field, a
 *       concatenation with a variable, a value from configuration — is refused;
 *   <li>{@code Lookup.find*}, {@code Lookup.unreflect*} and {@code Class.get(Declared)Method/Field/Constructor(s)}
 *       are refused when their target class is a class literal (or {@code Class.forName} of a
 *       string constant) outside the bundle;
 *   <li>{@code Class.getResource(AsStream)} and {@code Class.getClassLoader} are accepted only on a
 *       class literal of the bundle or on {@code getClass()} of {@code this} (local 0, never
 *       stored to): the {@code getClass()} of an object the platform passed in leads to the
 *       platform's loader and resources;
 *   <li>{@code Thread.getStackTrace} is accepted only on {@code Thread.currentThread()}.
 * </ul>
 *
 * <p>Not caught: a member lookup with a constant name on a {@code Class} object the code was
 * handed at run time (say {@code obj.getClass().getMethod("run")}): which class it is cannot be
 * followed. Loaders are refused where they are reached ({@code getClassLoader} as above,
 * {@code ClassLoader.loadClass}, {@code getParent}, {@code getSystemClassLoader}, the context
 * loader), and a method reference to any call judged on its operands is refused.
 */
final class BytecodePolicy {
    private static final String LOOKUP = "java/lang/invoke/MethodHandles$Lookup";
    private static final Set<String> LOOKUP_FINDERS = Set.of(
            "findVirtual",
            "findStatic",
            "findSpecial",
            "findConstructor",
            "findGetter",
            "findSetter",
            "findStaticGetter",
            "findStaticSetter",
            "findVarHandle",
            "findStaticVarHandle");
    private static final Set<String> LOOKUP_UNREFLECTS = Set.of(
            "unreflect",
            "unreflectSpecial",
            "unreflectConstructor",
            "unreflectGetter",
            "unreflectSetter",
            "unreflectVarHandle");
    private static final Set<String> CLASS_MEMBER_LOOKUPS = Set.of(
            "getMethod",
            "getDeclaredMethod",
            "getMethods",
            "getDeclaredMethods",
            "getConstructor",
            "getDeclaredConstructor",
            "getConstructors",
            "getDeclaredConstructors",
            "getField",
            "getDeclaredField",
            "getFields",
            "getDeclaredFields");
    /** The {@code java.lang.Class} lookups whose first argument names the member. */
    private static final Set<String> NAMED_MEMBER_LOOKUPS =
            Set.of("getMethod", "getDeclaredMethod", "getField", "getDeclaredField");
    /** The {@code java.lang.Class} methods that reach a class's loader or resources. */
    private static final Set<String> CLASS_LOADER_REACH =
            Set.of("getResource", "getResourceAsStream", "getClassLoader");

    private static final int MAX_TRACE_DEPTH = 8;

    private final ClassIndex classes;
    private final Findings findings;

    private BytecodePolicy(ClassIndex classes, Findings findings) {
        this.classes = classes;
        this.findings = findings;
    }

    static void check(Map<String, byte[]> files, ClassIndex classes, Findings findings) {
        BytecodePolicy policy = new BytecodePolicy(classes, findings);
        for (String entry : classes.entries().keySet()) {
            ClassNode node = new ClassNode();
            try {
                new ClassReader(files.get(entry)).accept(node, ClassReader.SKIP_FRAMES);
            } catch (RuntimeException | StackOverflowError e) {
                findings.fail(Rules.BYTECODE_UNREADABLE_CLASS, entry + " cannot be read in full: " + e);
                continue;
            }
            policy.scan(node);
        }
        findings.pass(
                Rules.BYTECODE_FORBIDDEN_API,
                "no forbidden API referenced by " + classes.entries().size() + " class file(s)");
        findings.pass(Rules.BYTECODE_NATIVE_METHOD, "no native methods");
    }

    private void scan(ClassNode node) {
        String cls = dotted(node.name);
        if (node.superName != null) {
            if (ForbiddenApis.CLASS_LOADERS.contains(node.superName)) {
                violation(cls + " extends " + dotted(node.superName), ForbiddenApis.Category.CLASS_LOADING);
            } else {
                ForbiddenApis.Category c = ForbiddenApis.type(node.superName);
                if (c != null) {
                    violation(cls + " extends " + dotted(node.superName), c);
                }
            }
        }
        for (String iface : node.interfaces) {
            ForbiddenApis.Category c = ForbiddenApis.type(iface);
            if (c != null) {
                violation(cls + " implements " + dotted(iface), c);
            }
        }
        for (MethodNode method : node.methods) {
            if ((method.access & Opcodes.ACC_NATIVE) != 0) {
                findings.fail(
                        Rules.BYTECODE_NATIVE_METHOD,
                        cls + "." + method.name + signature(method.desc)
                                + " is declared native — plugins may not contain native code");
            }
            new MethodScan(node, method).run();
        }
    }

    private void violation(String what, ForbiddenApis.Category category) {
        findings.fail(Rules.BYTECODE_FORBIDDEN_API, what + " — " + category.reason);
    }

    /** One method's instructions. */
    private final class MethodScan {
        private final ClassNode owner;
        private final MethodNode method;
        private final String caller;
        private Frame<SourceValue>[] frames;
        private boolean analysed;

        MethodScan(ClassNode owner, MethodNode method) {
            this.owner = owner;
            this.method = method;
            this.caller = caller(owner, method);
        }

        void run() {
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof MethodInsnNode call) {
                    call(call);
                } else if (insn instanceof FieldInsnNode field) {
                    memberRef(
                            field.owner,
                            field.name,
                            field.desc,
                            (field.getOpcode() == Opcodes.GETFIELD || field.getOpcode() == Opcodes.GETSTATIC
                                            ? " reads "
                                            : " writes ")
                                    + dotted(field.owner) + "." + field.name);
                } else if (insn instanceof TypeInsnNode type && insn.getOpcode() != Opcodes.NEW) {
                    type(type.desc);
                } else if (insn instanceof MultiANewArrayInsnNode array) {
                    type(array.desc);
                } else if (insn instanceof LdcInsnNode ldc) {
                    constant(ldc.cst);
                } else if (insn instanceof InvokeDynamicInsnNode indy) {
                    constant(indy.bsm);
                    for (Object arg : indy.bsmArgs) {
                        constant(arg);
                    }
                }
            }
        }

        private void call(MethodInsnNode call) {
            if (call.owner.startsWith("[")) {
                return;
            }
            String member = member(call.owner, call.name, call.desc);
            if (!memberRef(call.owner, call.name, call.desc, " calls " + member) && !call.name.equals("<init>")) {
                String jdkOwner = firstOutsideBundle(call.owner);
                if (jdkOwner != null && !jdkOwner.equals(call.owner)) {
                    memberRef(
                            jdkOwner,
                            call.name,
                            call.desc,
                            " calls " + member + " (inherited from " + dotted(jdkOwner) + ")");
                }
            }
            reflection(call);
            runtimeName(call);
            otherThreadsStack(call);
            foreignLoader(call);
            parallelStreamSupport(call);
        }

        /** StreamSupport.*stream(..., boolean parallel): only a constant false stays off the common pool. */
        private void parallelStreamSupport(MethodInsnNode call) {
            if (!call.owner.equals("java/util/stream/StreamSupport") || !call.desc.contains("Z)")) {
                return;
            }
            AbstractInsnNode parallel = single(top(call));
            if (parallel == null || parallel.getOpcode() != Opcodes.ICONST_0) {
                violation(
                        caller + " calls " + member(call.owner, call.name, call.desc)
                                + " with a parallel flag that is not the constant false",
                        ForbiddenApis.Category.THREADS);
            }
        }

        /** A reflective lookup whose name argument is not a string constant: the target is chosen at run time. */
        private void runtimeName(MethodInsnNode call) {
            int nameArg = -1;
            if (call.owner.equals("java/lang/Class")
                    && call.name.equals("forName")
                    && call.desc.equals("(Ljava/lang/String;)Ljava/lang/Class;")) {
                nameArg = 0;
            } else if (call.owner.equals("java/lang/Class") && NAMED_MEMBER_LOOKUPS.contains(call.name)) {
                nameArg = 0;
            } else if (call.owner.equals(LOOKUP) && call.name.equals("findClass")) {
                nameArg = 0;
            } else if (call.owner.equals(LOOKUP)
                    && LOOKUP_FINDERS.contains(call.name)
                    && !call.name.equals("findConstructor")) {
                nameArg = 1;
            }
            if (nameArg < 0) {
                return;
            }
            Frame<SourceValue> f = frame(call);
            String name = null;
            if (f != null) {
                int first = f.getStackSize() - Type.getArgumentTypes(call.desc).length;
                name = constantString(f.getStack(first + nameArg), 0);
            }
            if (name == null) {
                violation(
                        caller + " calls " + member(call.owner, call.name, call.desc)
                                + " with a name computed at run time; reflection must name its target with a string"
                                + " constant",
                        ForbiddenApis.Category.REFLECTION);
            }
        }

        /** Thread.getStackTrace on any thread but the current one. */
        private void otherThreadsStack(MethodInsnNode call) {
            if (!call.owner.equals("java/lang/Thread") || !call.name.equals("getStackTrace")) {
                return;
            }
            if (!currentThread(top(call), 0)) {
                violation(
                        caller + " calls java.lang.Thread.getStackTrace() on a thread that is not"
                                + " Thread.currentThread()",
                        ForbiddenApis.Category.MANAGEMENT);
            }
        }

        /** Class.getResource(AsStream)/getClassLoader on a class literal outside the bundle. */
        private void foreignLoader(MethodInsnNode call) {
            if (!call.owner.equals("java/lang/Class") || !CLASS_LOADER_REACH.contains(call.name)) {
                return;
            }
            Frame<SourceValue> f = frame(call);
            SourceValue receiver =
                    f == null ? null : f.getStack(f.getStackSize() - Type.getArgumentTypes(call.desc).length - 1);
            String target = receiver == null ? null : constantClass(receiver, 0);
            if (target != null && !classes.contains(target)) {
                violation(
                        caller + " calls java.lang.Class." + call.name + " on " + dotted(target)
                                + ", a class outside the bundle (its loader and resources are not the bundle's)",
                        ForbiddenApis.Category.CLASS_LOADING);
            } else if (target == null && !ownGetClass(receiver, 0)) {
                violation(
                        caller + " calls java.lang.Class." + call.name + " on a class not known to be the bundle's"
                                + " (say, the getClass() of an object the platform passed in, whose loader is the"
                                + " platform's); use YourClass.class." + call.name + " or getClass() on this",
                        ForbiddenApis.Category.CLASS_LOADING);
            }
        }

        /** Whether a Class operand is this.getClass() (a bundle class: only bundle classes extend bundle classes). */
        private boolean ownGetClass(SourceValue value, int depth) {
            AbstractInsnNode producer = single(value);
            if (producer == null || depth > MAX_TRACE_DEPTH) {
                return false;
            }
            if (producer instanceof MethodInsnNode m
                    && m.name.equals("getClass")
                    && m.desc.equals("()Ljava/lang/Class;")
                    && (method.access & Opcodes.ACC_STATIC) == 0) {
                AbstractInsnNode on = single(top(m));
                if (!(on instanceof VarInsnNode var) || var.getOpcode() != Opcodes.ALOAD || var.var != 0) {
                    return false;
                }
                // local 0 still holds the receiver only if no instruction stored into it
                Frame<SourceValue> at = frame(on);
                return at != null && at.getLocal(0).insns.isEmpty();
            }
            if (producer instanceof VarInsnNode || producer.getOpcode() == Opcodes.CHECKCAST) {
                return ownGetClass(producer instanceof VarInsnNode ? stored(producer) : top(producer), depth + 1);
            }
            return false;
        }

        /**
         * The calls judged on their operands (a name that must be a constant, the thread, the class
         * a loader or resource is reached through); a method reference to one hides them.
         */
        private boolean argumentsJudged(String owner, String name, String desc) {
            if (owner.equals("java/lang/Class")) {
                return name.equals("forName") && desc.equals("(Ljava/lang/String;)Ljava/lang/Class;")
                        || NAMED_MEMBER_LOOKUPS.contains(name)
                        || CLASS_LOADER_REACH.contains(name);
            }
            if (owner.equals(LOOKUP)) {
                return name.equals("findClass") || LOOKUP_FINDERS.contains(name) && !name.equals("findConstructor");
            }
            return owner.equals("java/lang/Thread") && name.equals("getStackTrace");
        }

        private boolean currentThread(SourceValue value, int depth) {
            AbstractInsnNode producer = single(value);
            if (producer == null || depth > MAX_TRACE_DEPTH) {
                return false;
            }
            if (producer instanceof MethodInsnNode m) {
                return m.owner.equals("java/lang/Thread") && m.name.equals("currentThread");
            }
            return producer instanceof VarInsnNode && currentThread(stored(producer), depth + 1);
        }

        /** Reports a forbidden member reference; true if it was one. */
        private boolean memberRef(String refOwner, String name, String desc, String what) {
            ForbiddenApis.Category c = ForbiddenApis.member(refOwner, name, desc);
            if (c == null) {
                c = ForbiddenApis.type(elementType(refOwner));
            }
            if (c != null) {
                violation(caller + what, c);
                return true;
            }
            return false;
        }

        private void type(String desc) {
            String type = elementType(desc);
            ForbiddenApis.Category c = ForbiddenApis.type(type);
            if (c != null) {
                violation(caller + " uses " + dotted(type), c);
            }
        }

        private void constant(Object cst) {
            if (cst instanceof Type t) {
                if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) {
                    type(t.getDescriptor());
                }
            } else if (cst instanceof Handle h) {
                if (!h.getOwner().startsWith("[")
                        && !memberRef(
                                h.getOwner(),
                                h.getName(),
                                h.getDesc(),
                                " references " + handleMember(h) + " (method reference or handle)")
                        && argumentsJudged(h.getOwner(), h.getName(), h.getDesc())) {
                    violation(
                            caller + " references " + handleMember(h)
                                    + " as a method reference or handle, whose arguments and receiver the check"
                                    + " cannot see; call it directly",
                            h.getOwner().equals("java/lang/Thread")
                                    ? ForbiddenApis.Category.MANAGEMENT
                                    : CLASS_LOADER_REACH.contains(h.getName())
                                            ? ForbiddenApis.Category.CLASS_LOADING
                                            : ForbiddenApis.Category.REFLECTION);
                }
            } else if (cst instanceof ConstantDynamic dynamic) {
                constant(dynamic.getBootstrapMethod());
                for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                    constant(dynamic.getBootstrapMethodArgument(i));
                }
            } else if (cst instanceof String s && s.length() < 200 && s.indexOf('.') > 0 && s.indexOf(' ') < 0) {
                ForbiddenApis.Category c = ForbiddenApis.type(s.replace('.', '/'));
                if (c != null) {
                    violation(caller + " names " + s + " in a string constant (a reflective use)", c);
                }
            }
        }

        /** Reflection whose target can be followed back to a class literal. */
        private void reflection(MethodInsnNode call) {
            boolean privateLookup =
                    call.owner.equals("java/lang/invoke/MethodHandles") && call.name.equals("privateLookupIn");
            boolean finder = call.owner.equals(LOOKUP) && LOOKUP_FINDERS.contains(call.name);
            boolean unreflect = call.owner.equals(LOOKUP) && LOOKUP_UNREFLECTS.contains(call.name);
            boolean classLookup = call.owner.equals("java/lang/Class") && CLASS_MEMBER_LOOKUPS.contains(call.name);
            if (!privateLookup && !finder && !unreflect && !classLookup) {
                return;
            }
            Frame<SourceValue> frame = frame(call);
            String target = null;
            if (frame != null) {
                int args = Type.getArgumentTypes(call.desc).length;
                int first = frame.getStackSize() - args;
                if (privateLookup) {
                    target = constantClass(frame.getStack(first), 0);
                } else if (finder) {
                    target = constantClass(frame.getStack(first), 0);
                } else if (unreflect) {
                    target = reflectedOwner(frame.getStack(first));
                } else {
                    target = constantClass(frame.getStack(first - 1), 0);
                }
            }
            boolean foreign = target != null && !classes.contains(target);
            if (privateLookup) {
                violation(
                        caller + " calls java.lang.invoke.MethodHandles.privateLookupIn on "
                                + (target == null
                                        ? "a class not known statically"
                                        : foreign ? dotted(target) + ", a class outside the bundle" : dotted(target)),
                        ForbiddenApis.Category.REFLECTION);
            } else if ((finder || unreflect) && foreign) {
                violation(
                        caller + " calls java.lang.invoke.MethodHandles.Lookup." + call.name + " on " + dotted(target)
                                + ", a class outside the bundle",
                        ForbiddenApis.Category.REFLECTION);
            } else if (classLookup && foreign) {
                violation(
                        caller + " looks up members of " + dotted(target) + " reflectively (java.lang.Class."
                                + call.name + "), a class outside the bundle",
                        ForbiddenApis.Category.REFLECTION);
            }
        }

        /** The class a Method/Field/Constructor operand was looked up on, when it is a class literal. */
        private String reflectedOwner(SourceValue value) {
            AbstractInsnNode producer = single(value);
            if (producer instanceof VarInsnNode) {
                producer = single(stored(producer));
            }
            if (producer instanceof MethodInsnNode m
                    && m.owner.equals("java/lang/Class")
                    && CLASS_MEMBER_LOOKUPS.contains(m.name)) {
                Frame<SourceValue> f = frame(m);
                if (f != null) {
                    return constantClass(f.getStack(f.getStackSize() - Type.getArgumentTypes(m.desc).length - 1), 0);
                }
            }
            return null;
        }

        /** The internal name of a class operand, when it is a class literal or Class.forName of a constant. */
        private String constantClass(SourceValue value, int depth) {
            AbstractInsnNode producer = single(value);
            if (producer == null || depth > MAX_TRACE_DEPTH) {
                return null;
            }
            if (producer instanceof LdcInsnNode ldc && ldc.cst instanceof Type t && t.getSort() == Type.OBJECT) {
                return t.getInternalName();
            }
            if (producer instanceof MethodInsnNode m
                    && m.owner.equals("java/lang/Class")
                    && m.name.equals("forName")
                    && m.desc.startsWith("(Ljava/lang/String;")) {
                Frame<SourceValue> f = frame(m);
                if (f != null) {
                    String name = constantString(
                            f.getStack(f.getStackSize() - Type.getArgumentTypes(m.desc).length), depth + 1);
                    return name == null ? null : name.replace('.', '/');
                }
            }
            if (producer instanceof VarInsnNode || producer.getOpcode() == Opcodes.CHECKCAST) {
                return constantClass(producer instanceof VarInsnNode ? stored(producer) : top(producer), depth + 1);
            }
            return null;
        }

        private String constantString(SourceValue value, int depth) {
            AbstractInsnNode producer = single(value);
            if (producer == null || depth > MAX_TRACE_DEPTH) {
                return null;
            }
            if (producer instanceof LdcInsnNode ldc && ldc.cst instanceof String s) {
                return s;
            }
            if (producer instanceof VarInsnNode) {
                return constantString(stored(producer), depth + 1);
            }
            return null;
        }

        /** For a local variable load: the value its only store put there. */
        private SourceValue stored(AbstractInsnNode load) {
            if (!(load instanceof VarInsnNode var) || var.getOpcode() != Opcodes.ALOAD) {
                return null;
            }
            Frame<SourceValue> f = frame(load);
            if (f == null) {
                return null;
            }
            AbstractInsnNode store = single(f.getLocal(var.var));
            return store != null && store.getOpcode() == Opcodes.ASTORE ? top(store) : null;
        }

        /** The value on top of the stack just before an instruction. */
        private SourceValue top(AbstractInsnNode insn) {
            Frame<SourceValue> f = frame(insn);
            return f == null || f.getStackSize() == 0 ? null : f.getStack(f.getStackSize() - 1);
        }

        private AbstractInsnNode single(SourceValue value) {
            return value == null || value.insns.size() != 1
                    ? null
                    : value.insns.iterator().next();
        }

        @SuppressWarnings("unchecked")
        private Frame<SourceValue> frame(AbstractInsnNode insn) {
            if (!analysed) {
                analysed = true;
                try {
                    frames = new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method);
                } catch (AnalyzerException | RuntimeException e) {
                    frames = null;
                }
            }
            return frames == null ? null : frames[method.instructions.indexOf(insn)];
        }
    }

    /** The first class outside the bundle on the superclass chain of a bundle class, or null if it is not a bundle class. */
    private String firstOutsideBundle(String owner) {
        String type = owner;
        for (int i = 0; i < 100 && type != null; i++) {
            ClassNode node = classes.get(type);
            if (node == null) {
                return type.equals(owner) ? null : type;
            }
            type = node.superName;
        }
        return null;
    }

    private static String elementType(String desc) {
        String d = desc;
        while (d.startsWith("[")) {
            d = d.substring(1);
        }
        return d.startsWith("L") && d.endsWith(";") ? d.substring(1, d.length() - 1) : d;
    }

    static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }

    private static String member(String owner, String name, String desc) {
        return name.equals("<init>")
                ? "new " + dotted(owner) + signature(desc)
                : dotted(owner) + "." + name + signature(desc);
    }

    private static String handleMember(Handle h) {
        return switch (h.getTag()) {
            case Opcodes.H_GETFIELD, Opcodes.H_GETSTATIC, Opcodes.H_PUTFIELD, Opcodes.H_PUTSTATIC ->
                dotted(h.getOwner()) + "." + h.getName();
            default -> member(h.getOwner(), h.getName(), h.getDesc());
        };
    }

    private static String signature(String methodDesc) {
        StringBuilder out = new StringBuilder("(");
        Type[] args = Type.getArgumentTypes(methodDesc);
        for (int i = 0; i < args.length; i++) {
            out.append(i == 0 ? "" : ", ").append(args[i].getClassName());
        }
        return out.append(')').toString();
    }

    /** {@code com.acme.Tax.quote}, with constructors, static initializers and lambda bodies spelt out. */
    private static String caller(ClassNode owner, MethodNode method) {
        String cls = dotted(owner.name);
        if (method.name.equals("<init>")) {
            return cls + ".<init> (constructor)";
        }
        if (method.name.equals("<clinit>")) {
            return cls + ".<clinit> (static initializer)";
        }
        if (method.name.startsWith("lambda$")) {
            String[] parts = method.name.split("\\$");
            if (parts.length >= 3) {
                return cls + "."
                        + (parts[1].equals("new") ? "<init>" : parts[1].equals("static") ? "<clinit>" : parts[1])
                        + " (in a lambda)";
            }
        }
        return cls + "." + method.name;
    }
}
