package io.caravan.sandbox.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.sandbox.protocol.Callback;
import io.caravan.sandbox.protocol.CallbackResult;
import io.caravan.sandbox.protocol.FrameChannel;
import io.caravan.sandbox.protocol.Log;
import io.caravan.sandbox.protocol.SandboxProtocol;
import io.caravan.sdk.plugin.EgressDeniedException;
import io.caravan.sdk.plugin.PluginUnavailableException;
import io.caravan.sdk.plugin.StorageLimitExceededException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** The worker's side of callbacks: sends one, waits for its result, throws what the platform threw. */
final class PlatformLink {
    private final FrameChannel channel;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<Long, CompletableFuture<CallbackResult>> waiting = new ConcurrentHashMap<>();

    PlatformLink(FrameChannel channel) {
        this.channel = channel;
    }

    /** Delivers a result read by the worker's main loop. */
    void deliver(CallbackResult result) {
        CompletableFuture<CallbackResult> future = waiting.remove(result.sequence());
        if (future != null) {
            future.complete(result);
        }
    }

    /**
     * Asks the platform to carry out an operation for a call, waiting until the call's deadline
     * at most (the platform ends the worker soon after anyway).
     *
     * @throws IOException for an egress failure the platform reported
     */
    JsonNode request(long call, String operation, Object arguments, Duration timeout) throws IOException {
        long seq = sequence.incrementAndGet();
        CompletableFuture<CallbackResult> future = new CompletableFuture<>();
        waiting.put(seq, future);
        CallbackResult result;
        try {
            channel.send(
                    SandboxProtocol.CALLBACK,
                    new Callback(call, seq, operation, io.caravan.sandbox.protocol.SandboxJson.tree(arguments)));
            result = future.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginUnavailableException("interrupted while waiting for the platform", (Duration) null, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PluginUnavailableException("the platform did not answer " + operation, (Duration) null, e);
        } finally {
            waiting.remove(seq);
        }
        if (result.error() == null) {
            return result.value();
        }
        String message = result.message() == null ? operation + " failed" : result.message();
        switch (result.error()) {
            case CallbackResult.EGRESS_DENIED -> throw new EgressDeniedException(message);
            case CallbackResult.STORAGE_LIMIT -> throw new StorageLimitExceededException(message);
            case CallbackResult.IO -> throw new IOException(message);
            case CallbackResult.ILLEGAL_ARGUMENT -> throw new IllegalArgumentException(message);
            case CallbackResult.ILLEGAL_STATE -> throw new IllegalStateException(message);
            default -> throw new PluginUnavailableException(message, (Duration) null, null);
        }
    }

    /** Same as {@link #request} for operations that cannot fail with an I/O error. */
    JsonNode requestUnchecked(long call, String operation, Object arguments, Duration timeout) {
        try {
            return request(call, operation, arguments, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void log(long call, String level, String message) {
        try {
            channel.send(SandboxProtocol.LOG, new Log(call, level, message));
        } catch (IOException e) {
            // the platform has gone; the worker ends with its main loop
        }
    }
}
