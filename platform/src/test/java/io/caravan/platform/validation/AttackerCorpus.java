package io.caravan.platform.validation;

import static io.caravan.platform.validation.BundleForge.good;
import static io.caravan.platform.validation.BundleValidatorTest.bad;
import static io.caravan.platform.validation.BundleValidatorTest.forbidden;

import io.caravan.platform.validation.BundleValidatorTest.Bad;
import io.caravan.platform.validation.application.Rules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The bundles an outside review crafted against the upload checks, each the good template with one
 * thing changed: classes hidden from the bytecode policy by their entry's name, code defined at run
 * time, reflection that picks its target at run time, and JDK services shared with the platform
 * (the common pool, system properties, management, logging handlers, other loaders). Each must be
 * rejected by exactly its rule; {@link #accepted()} lists the look-alike forms that stay allowed.
 */
final class AttackerCorpus {
    /** A class that would pass the policy where it is, but is placed where the policy does not look. */
    static final String EVIL_SOURCE = """
            package com.acme.tax;

            public final class Evil {
                public static void run() {
                    System.exit(7);
                }
            }
            """;

    private AttackerCorpus() {}

    static byte[] evilClass() {
        return BundleForge.compile(Map.of("com.acme.tax.Evil", EVIL_SOURCE)).get("com/acme/tax/Evil.class");
    }

    static List<Bad> rejected() {
        List<Bad> c = new ArrayList<>();
        // --- classes found by content, not by name
        c.add(bad(
                "class file named data.bin",
                Rules.ARCHIVE_HIDDEN_CLASS,
                "entry \"data.bin\" is a class file",
                () -> good().entry("data.bin", evilClass())));
        c.add(bad(
                "class file named like an image",
                Rules.ARCHIVE_HIDDEN_CLASS,
                "entry \"com/acme/tax/x.png\" is a class file",
                () -> good().entry("com/acme/tax/x.png", evilClass())));
        c.add(bad(
                "class file in a versioned resource without .class",
                Rules.ARCHIVE_HIDDEN_CLASS,
                "META-INF/versions/21/com/acme/tax/Evil",
                () -> good().entry("META-INF/versions/21/com/acme/tax/Evil", evilClass())));
        c.add(bad(
                "class bytes in a directory entry",
                Rules.ARCHIVE_HIDDEN_CLASS,
                "directory entry \"com/acme/tax/Evil.class/\" carries",
                () -> good().entry("com/acme/tax/Evil.class/", evilClass())));
        c.add(bad(
                "multi-release class calling System.exit",
                Rules.BYTECODE_FORBIDDEN_API,
                "com.acme.tax.Evil.run calls java.lang.System.exit(int)",
                () -> good().entry("META-INF/versions/21/com/acme/tax/Evil.class", evilClass())));
        c.add(bad(
                "gzip-compressed class under another name",
                Rules.ARCHIVE_NESTED_ARCHIVE,
                "entry \"rates.dat\" holds a zip or gzip archive",
                () -> good().entry("rates.dat", gzip(evilClass()))));

        // --- defining classes at run time
        c.add(forbidden(
                "SecureClassLoader subclass",
                "extends java.security.SecureClassLoader",
                "new java.security.SecureClassLoader() { };"));
        c.add(forbidden(
                "Lookup.defineHiddenClass",
                "java.lang.invoke.MethodHandles$Lookup.defineHiddenClass(",
                "try { java.lang.invoke.MethodHandles.lookup().defineHiddenClass(new byte[0], true); }"
                        + " catch (IllegalAccessException e) { }"));
        c.add(bad(
                "Instrumentation",
                Rules.BYTECODE_FORBIDDEN_API,
                "java.lang.instrument.Instrumentation.redefineClasses(",
                () -> good().calculator(
                                "MEMBERS",
                                "static void redefine(java.lang.instrument.Instrumentation i,"
                                        + " java.lang.instrument.ClassDefinition d) throws Exception {"
                                        + " i.redefineClasses(d); }")));
        c.add(forbidden(
                "the Java compiler",
                "javax.tools.ToolProvider.getSystemJavaCompiler()",
                "javax.tools.ToolProvider.getSystemJavaCompiler();"));
        c.add(forbidden(
                "a script engine",
                "new javax.script.ScriptEngineManager()",
                "new javax.script.ScriptEngineManager();"));

        // --- reflection that names its target at run time
        c.add(bad(
                "Class.forName of a parameter",
                Rules.BYTECODE_FORBIDDEN_API,
                "calls java.lang.Class.forName(java.lang.String) with a name computed at run time",
                () -> good().calculator(
                                "MEMBERS",
                                "static Class<?> load(String n) throws ClassNotFoundException {"
                                        + " return Class.forName(n); }")));
        c.add(bad(
                "getDeclaredMethod of a parameter on the bundle's own class",
                Rules.BYTECODE_FORBIDDEN_API,
                "java.lang.Class.getDeclaredMethod(java.lang.String, java.lang.Class[]) with a name computed",
                () -> good().calculator(
                                "MEMBERS",
                                "static Object call(String n) throws Exception {"
                                        + " return AcmeTaxCalculator.class.getDeclaredMethod(n).invoke(null); }")));
        c.add(bad(
                "getField of a concatenation",
                Rules.BYTECODE_FORBIDDEN_API,
                "java.lang.Class.getField(java.lang.String) with a name computed at run time",
                () -> good().calculator(
                                "MEMBERS",
                                "public static int f1; static Object f(int i) throws Exception {"
                                        + " return AcmeTaxCalculator.class.getField(\"f\" + i).get(null); }")));
        c.add(bad(
                "Lookup.findStatic of a parameter",
                Rules.BYTECODE_FORBIDDEN_API,
                "java.lang.invoke.MethodHandles$Lookup.findStatic(java.lang.Class, java.lang.String,"
                        + " java.lang.invoke.MethodType) with a name computed",
                () -> good().calculator(
                                "MEMBERS",
                                "static Object h(String n) throws Exception {"
                                        + " return java.lang.invoke.MethodHandles.lookup().findStatic("
                                        + "AcmeTaxCalculator.class, n,"
                                        + " java.lang.invoke.MethodType.methodType(void.class)); }")));
        c.add(bad(
                "Lookup.findClass of a parameter",
                Rules.BYTECODE_FORBIDDEN_API,
                "java.lang.invoke.MethodHandles$Lookup.findClass(java.lang.String) with a name computed",
                () -> good().calculator(
                                "MEMBERS",
                                "static Object k(String n) throws Exception {"
                                        + " return java.lang.invoke.MethodHandles.lookup().findClass(n); }")));
        c.add(bad(
                "Class.forName as a method reference",
                Rules.BYTECODE_FORBIDDEN_API,
                "references java.lang.Class.forName(java.lang.String) as a method reference",
                () -> good().calculator(
                                "MEMBERS",
                                "interface Loader { Class<?> load(String n) throws Exception; }"
                                        + " static Object load(String n) throws Exception {"
                                        + " Loader l = Class::forName; return l.load(n); }")));
        c.add(bad(
                "another thread's stack through a method reference",
                Rules.BYTECODE_FORBIDDEN_API,
                "references java.lang.Thread.getStackTrace() as a method reference",
                () -> good().calculator(
                                "MEMBERS",
                                "static Object peek(Thread t) {"
                                        + " java.util.function.Function<Thread, Object> f = Thread::getStackTrace;"
                                        + " return f.apply(t); }")));
        c.add(forbidden(
                "privateLookupIn on the bundle's own class",
                "privateLookupIn on com.acme.tax.AcmeTaxCalculator",
                "try { java.lang.invoke.MethodHandles.privateLookupIn(AcmeTaxCalculator.class,"
                        + " java.lang.invoke.MethodHandles.lookup()); } catch (IllegalAccessException e) { }"));
        c.add(forbidden(
                "trySetAccessible",
                "trySetAccessible()",
                "try { AcmeTaxCalculator.class.getDeclaredConstructor().trySetAccessible(); }"
                        + " catch (NoSuchMethodException e) { }"));
        c.add(forbidden(
                "StackWalker with class references",
                "java.lang.StackWalker.getInstance(java.lang.StackWalker$Option)",
                "StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();"));
        c.add(forbidden(
                "java.beans.Statement",
                "java.beans.Statement",
                "try { new java.beans.Statement(System.class, \"exit\", new Object[] {3}).execute(); }"
                        + " catch (Exception e) { }"));
        c.add(bad(
                "ObjectInputStream",
                Rules.BYTECODE_FORBIDDEN_API,
                "new java.io.ObjectInputStream(java.io.InputStream)",
                () -> good().calculator(
                                "MEMBERS",
                                "static Object read(java.io.InputStream in) throws Exception {"
                                        + " return new java.io.ObjectInputStream(in).readObject(); }")));

        // --- the JDK's shared executors
        c.add(forbidden(
                "ForkJoinPool.commonPool",
                "java.util.concurrent.ForkJoinPool.commonPool()",
                "java.util.concurrent.ForkJoinPool.commonPool().execute(() -> { });"));
        c.add(bad(
                "RecursiveTask.fork",
                Rules.BYTECODE_FORBIDDEN_API,
                "extends java.util.concurrent.RecursiveTask",
                () -> good().calculator(
                                "MEMBERS",
                                "static final class One extends java.util.concurrent.RecursiveTask<Integer> {"
                                        + " protected Integer compute() { return 1; } }")
                        .calculator("QUOTE", "new One().fork();")));
        c.add(forbidden(
                "Arrays.parallelSort",
                "java.util.Arrays.parallelSort(int[])",
                "java.util.Arrays.parallelSort(new int[] {3, 1});"));
        c.add(forbidden(
                "Arrays.parallelSetAll",
                "java.util.Arrays.parallelSetAll(int[], java.util.function.IntUnaryOperator)",
                "java.util.Arrays.parallelSetAll(new int[4], i -> i);"));
        c.add(forbidden(
                "IntStream.parallel",
                "java.util.stream.IntStream.parallel()",
                "java.util.stream.IntStream.range(0, 9).parallel().sum();"));
        c.add(forbidden(
                "ConcurrentHashMap bulk operation",
                "java.util.concurrent.ConcurrentHashMap.forEach(long, java.util.function.BiConsumer)",
                "new java.util.concurrent.ConcurrentHashMap<String, String>().forEach(1L, (k, v) -> { });"));
        c.add(
                bad(
                        "StreamSupport with a parallel flag",
                        Rules.BYTECODE_FORBIDDEN_API,
                        "java.util.stream.StreamSupport.stream(java.util.Spliterator, boolean) with a parallel flag",
                        () -> good().calculator(
                                        "MEMBERS",
                                        "static long n(java.util.List<String> l, boolean p) {"
                                                + " return java.util.stream.StreamSupport.stream(l.spliterator(), p).count(); }")));
        c.add(forbidden(
                "CompletableFuture.supplyAsync without an executor",
                "java.util.concurrent.CompletableFuture.supplyAsync(java.util.function.Supplier)",
                "java.util.concurrent.CompletableFuture.supplyAsync(() -> \"x\").join();"));
        c.add(forbidden(
                "CompletableFuture.orTimeout",
                "java.util.concurrent.CompletableFuture.orTimeout(long, java.util.concurrent.TimeUnit)",
                "new java.util.concurrent.CompletableFuture<String>().orTimeout(1,"
                        + " java.util.concurrent.TimeUnit.SECONDS);"));
        c.add(forbidden(
                "CompletableFuture.completeOnTimeout",
                "java.util.concurrent.CompletableFuture.completeOnTimeout(",
                "new java.util.concurrent.CompletableFuture<String>().completeOnTimeout(\"x\", 1,"
                        + " java.util.concurrent.TimeUnit.SECONDS);"));
        c.add(forbidden(
                "SubmissionPublisher on the common pool",
                "new java.util.concurrent.SubmissionPublisher()",
                "new java.util.concurrent.SubmissionPublisher<String>().close();"));

        // --- system properties, sockets and name lookups
        c.add(forbidden("System.getProperties", "java.lang.System.getProperties()", "System.getProperties().clear();"));
        c.add(forbidden(
                "System.clearProperty",
                "java.lang.System.clearProperty(java.lang.String)",
                "System.clearProperty(\"javax.net.ssl.trustStore\");"));
        c.add(forbidden(
                "ServerSocket",
                "new java.net.ServerSocket(int)",
                "try (java.net.ServerSocket s = new java.net.ServerSocket(8081)) { }"
                        + " catch (java.io.IOException e) { }"));
        c.add(forbidden(
                "DatagramSocket",
                "new java.net.DatagramSocket()",
                "try (java.net.DatagramSocket s = new java.net.DatagramSocket()) { }"
                        + " catch (java.io.IOException e) { }"));
        c.add(forbidden(
                "InetAddress.getByName",
                "java.net.InetAddress.getByName(java.lang.String)",
                "try { java.net.InetAddress.getByName(\"db.internal\"); } catch (java.io.IOException e) { }"));
        c.add(forbidden(
                "InetSocketAddress resolving a host",
                "new java.net.InetSocketAddress(java.lang.String, int)",
                "new java.net.InetSocketAddress(\"db.internal\", 5432);"));
        c.add(forbidden(
                "NetworkInterface",
                "java.net.NetworkInterface.getNetworkInterfaces()",
                "try { java.net.NetworkInterface.getNetworkInterfaces(); } catch (java.io.IOException e) { }"));

        // --- management and other threads
        c.add(forbidden(
                "ThreadMXBean",
                "java.lang.management.ManagementFactory.getThreadMXBean()",
                "java.lang.management.ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);"));
        c.add(forbidden(
                "javax.management",
                "javax.management.ObjectName",
                "try { new javax.management.ObjectName(\"java.lang:type=Runtime\"); } catch (Exception e) { }"));
        c.add(forbidden(
                "Thread.getAllStackTraces", "java.lang.Thread.getAllStackTraces()", "Thread.getAllStackTraces();"));
        c.add(bad(
                "another thread's stack",
                Rules.BYTECODE_FORBIDDEN_API,
                "getStackTrace() on a thread that is not Thread.currentThread()",
                () -> good().calculator("MEMBERS", "static Object peek(Thread t) { return t.getStackTrace(); }")));
        c.add(forbidden(
                "ThreadGroup", "java.lang.Thread.getThreadGroup()", "Thread.currentThread().getThreadGroup();"));
        c.add(forbidden(
                "the attach API",
                "com.sun.tools.attach.VirtualMachine.list()",
                "com.sun.tools.attach.VirtualMachine.list();"));

        // --- logging handlers
        c.add(forbidden(
                "Logger.addHandler",
                "java.util.logging.Logger.addHandler(java.util.logging.Handler)",
                "java.util.logging.Logger.getLogger(\"\").addHandler(null);"));
        c.add(forbidden(
                "FileHandler",
                "new java.util.logging.FileHandler(java.lang.String)",
                "try { new java.util.logging.FileHandler(\"/tmp/x.log\"); } catch (java.io.IOException e) { }"));
        c.add(forbidden(
                "LogManager",
                "java.util.logging.LogManager.getLogManager()",
                "java.util.logging.LogManager.getLogManager().reset();"));

        // --- other loaders and their resources
        c.add(forbidden(
                "ClassLoader.getSystemResourceAsStream",
                "java.lang.ClassLoader.getSystemResourceAsStream(java.lang.String)",
                "ClassLoader.getSystemResourceAsStream(\"server.xml\");"));
        c.add(forbidden(
                "the context class loader",
                "java.lang.Thread.getContextClassLoader()",
                "Thread.currentThread().getContextClassLoader();"));
        c.add(forbidden(
                "ClassLoader.getParent",
                "java.lang.ClassLoader.getParent()",
                "AcmeTaxCalculator.class.getClassLoader().getParent();"));
        c.add(forbidden(
                "the SDK's resources",
                "getResourceAsStream on io.caravan.sdk.plugin.PluginContext, a class outside the bundle",
                "PluginContext.class.getResourceAsStream(\"/META-INF/MANIFEST.MF\");"));
        c.add(forbidden(
                "the loader of an object the platform passed in",
                "java.lang.Class.getClassLoader on a class not known to be the bundle's",
                "context.getClass().getClassLoader();"));
        c.add(forbidden(
                "resources through an SDK object's class",
                "java.lang.Class.getResourceAsStream on a class not known to be the bundle's",
                "Class<?> k = cart.getClass(); k.getResourceAsStream(\"/META-INF/MANIFEST.MF\");"));
        c.add(forbidden(
                "another class's loader",
                "getClassLoader on io.caravan.sdk.model.Cart, a class outside the bundle",
                "Cart.class.getClassLoader();"));
        return c;
    }

    /** Look-alikes of the refused forms that a plugin may use (quote code, members). */
    static List<String[]> accepted() {
        return List.of(
                new String[] {
                    "try { Class.forName(\"com.acme.tax.AcmeHealth\");"
                            + " AcmeTaxCalculator.class.getDeclaredMethod(NAME).invoke(null);"
                            + " AcmeTaxCalculator.class.getDeclaredField(\"rate\"); }"
                            + " catch (ReflectiveOperationException e) { }",
                    "static final String NAME = \"helper\"; static int rate; static void helper() { }"
                },
                new String[] {
                    "String method = \"helper\"; try { java.lang.invoke.MethodHandles.lookup().findStatic("
                            + "AcmeTaxCalculator.class, method, java.lang.invoke.MethodType.methodType(void.class)); }"
                            + " catch (ReflectiveOperationException e) { }",
                    "static void helper() { }"
                },
                new String[] {
                    "Thread me = Thread.currentThread(); me.getStackTrace();"
                            + " Thread.currentThread().getStackTrace();",
                    ""
                },
                new String[] {
                    "java.util.concurrent.CompletableFuture.supplyAsync(() -> \"x\", Runnable::run).join();"
                            + " new java.util.concurrent.SubmissionPublisher<String>(Runnable::run, 4).close();",
                    ""
                },
                new String[] {
                    "getClass().getResourceAsStream(\"/rates.csv\"); Class<?> mine = this.getClass();"
                            + " mine.getClassLoader();"
                            + " AcmeTaxCalculator.class.getResource(\"/rates.csv\");"
                            + " java.lang.reflect.Proxy.newProxyInstance(AcmeTaxCalculator.class.getClassLoader(),"
                            + " new Class<?>[] {Runnable.class}, (p, m, a) -> null);",
                    ""
                },
                new String[] {
                    "java.util.stream.StreamSupport.stream(cart.lines().spliterator(), false).count();"
                            + " new java.util.concurrent.ConcurrentHashMap<String, String>().forEach((k, v) -> { });",
                    ""
                },
                new String[] {
                    "System.getProperty(\"line.separator\");"
                            + " java.util.logging.Logger.getLogger(\"com.acme.tax\").info(\"quote\");"
                            + " System.getLogger(\"com.acme.tax\").log(System.Logger.Level.INFO, \"quote\");",
                    ""
                });
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
