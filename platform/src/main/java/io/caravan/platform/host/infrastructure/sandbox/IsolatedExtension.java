package io.caravan.platform.host.infrastructure.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.runtime.JsonPluginConfiguration;
import io.caravan.sandbox.protocol.Answer;
import io.caravan.sandbox.protocol.Call;
import io.caravan.sandbox.protocol.CallContext;
import io.caravan.sandbox.protocol.Callback;
import io.caravan.sandbox.protocol.CallbackResult;
import io.caravan.sandbox.protocol.Envelope;
import io.caravan.sandbox.protocol.ErrorMessage;
import io.caravan.sandbox.protocol.Failed;
import io.caravan.sandbox.protocol.Log;
import io.caravan.sandbox.protocol.Refused;
import io.caravan.sandbox.protocol.SandboxJson;
import io.caravan.sandbox.protocol.SandboxProtocol;
import io.caravan.sdk.plugin.EgressDeniedException;
import io.caravan.sdk.plugin.EgressRequest;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginRejectedException;
import io.caravan.sdk.plugin.PluginUnavailableException;
import io.caravan.sdk.plugin.Secret;
import io.caravan.sdk.plugin.StorageLimitExceededException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The platform's side of an extension that runs in sandbox workers: a proxy of the point's SDK
 * interface whose every call becomes a {@link Call} to a worker of the version's pool. While the
 * call runs, the worker's requests for storage, egress and secrets are carried out here, on the
 * calling thread, through the very context the invoker built for this installation — so the
 * platform enforces its rules (storage scoped and bounded, declared hosts only, secrets of this
 * installation only) and the worker holds nothing it did not ask for in this call.
 *
 * <p>A call that overruns is ended by killing its worker (the only thing that stops a runaway
 * plugin); the invoker's own deadline normally fires first and interrupts this thread, which kills
 * the worker the same way. An answer is read back through the SDK's record constructors, so an
 * answer the SDK would refuse fails the call.
 */
final class IsolatedExtension implements InvocationHandler {
    private static final Logger LOG = Logger.getLogger(IsolatedExtension.class.getName());
    /** Beyond the call's deadline, so the invoker's own timeout (and its accounting) comes first. */
    private static final Duration GRACE = Duration.ofMillis(250);

    private final WorkerPool pool;
    private final ExtensionPoint point;
    private final Set<String> secretPointers;
    private final AtomicLong ids = new AtomicLong();

    IsolatedExtension(WorkerPool pool, ExtensionPoint point) {
        this.pool = pool;
        this.point = point;
        this.secretPointers = Set.copyOf(pool.artifact().descriptor().secretFields());
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "toString" ->
                    "isolated " + point + " of " + pool.artifact().descriptor().id();
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            };
        }
        if (args == null || args.length == 0 || !(args[0] instanceof PluginContext context)) {
            throw new IllegalArgumentException(method.getName() + " needs a PluginContext first");
        }
        List<JsonNode> arguments = new ArrayList<>(args.length - 1);
        for (int i = 1; i < args.length; i++) {
            arguments.add(SandboxJson.tree(args[i]));
        }
        long id = ids.incrementAndGet();
        Call call = new Call(id, point.name(), method.getName(), arguments, callContext(context));
        Instant until = context.deadline().plus(GRACE);
        WorkerProcess worker;
        try {
            worker = pool.acquire(context.deadline());
        } catch (WorkerException.Interrupted e) {
            Thread.currentThread().interrupt();
            throw new PluginUnavailableException(
                    "interrupted while waiting for a sandbox worker", (Duration) null, null);
        } catch (WorkerException e) {
            throw new PluginUnavailableException(
                    "no sandbox worker could take the call: " + e.getMessage(), (Duration) null, null);
        }
        try {
            worker.send(SandboxProtocol.CALL, call);
            while (true) {
                Envelope message = worker.next(until);
                switch (message.type()) {
                    case SandboxProtocol.CALLBACK -> {
                        Callback callback = SandboxJson.read(message.body(), Callback.class);
                        if (callback.call() != id) {
                            pool.discard(worker, "asked for call " + callback.call() + " during call " + id);
                            throw new IllegalStateException("the plugin's sandbox broke the protocol");
                        }
                        worker.send(SandboxProtocol.CALLBACK_RESULT, serve(callback, context));
                    }
                    case SandboxProtocol.LOG -> {
                        Log log = SandboxJson.read(message.body(), Log.class);
                        worker.log(log.level(), tag(context) + log.message());
                    }
                    case SandboxProtocol.ANSWER -> {
                        Answer answer = SandboxJson.read(message.body(), Answer.class);
                        requireCall(worker, id, answer.id());
                        pool.release(worker);
                        return read(method, answer.value());
                    }
                    case SandboxProtocol.REFUSED -> {
                        Refused refused = SandboxJson.read(message.body(), Refused.class);
                        requireCall(worker, id, refused.id());
                        pool.release(worker);
                        throw new PluginRejectedException(refused.code(), refused.message());
                    }
                    case SandboxProtocol.FAILED -> {
                        Failed failed = SandboxJson.read(message.body(), Failed.class);
                        requireCall(worker, id, failed.id());
                        pool.release(worker);
                        throw new IsolatedPluginException(
                                failed.exception() + (failed.message() == null ? "" : ": " + failed.message()));
                    }
                    case SandboxProtocol.ERROR -> {
                        pool.discard(
                                worker,
                                "error: "
                                        + SandboxJson.read(message.body(), ErrorMessage.class)
                                                .message());
                        throw new PluginUnavailableException(
                                "the plugin's sandbox could not run the call", (Duration) null, null);
                    }
                    default -> {
                        pool.discard(worker, "unexpected " + message.type());
                        throw new IllegalStateException("the plugin's sandbox broke the protocol");
                    }
                }
            }
        } catch (WorkerException.Timeout e) {
            pool.discard(worker, "no answer within the deadline of " + point);
            throw new PluginUnavailableException(
                    "no answer within the deadline; the plugin's sandbox process was killed", (Duration) null, null);
        } catch (WorkerException.Interrupted e) {
            pool.discard(worker, "the caller stopped waiting (deadline of " + point + ")");
            Thread.currentThread().interrupt();
            throw new PluginUnavailableException("the call was ended at its deadline", (Duration) null, null);
        } catch (WorkerException e) {
            pool.discard(worker, e.getMessage());
            throw new PluginUnavailableException(
                    "the plugin's sandbox process ended during the call", (Duration) null, null);
        } catch (IllegalArgumentException e) {
            // a message that is not what the protocol says (including an answer the SDK refuses)
            pool.discard(worker, "sent an invalid message: " + e.getMessage());
            throw new IsolatedPluginException("the plugin's answer is not valid: " + e.getMessage());
        }
    }

    private void requireCall(WorkerProcess worker, long expected, long got) {
        if (expected != got) {
            pool.discard(worker, "answered call " + got + " during call " + expected);
            throw new IllegalStateException("the plugin's sandbox broke the protocol");
        }
    }

    private static Object read(Method method, JsonNode value) {
        if (method.getReturnType() == void.class) {
            return null;
        }
        return value == null || value.isNull() ? null : SandboxJson.read(value, method.getGenericReturnType());
    }

    private String tag(PluginContext context) {
        return "[store=" + context.storeSlug() + " point=" + point + "] ";
    }

    private CallContext callContext(PluginContext context) {
        return new CallContext(
                context.storeSlug(),
                context.deadline(),
                context.locale().toLanguageTag(),
                withoutSecrets(context.configuration()),
                secretPointers,
                secretsSet(context.configuration()),
                tag(context));
    }

    /** The declared secret fields that hold a value (their names only). */
    private Set<String> secretsSet(PluginConfiguration configuration) {
        if (!(configuration instanceof JsonPluginConfiguration json)) {
            return Set.of();
        }
        java.util.Set<String> set = new java.util.TreeSet<>();
        for (String pointer : secretPointers) {
            // the configuration's own walk: JSON-P's JsonPointer.containsValue throws when a parent
            // object is absent (an optional section left out), and its message prints the document
            if (json.secret(pointer).isPresent()) {
                set.add(pointer);
            }
        }
        return set;
    }

    /** The configuration document with every declared secret field that holds a value removed. */
    private String withoutSecrets(PluginConfiguration configuration) {
        if (!(configuration instanceof JsonPluginConfiguration json)) {
            return "{}";
        }
        JsonObject document = json.json();
        for (String pointer : secretPointers) {
            if (json.has(pointer)) {
                document = Json.createPointer(pointer).remove(document);
            }
        }
        return document.toString();
    }

    /** Carries out one request of the worker with the call's own context. */
    private CallbackResult serve(Callback callback, PluginContext context) {
        long seq = callback.sequence();
        JsonNode a = callback.arguments();
        try {
            JsonNode value = switch (callback.operation()) {
                case Callback.STORAGE_GET ->
                    SandboxJson.tree(context.storage().get(text(a, "key")).orElse(null));
                case Callback.STORAGE_PUT ->
                    SandboxJson.tree(
                            ttl(a) == null
                                    ? context.storage().put(text(a, "key"), bytes(a))
                                    : context.storage().put(text(a, "key"), bytes(a), ttl(a)));
                case Callback.STORAGE_CAS -> {
                    var result = ttl(a) == null
                            ? context.storage().compareAndSet(text(a, "key"), number(a, "expectedVersion"), bytes(a))
                            : context.storage()
                                    .compareAndSet(text(a, "key"), number(a, "expectedVersion"), bytes(a), ttl(a));
                    yield result.isPresent() ? SandboxJson.tree(result.getAsLong()) : SandboxJson.tree(null);
                }
                case Callback.STORAGE_DELETE ->
                    SandboxJson.tree(context.storage().delete(text(a, "key")));
                case Callback.STORAGE_KEYS ->
                    SandboxJson.tree(context.storage().keys(text(a, "prefix"), Math.toIntExact(number(a, "limit"))));
                case Callback.HTTP_SEND ->
                    SandboxJson.tree(context.http().send(SandboxJson.read(a, EgressRequest.class)));
                case Callback.SECRET -> {
                    String pointer = text(a, "pointer");
                    if (!secretPointers.contains(pointer)) {
                        throw new IllegalStateException(pointer + " is not a declared secret field");
                    }
                    yield SandboxJson.tree(context.configuration()
                            .secret(pointer)
                            .map(Secret::reveal)
                            .orElse(null));
                }
                default -> throw new IllegalArgumentException("unknown operation " + callback.operation());
            };
            return CallbackResult.ok(seq, value);
        } catch (EgressDeniedException e) {
            return CallbackResult.failed(seq, CallbackResult.EGRESS_DENIED, e.getMessage());
        } catch (StorageLimitExceededException e) {
            return CallbackResult.failed(seq, CallbackResult.STORAGE_LIMIT, e.getMessage());
        } catch (IOException e) {
            return CallbackResult.failed(seq, CallbackResult.IO, e.getMessage());
        } catch (PluginUnavailableException e) {
            return CallbackResult.failed(seq, CallbackResult.UNAVAILABLE, e.getMessage());
        } catch (IllegalArgumentException e) {
            return CallbackResult.failed(seq, CallbackResult.ILLEGAL_ARGUMENT, e.getMessage());
        } catch (IllegalStateException e) {
            return CallbackResult.failed(seq, CallbackResult.ILLEGAL_STATE, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A sandboxed plugin's " + callback.operation() + " failed on the platform", e);
            return CallbackResult.failed(
                    seq, CallbackResult.UNAVAILABLE, "the platform could not carry out " + callback.operation());
        }
    }

    private static String text(JsonNode a, String field) {
        JsonNode v = a == null ? null : a.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return v.asText();
    }

    private static long number(JsonNode a, String field) {
        JsonNode v = a == null ? null : a.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return v.asLong();
    }

    private static byte[] bytes(JsonNode a) {
        JsonNode v = a == null ? null : a.get("value");
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("value must be base64 bytes");
        }
        try {
            return v.binaryValue();
        } catch (IOException e) {
            throw new IllegalArgumentException("value must be base64 bytes");
        }
    }

    private static Duration ttl(JsonNode a) {
        JsonNode v = a == null ? null : a.get("ttlMillis");
        return v == null || v.isNull() ? null : Duration.ofMillis(v.asLong());
    }

    /** What a sandboxed plugin threw (its class and message, as the worker reported them). */
    static final class IsolatedPluginException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IsolatedPluginException(String message) {
            super(message, null, false, false);
        }
    }
}
