package io.caravan.sandbox.protocol;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Length-prefixed frames over a pair of byte streams (a worker's standard input and output): a
 * 4-byte big-endian length, then that many bytes of one {@link Envelope} as JSON. Writes are
 * serialised; one thread reads.
 */
public final class FrameChannel {
    private final DataInputStream in;
    private final DataOutputStream out;
    private final int maxIncoming;

    /**
     * @param in          where frames are read
     * @param out         where frames are written
     * @param maxIncoming the largest frame accepted, in bytes
     */
    public FrameChannel(InputStream in, OutputStream out, int maxIncoming) {
        this.in = new DataInputStream(new BufferedInputStream(in, 64 * 1024));
        this.out = new DataOutputStream(new BufferedOutputStream(out, 64 * 1024));
        this.maxIncoming = maxIncoming;
    }

    /**
     * Writes one message.
     *
     * @param type the message type
     * @param body the message record
     * @throws IOException if the other side has gone
     */
    public void send(String type, Object body) throws IOException {
        byte[] bytes = SandboxJson.bytes(new Envelope(type, SandboxJson.tree(body)));
        synchronized (out) {
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
        }
    }

    /**
     * Reads the next message, waiting for it.
     *
     * @return the message
     * @throws EOFException      when the other side closed its end
     * @throws ProtocolException when the frame is too large or not an envelope
     * @throws IOException       when reading fails
     */
    public Envelope receive() throws IOException {
        int length = in.readInt();
        if (length < 2 || length > maxIncoming) {
            throw new ProtocolException(
                    "a frame of " + Integer.toUnsignedString(length) + " bytes is outside 2.." + maxIncoming);
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("the frame ended after " + bytes.length + " of " + length + " bytes");
        }
        try {
            return SandboxJson.envelope(bytes);
        } catch (IOException | RuntimeException e) {
            throw new ProtocolException("not a protocol message: " + e.getMessage());
        }
    }

    /** A frame that breaks the protocol; the connection cannot be trusted after it. */
    public static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;

        /**
         * @param message what was wrong
         */
        public ProtocolException(String message) {
            super(message);
        }
    }
}
