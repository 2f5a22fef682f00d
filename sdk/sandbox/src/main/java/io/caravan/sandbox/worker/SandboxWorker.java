package io.caravan.sandbox.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.runtime.BundleLoadException;
import io.caravan.runtime.DryRun;
import io.caravan.runtime.JsonPluginConfiguration;
import io.caravan.runtime.LoadedBundle;
import io.caravan.runtime.PluginFramework;
import io.caravan.runtime.SdkExports;
import io.caravan.sandbox.protocol.Answer;
import io.caravan.sandbox.protocol.Call;
import io.caravan.sandbox.protocol.DryRunRequest;
import io.caravan.sandbox.protocol.Envelope;
import io.caravan.sandbox.protocol.ErrorMessage;
import io.caravan.sandbox.protocol.ExtensionMethods;
import io.caravan.sandbox.protocol.Failed;
import io.caravan.sandbox.protocol.FrameChannel;
import io.caravan.sandbox.protocol.Load;
import io.caravan.sandbox.protocol.Loaded;
import io.caravan.sandbox.protocol.Ready;
import io.caravan.sandbox.protocol.Refused;
import io.caravan.sandbox.protocol.SandboxJson;
import io.caravan.sandbox.protocol.SandboxProtocol;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginRejectedException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * The main class of a sandbox process: the plugin runtime, the SDK and, once loaded, one plugin
 * bundle. It reads requests from its standard input and answers on its standard output (the
 * protocol of {@link io.caravan.sandbox.protocol}); {@code System.out} is pointed at standard error
 * first, so nothing a plugin prints can reach the protocol stream by accident. It serves one call
 * at a time (the platform sends the next one only after an answer), on its one protocol thread: a
 * call's callbacks read their results from the channel on that thread too (no hand-off).
 *
 * <p>The worker trusts nothing it holds: it may be killed at any moment (that is how the platform
 * ends a call that overran), and keeps nothing that must survive it.
 */
public final class SandboxWorker {
    private static final int MAX_MESSAGE = 500;
    /** A bound on {@link #prepare}'s class loading, so a bundle of many classes cannot stretch its load. */
    private static final int MAX_PRELOADED_CLASSES = 2_000;

    private final FrameChannel channel;
    private final Path work;
    private final PlatformLink link;
    private PluginFramework framework;
    private LoadedBundle bundle;

    SandboxWorker(FrameChannel channel, Path work) {
        this.channel = channel;
        this.work = work;
        this.link = new PlatformLink(channel);
    }

    /**
     * Starts the worker on the process's standard streams.
     *
     * @param args the worker's scratch directory (its only writable place)
     * @throws IOException if the platform's end cannot be written at all
     */
    @SuppressWarnings("resource")
    public static void main(String[] args) throws IOException {
        FileOutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        Path work = Path.of(args.length > 0 ? args[0] : "work").toAbsolutePath();
        FrameChannel channel = new FrameChannel(
                new FileInputStream(FileDescriptor.in), protocolOut, SandboxProtocol.MAX_FRAME_TO_WORKER);
        int status = 0;
        try {
            new SandboxWorker(channel, work).serve();
        } catch (IOException | RuntimeException | Error e) {
            // the platform's end went away mid-call (its node was killed: the answer found no reader)
            status = 1;
            System.err.println("caravan sandbox worker: stopping, the platform's end is gone: " + e);
        }
        // Neither a thread a plugin left behind nor the framework's own non-daemon dispatch thread
        // may keep the process alive once the platform hung up, however serving ended.
        Runtime.getRuntime().halt(status);
    }

    void serve() throws IOException {
        channel.send(
                SandboxProtocol.READY,
                new Ready(SandboxProtocol.VERSION, SdkExports.ofSdkOnClassPath().apiVersion()));
        while (true) {
            Envelope envelope;
            try {
                envelope = channel.receive();
            } catch (EOFException e) {
                return;
            }
            try {
                handle(envelope);
            } catch (RuntimeException e) {
                channel.send(SandboxProtocol.ERROR, new ErrorMessage(describe(e)));
            }
        }
    }

    private void handle(Envelope envelope) throws IOException {
        switch (envelope.type()) {
            case SandboxProtocol.LOAD -> load(SandboxJson.read(envelope.body(), Load.class));
            case SandboxProtocol.DRY_RUN -> {
                DryRunRequest request = SandboxJson.read(envelope.body(), DryRunRequest.class);
                channel.send(
                        SandboxProtocol.DRY_RUN_RESULT,
                        DryRun.run(
                                request.bundle(), work.resolve("dry-run"), Duration.ofMillis(request.timeoutMillis())));
            }
            // on this thread: the call's callbacks read their results from the channel themselves
            case SandboxProtocol.CALL -> answer(SandboxJson.read(envelope.body(), Call.class));
            default -> channel.send(SandboxProtocol.ERROR, new ErrorMessage("unknown message " + envelope.type()));
        }
    }

    private void load(Load load) throws IOException {
        if (bundle != null) {
            channel.send(SandboxProtocol.ERROR, new ErrorMessage("this worker already holds " + bundle.location()));
            return;
        }
        try {
            if (framework == null) {
                framework = PluginFramework.start(work.resolve("felix"));
            }
            bundle = framework.load(load.location(), load.bundle());
        } catch (BundleLoadException e) {
            channel.send(SandboxProtocol.ERROR, new ErrorMessage(describe(e)));
            return;
        }
        List<String> points =
                bundle.extensions().keySet().stream().map(Enum::name).sorted().toList();
        prepare(bundle, load.bundle());
        channel.send(SandboxProtocol.LOADED, new Loaded(bundle.symbolicName(), bundle.version(), points));
    }

    /**
     * Does now, under the load's start timeout, what the first call would otherwise do within its
     * deadline: loads (without initialising, so no plugin code runs) the bundle's classes, builds the
     * JSON mapping of its points' values and of the protocol's messages, and parses a configuration.
     * In a JVM that has run nothing, that first call cost ~200 ms of a 1 s tax deadline on an idle
     * 2-core machine (BENCHMARKS.md, "first call of a sandboxed version").
     */
    private static void prepare(LoadedBundle bundle, byte[] jar) {
        int loaded = 0;
        try (JarInputStream entries = new JarInputStream(new ByteArrayInputStream(jar))) {
            JarEntry entry;
            while ((entry = entries.getNextJarEntry()) != null && loaded < MAX_PRELOADED_CLASSES) {
                String name = entry.getName();
                if (!name.endsWith(".class") || name.contains("-") || name.startsWith("META-INF/")) {
                    continue; // module-info, package-info and versioned entries are not loadable classes
                }
                try {
                    Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, bundle.classLoader());
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // not exported to itself (a nested jar's class, say), or broken: the call finds out
                }
            }
        } catch (IOException e) {
            // the framework has read this jar already; a second read cannot fail in a way that matters
        }
        for (ExtensionPoint point : bundle.extensions().keySet()) {
            SandboxJson.prepare(point);
        }
        JsonPluginConfiguration.parse("{}", java.util.Set.of());
    }

    private void answer(Call call) {
        try {
            channel.send(SandboxProtocol.ANSWER, new Answer(call.id(), SandboxJson.tree(invoke(call))));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            sendQuietly(
                    cause instanceof PluginRejectedException rejected
                            ? SandboxProtocol.REFUSED
                            : SandboxProtocol.FAILED,
                    cause instanceof PluginRejectedException rejected
                            ? new Refused(call.id(), rejected.code(), truncate(rejected.getMessage()))
                            : new Failed(call.id(), cause.getClass().getSimpleName(), truncate(cause.getMessage())));
        } catch (RuntimeException | ReflectiveOperationException | IOException | LinkageError e) {
            sendQuietly(
                    SandboxProtocol.FAILED,
                    new Failed(call.id(), e.getClass().getSimpleName(), truncate(e.getMessage())));
        }
    }

    private Object invoke(Call call) throws ReflectiveOperationException {
        if (bundle == null) {
            throw new IllegalStateException("no bundle is loaded in this worker");
        }
        ExtensionPoint point = ExtensionPoint.valueOf(call.point());
        Method method = ExtensionMethods.find(point, call.method())
                .orElseThrow(() -> new IllegalArgumentException(point + " has no method " + call.method()));
        Optional<Object> extension = bundle.extension(point);
        if (extension.isEmpty()) {
            throw new IllegalStateException(bundle.symbolicName() + " provides no " + point);
        }
        Type[] types = method.getGenericParameterTypes();
        if (call.arguments().size() != types.length - 1) {
            throw new IllegalArgumentException(method.getName() + " takes " + (types.length - 1) + " arguments");
        }
        Object[] arguments = new Object[types.length];
        arguments[0] = new WorkerContext(call.id(), call.context(), link);
        for (int i = 1; i < types.length; i++) {
            JsonNode node = call.arguments().get(i - 1);
            arguments[i] = node == null || node.isNull() ? null : SandboxJson.read(node, types[i]);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(bundle.classLoader());
        try {
            return method.invoke(extension.get(), arguments);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void sendQuietly(String type, Object body) {
        try {
            channel.send(type, body);
        } catch (IOException | RuntimeException e) {
            // the platform has gone, or the answer cannot be written; the platform's deadline ends the call
        }
    }

    private static String describe(Throwable e) {
        return truncate(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    private static String truncate(String message) {
        if (message == null) {
            return null;
        }
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }
}
