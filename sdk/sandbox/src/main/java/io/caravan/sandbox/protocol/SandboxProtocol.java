package io.caravan.sandbox.protocol;

/** Constants of the sandbox protocol: its version, message types and limits. */
public final class SandboxProtocol {
    /** The protocol version; the worker announces it in {@link #READY} and the platform refuses another. */
    public static final int VERSION = 1;

    /** Worker → platform, once at start: {@link Ready}. */
    public static final String READY = "ready";
    /** Platform → worker: {@link Load}, answered {@link #LOADED} or {@link #ERROR}. */
    public static final String LOAD = "load";
    /** Worker → platform: {@link Loaded}. */
    public static final String LOADED = "loaded";
    /** Platform → worker: {@link DryRunRequest}, answered {@link #DRY_RUN_RESULT}. */
    public static final String DRY_RUN = "dryRun";
    /** Worker → platform: the runtime's {@code DryRunResult}. */
    public static final String DRY_RUN_RESULT = "dryRunResult";
    /** Platform → worker: {@link Call}, answered {@link #ANSWER}, {@link #REFUSED} or {@link #FAILED}. */
    public static final String CALL = "call";
    /** Worker → platform: {@link Answer}. */
    public static final String ANSWER = "answer";
    /** Worker → platform: {@link Refused} (the plugin threw {@code PluginRejectedException}). */
    public static final String REFUSED = "refused";
    /** Worker → platform: {@link Failed} (the plugin threw anything else). */
    public static final String FAILED = "failed";
    /** Worker → platform during a call: {@link Callback}, answered {@link #CALLBACK_RESULT}. */
    public static final String CALLBACK = "callback";
    /** Platform → worker: {@link CallbackResult}. */
    public static final String CALLBACK_RESULT = "callbackResult";
    /** Worker → platform, no answer: {@link Log}. */
    public static final String LOG = "log";
    /** Worker → platform: {@link ErrorMessage} (a request the worker could not carry out). */
    public static final String ERROR = "error";

    /** Largest frame the worker accepts (a bundle travels in one {@link #LOAD}). */
    public static final int MAX_FRAME_TO_WORKER = 64 * 1024 * 1024;
    /**
     * Largest frame the platform accepts from a worker: the largest egress request body (the
     * SDK's 10 MiB response limit applies the other way) with room for base64; an answer is far
     * smaller. A bigger frame ends the worker.
     */
    public static final int MAX_FRAME_FROM_WORKER = 16 * 1024 * 1024;

    private SandboxProtocol() {}
}
