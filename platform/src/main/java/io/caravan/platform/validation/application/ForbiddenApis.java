package io.caravan.platform.validation.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The JDK members a plugin's bytecode may not reference, each with the reason a developer is
 * shown. Owners are JVM internal names ({@code java/lang/System}). A rule names members (methods
 * or fields, {@code <init>} for constructors) or, with {@link #ANY}, forbids every use of the
 * class (calls, fields, casts, class literals, method references). The SDK offers the sanctioned
 * way for each: {@code PluginContext.http()} for the network, {@code PluginContext.storage()} for
 * state, the platform's threads for concurrency.
 */
final class ForbiddenApis {

    enum Category {
        STOP_JVM("plugins may not stop the JVM"),
        PROCESS("plugins may not start or control operating-system processes"),
        NATIVE("plugins may not load native code"),
        REFLECTION("plugins may not open up code outside their bundle by reflection"),
        UNSAFE("plugins may not use Unsafe or other JDK internals"),
        CLASS_LOADING("plugins may not create class loaders, define classes, compile or instrument code, or reach"
                + " classes and resources through another loader than their bundle's"),
        THREADS("plugins may not create threads or use shared thread pools; the platform runs every call on its own"
                + " threads, under its deadline"),
        NETWORK("plugins reach the network only through PluginContext.http() (EgressHttp), to their declared hosts"),
        FILES("plugins may not use the file system; use PluginContext.storage() and the bundle's own resources"),
        JVM_STATE("plugins may not change JVM-wide state shared with the platform and other plugins"),
        SYSTEM_PROPERTIES("plugins may not change system properties nor take all of them (a live, JVM-wide table"
                + " that holds the platform's settings); read one named property with System.getProperty, or use"
                + " the plugin's configuration"),
        LOGGING("plugins log through java.util.logging.Logger or System.Logger as they are; handlers and the log"
                + " manager belong to the platform (a handler sees every plugin's and the platform's records)"),
        ENVIRONMENT("plugins may not read the platform's environment variables, which hold its credentials"),
        MANAGEMENT("plugins may not manage or inspect the JVM (management beans, attach, flight recorder, other"
                + " threads and their stacks)");

        final String reason;

        Category(String reason) {
            this.reason = reason;
        }
    }

    /** Matches every member and every use of the class. */
    private static final BiPredicate<String, String> ANY = (name, desc) -> true;

    private record Rule(BiPredicate<String, String> member, boolean anyUse, Category category) {}

    private record PrefixRule(
            String ownerPrefix, BiPredicate<String, String> member, boolean anyUse, Category category) {}

    private static final Map<String, List<Rule>> RULES = new HashMap<>();
    private static final List<PrefixRule> PREFIX_RULES = new ArrayList<>();

    /** The class-loader classes a plugin may neither extend nor create. */
    static final Set<String> CLASS_LOADERS =
            Set.of("java/lang/ClassLoader", "java/security/SecureClassLoader", "java/net/URLClassLoader");

    static {
        Category c;

        c = Category.STOP_JVM;
        members("java/lang/System", c, "exit");
        members("java/lang/Runtime", c, "exit", "halt");

        c = Category.PROCESS;
        members("java/lang/Runtime", c, "exec");
        any("java/lang/ProcessBuilder", c);
        any("java/lang/ProcessBuilder$Redirect", c);
        any("java/lang/ProcessHandle", c);
        any("java/lang/Process", c);

        c = Category.NATIVE;
        members("java/lang/System", c, "load", "loadLibrary");
        members("java/lang/Runtime", c, "load", "loadLibrary");

        c = Category.REFLECTION;
        for (String owner : List.of(
                "java/lang/reflect/AccessibleObject",
                "java/lang/reflect/Method",
                "java/lang/reflect/Field",
                "java/lang/reflect/Constructor",
                "java/lang/reflect/Executable")) {
            members(owner, c, "setAccessible", "trySetAccessible");
        }
        // java.beans runs methods and creates objects named by strings; ObjectInputStream creates objects
        // of classes the stream names.
        for (String owner : List.of(
                "java/beans/Statement",
                "java/beans/Expression",
                "java/beans/XMLDecoder",
                "java/beans/EventHandler",
                "java/beans/Beans",
                "java/io/ObjectInputStream")) {
            any(owner, c);
        }
        members("java/lang/Module", c, "addOpens", "addExports", "addReads");
        // a caller's Class object (the platform's) is a handle for reflection on it
        members("java/lang/StackWalker", c, "getCallerClass");
        add(
                "java/lang/StackWalker",
                (name, desc) -> name.equals("getInstance") && !desc.equals("()Ljava/lang/StackWalker;"),
                c);

        prefix("com/sun/tools/attach/", ANY, true, Category.MANAGEMENT);

        c = Category.UNSAFE;
        any("sun/misc/Unsafe", c);
        any("jdk/internal/misc/Unsafe", c);
        prefix("sun/", ANY, true, c);
        prefix("jdk/internal/", ANY, true, c);
        prefix("com/sun/", ANY, true, c);

        c = Category.CLASS_LOADING;
        members(
                "java/lang/ClassLoader",
                c,
                "<init>",
                "defineClass",
                "loadClass",
                "findSystemClass",
                "getSystemClassLoader",
                "getPlatformClassLoader");
        members(
                "java/lang/ClassLoader",
                c,
                "getSystemResource",
                "getSystemResources",
                "getSystemResourceAsStream",
                "getParent");
        members("java/lang/Thread", c, "getContextClassLoader", "setContextClassLoader");
        members("java/lang/Class", c, "getProtectionDomain");
        members("java/security/SecureClassLoader", c, "<init>", "defineClass");
        prefix("java/lang/instrument/", ANY, true, c);
        prefix("javax/tools/", ANY, true, c);
        prefix("javax/script/", ANY, true, c);
        any("java/rmi/server/RMIClassLoader", c);
        any("java/lang/ModuleLayer", c);
        any("java/lang/ModuleLayer$Controller", c);
        any("java/net/URLClassLoader", c);
        members(
                "java/lang/invoke/MethodHandles$Lookup",
                c,
                "defineClass",
                "defineHiddenClass",
                "defineHiddenClassWithClassData");
        members("java/lang/invoke/MethodHandles", c, "classData", "classDataAt");
        add(
                "java/lang/Class",
                (name, desc) -> name.equals("forName")
                        && (desc.startsWith("(Ljava/lang/String;ZLjava/lang/ClassLoader;)")
                                || desc.startsWith("(Ljava/lang/Module;")),
                c);

        c = Category.THREADS;
        members("java/lang/Thread", c, "<init>", "start", "startVirtualThread", "ofPlatform", "ofVirtual");
        add("java/util/concurrent/Executors", (name, desc) -> !name.equals("callable"), c);
        // the common pool: ForkJoinPool itself and tasks, whose fork()/invoke() outside a pool run there
        for (String owner : List.of(
                "java/util/concurrent/ForkJoinPool",
                "java/util/concurrent/ForkJoinPool$ManagedBlocker",
                "java/util/concurrent/ForkJoinTask",
                "java/util/concurrent/RecursiveTask",
                "java/util/concurrent/RecursiveAction",
                "java/util/concurrent/CountedCompleter",
                "java/util/concurrent/ForkJoinWorkerThread",
                "java/nio/channels/AsynchronousChannelGroup")) {
            any(owner, c);
        }
        prefix("java/util/concurrent/StructuredTaskScope", ANY, true, c);
        prefix("java/lang/Thread$Builder", ANY, true, c);
        members("java/util/Arrays", c, "parallelSort", "parallelPrefix", "parallelSetAll");
        // the bulk operations (forEach, search, reduce* with a parallelism threshold first) fork on the common pool
        add("java/util/concurrent/ConcurrentHashMap", (name, desc) -> desc.startsWith("(J"), c);
        // SubmissionPublisher() delivers on the common pool; with an executor argument it is the caller's
        add("java/util/concurrent/SubmissionPublisher", (name, desc) -> name.equals("<init>") && desc.equals("()V"), c);
        members("java/util/concurrent/ThreadPoolExecutor", c, "<init>");
        members("java/util/concurrent/ScheduledThreadPoolExecutor", c, "<init>");
        any("java/util/Timer", c);
        // *Async without an Executor argument runs on the common pool; timeouts on a JDK-wide scheduler thread
        for (String owner : List.of("java/util/concurrent/CompletableFuture", "java/util/concurrent/CompletionStage")) {
            add(
                    owner,
                    (name, desc) -> name.endsWith("Async") && !desc.contains("Ljava/util/concurrent/Executor;")
                            || name.equals("delayedExecutor")
                            || name.equals("defaultExecutor")
                            || name.equals("orTimeout")
                            || name.equals("completeOnTimeout"),
                    c);
        }
        members("java/lang/ref/Cleaner", c, "create");
        members("java/lang/Runtime", c, "addShutdownHook", "removeShutdownHook");
        prefix("java/util/", (name, desc) -> name.equals("parallelStream"), false, c);
        prefix("java/util/stream/", (name, desc) -> name.equals("parallel"), false, c);

        c = Category.NETWORK;
        for (String owner : List.of(
                "java/net/Socket",
                "java/net/ServerSocket",
                "java/net/DatagramSocket",
                "java/net/MulticastSocket",
                "java/nio/channels/SocketChannel",
                "java/nio/channels/ServerSocketChannel",
                "java/nio/channels/DatagramChannel",
                "java/nio/channels/AsynchronousSocketChannel",
                "java/nio/channels/AsynchronousServerSocketChannel",
                "java/net/http/HttpClient",
                "java/net/http/HttpClient$Builder",
                "java/net/URLConnection",
                "java/net/HttpURLConnection",
                "java/net/JarURLConnection")) {
            any(owner, c);
        }
        members("java/net/URL", c, "<init>", "of", "openConnection");
        members("java/net/URI", c, "toURL");
        members(
                "java/net/InetAddress",
                c,
                "getByName",
                "getAllByName",
                "getLocalHost",
                "getHostName",
                "getCanonicalHostName");
        any("java/net/NetworkInterface", c);
        // new InetSocketAddress(host, port) resolves the host name
        add(
                "java/net/InetSocketAddress",
                (name, desc) -> name.equals("<init>") && desc.startsWith("(Ljava/lang/String;"),
                c);

        c = Category.FILES;
        for (String owner : List.of(
                "java/io/File",
                "java/io/FileInputStream",
                "java/io/FileOutputStream",
                "java/io/FileReader",
                "java/io/FileWriter",
                "java/io/RandomAccessFile",
                "java/io/FileDescriptor",
                "java/nio/file/Files",
                "java/nio/file/Paths",
                "java/nio/file/FileSystems",
                "java/nio/file/FileSystem",
                "java/nio/file/spi/FileSystemProvider",
                "java/nio/channels/FileChannel",
                "java/nio/channels/AsynchronousFileChannel",
                "java/util/zip/ZipFile",
                "java/util/jar/JarFile")) {
            any(owner, c);
        }
        members("java/nio/file/Path", c, "of");
        for (String owner : List.of("java/io/PrintStream", "java/io/PrintWriter", "java/util/Formatter")) {
            add(owner, (name, desc) -> name.equals("<init>") && desc.startsWith("(Ljava/lang/String;"), c);
        }

        c = Category.JVM_STATE;
        members(
                "java/lang/System",
                Category.SYSTEM_PROPERTIES,
                "setProperty",
                "clearProperty",
                "setProperties",
                "getProperties");
        members("java/lang/System", c, "setSecurityManager", "setIn", "setOut", "setErr");
        members("java/lang/Thread", c, "setDefaultUncaughtExceptionHandler");
        members("java/util/Locale", c, "setDefault");
        members("java/util/TimeZone", c, "setDefault");
        members("java/security/Security", c, "setProperty", "addProvider", "insertProviderAt", "removeProvider");
        for (String owner : List.of(
                "java/net/Authenticator",
                "java/net/CookieHandler",
                "java/net/ProxySelector",
                "java/net/ResponseCache")) {
            members(owner, c, "setDefault");
        }
        members("java/net/URL", c, "setURLStreamHandlerFactory");

        c = Category.LOGGING;
        for (String owner : List.of(
                "java/util/logging/LogManager",
                "java/util/logging/Handler",
                "java/util/logging/StreamHandler",
                "java/util/logging/ConsoleHandler",
                "java/util/logging/FileHandler",
                "java/util/logging/SocketHandler",
                "java/util/logging/MemoryHandler",
                "java/lang/System$LoggerFinder")) {
            any(owner, c);
        }
        members("java/util/logging/Logger", c, "addHandler", "removeHandler", "setParent", "setUseParentHandlers");

        members("java/lang/System", Category.ENVIRONMENT, "getenv");

        c = Category.MANAGEMENT;
        prefix("java/lang/management/", ANY, true, c);
        prefix("javax/management/", ANY, true, c);
        prefix("jdk/management/", ANY, true, c);
        prefix("jdk/jfr/", ANY, true, c);
        members("java/lang/Thread", c, "getAllStackTraces", "enumerate");
        any("java/lang/ThreadGroup", c);
        members("java/lang/Thread", c, "getThreadGroup");
    }

    private ForbiddenApis() {}

    private static void members(String owner, Category category, String... names) {
        Set<String> set = Set.of(names);
        add(owner, (name, desc) -> set.contains(name), category);
    }

    private static void add(String owner, BiPredicate<String, String> member, Category category) {
        RULES.computeIfAbsent(owner, o -> new ArrayList<>()).add(new Rule(member, false, category));
    }

    private static void any(String owner, Category category) {
        RULES.computeIfAbsent(owner, o -> new ArrayList<>()).add(new Rule(ANY, true, category));
    }

    private static void prefix(
            String ownerPrefix, BiPredicate<String, String> member, boolean anyUse, Category category) {
        PREFIX_RULES.add(new PrefixRule(ownerPrefix, member, anyUse, category));
    }

    /** Why a member reference (a call, field access or method handle) is forbidden, or null. */
    static Category member(String owner, String name, String desc) {
        for (Rule rule : RULES.getOrDefault(owner, List.of())) {
            if (rule.member().test(name, desc)) {
                return rule.category();
            }
        }
        for (PrefixRule rule : PREFIX_RULES) {
            if (owner.startsWith(rule.ownerPrefix()) && rule.member().test(name, desc)) {
                return rule.category();
            }
        }
        return null;
    }

    /** Why any use of a class (a cast, class literal, array, supertype or name in a string) is forbidden, or null. */
    static Category type(String internalName) {
        for (Rule rule : RULES.getOrDefault(internalName, List.of())) {
            if (rule.anyUse()) {
                return rule.category();
            }
        }
        for (PrefixRule rule : PREFIX_RULES) {
            if (rule.anyUse() && internalName.startsWith(rule.ownerPrefix())) {
                return rule.category();
            }
        }
        return null;
    }
}
