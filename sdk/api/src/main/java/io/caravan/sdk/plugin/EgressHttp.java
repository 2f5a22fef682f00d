package io.caravan.sdk.plugin;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Outgoing HTTP for a plugin, limited to the hosts its descriptor declares in
 * {@code permissions.egressHosts}. The platform sends the request (so it can enforce the list,
 * refuse private network addresses, count and time every call, and keep the call inside the
 * deadline); the plugin never opens sockets itself. The request and response types are the SDK's
 * own so that no client library's types leak into the API.
 *
 * <p>Redirects are not followed (a redirect could leave the declared hosts): a 3xx comes back as
 * the response. Responses larger than {@link #MAX_RESPONSE_BYTES} fail with {@link IOException}.
 */
@ProviderType
public interface EgressHttp {

    /** The largest response body accepted: 10 MiB. */
    int MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

    /**
     * Sends a request and waits for the whole response.
     *
     * @param request the request; its host must be one the descriptor declares
     * @return the response, whatever its status code
     * @throws EgressDeniedException if the host is not declared, or resolves to a private address
     * @throws IOException           if the connection fails, or no response arrives within the
     *                               request's timeout or the call's deadline, whichever comes first
     */
    EgressResponse send(EgressRequest request) throws IOException;
}
