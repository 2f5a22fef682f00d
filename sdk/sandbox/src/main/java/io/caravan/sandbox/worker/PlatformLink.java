package io.caravan.sandbox.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.sandbox.protocol.Callback;
import io.caravan.sandbox.protocol.CallbackResult;
import io.caravan.sandbox.protocol.Envelope;
import io.caravan.sandbox.protocol.FrameChannel;
import io.caravan.sandbox.protocol.Log;
import io.caravan.sandbox.protocol.SandboxProtocol;
import io.caravan.sdk.plugin.EgressDeniedException;
import io.caravan.sdk.plugin.PluginUnavailableException;
import io.caravan.sdk.plugin.StorageLimitExceededException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The worker's side of callbacks: sends one, reads its result, throws what the platform threw. */
final class PlatformLink {
    private final FrameChannel channel;
    private final AtomicLong sequence = new AtomicLong();

    PlatformLink(FrameChannel channel) {
        this.channel = channel;
    }

    /**
     * Asks the platform to carry out an operation for a call and reads its result on this thread:
     * the worker runs one call at a time on its only protocol thread, so the next frame is this
     * request's result (no hand-off between threads, which costs more than the call on a busy
     * machine). Serialised, in case plugin code calls its context from a thread of its own.
     *
     * @throws IOException for an egress failure the platform reported
     */
    synchronized JsonNode request(long call, String operation, Object arguments, Duration timeout) throws IOException {
        long seq = sequence.incrementAndGet();
        CallbackResult result;
        try {
            channel.send(
                    SandboxProtocol.CALLBACK,
                    new Callback(call, seq, operation, io.caravan.sandbox.protocol.SandboxJson.tree(arguments)));
            Envelope answer = channel.receive();
            if (!SandboxProtocol.CALLBACK_RESULT.equals(answer.type())) {
                throw new PluginUnavailableException(
                        "the platform answered " + answer.type() + " to " + operation, (Duration) null, null);
            }
            result = io.caravan.sandbox.protocol.SandboxJson.read(answer.body(), CallbackResult.class);
            if (result.sequence() != seq) {
                throw new PluginUnavailableException("the platform answered another request", (Duration) null, null);
            }
        } catch (IOException e) {
            throw new PluginUnavailableException("the platform did not answer " + operation, (Duration) null, e);
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
