package io.caravan.sdk.plugin;

/**
 * Thrown by {@link EgressHttp#send(EgressRequest)} when the request's host is not among the
 * descriptor's declared egress hosts, or (outside the test kit) resolves to a private, loopback or
 * link-local address.
 * A plugin bug (declare the host, publish a new version); do not catch it.
 */
public class EgressDeniedException extends PluginException {

    private static final long serialVersionUID = 1L;

    /**
     * A denied request.
     *
     * @param message which host was denied and why
     */
    public EgressDeniedException(String message) {
        super(message);
    }
}
