package io.caravan.platform.host.infrastructure;

import io.caravan.sdk.plugin.EgressDeniedException;
import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.EgressRequest;
import io.caravan.sdk.plugin.EgressResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link EgressHttp} for one call: only to the host names the plugin's descriptor declares, only
 * to public addresses (no loopback, private, link-local or multicast ranges, so a plugin cannot
 * reach the platform's own network), HTTPS unless the node allows plain HTTP (tests), no redirects
 * (a redirect could leave the declared hosts), responses capped at
 * {@link EgressHttp#MAX_RESPONSE_BYTES}, and a timeout that never outlives the call's deadline.
 *
 * <p>The operator may name private hosts ({@code caravan.egress.allowed-private-hosts}, exact
 * {@code host:port} pairs, e.g. the local sandbox payment gateway): a declared host at exactly
 * such a pair may be reached over http or https whatever it resolves to; every other host and
 * port stays under the rules above. The name is compared as written in the URL ({@code localhost}
 * and {@code 127.0.0.1} are different names).
 *
 * <p>Known gap: the address check and the connection resolve the name separately, so a DNS answer
 * that changes in between (rebinding) is not caught; a resolver pinned per call would close it.
 */
final class DeclaredHostsEgress implements EgressHttp {
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "content-length",
            "expect",
            "host",
            "upgrade",
            "transfer-encoding",
            "te",
            "trailer",
            "keep-alive",
            "proxy-authorization");

    private final HttpClient client;
    private final Set<String> allowedHosts;
    private final Instant deadline;
    private final Clock clock;
    private final boolean allowPrivateAddresses;
    private final Set<String> namedPrivateHosts;

    DeclaredHostsEgress(
            HttpClient client, Set<String> allowedHosts, Instant deadline, Clock clock, boolean allowPrivateAddresses) {
        this(client, allowedHosts, deadline, clock, allowPrivateAddresses, Set.of());
    }

    DeclaredHostsEgress(
            HttpClient client,
            Set<String> allowedHosts,
            Instant deadline,
            Clock clock,
            boolean allowPrivateAddresses,
            Set<String> namedPrivateHosts) {
        this.client = client;
        this.allowedHosts = allowedHosts;
        this.deadline = deadline;
        this.clock = clock;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.namedPrivateHosts = namedPrivateHosts;
    }

    /**
     * Reads {@code caravan.egress.allowed-private-hosts}: a comma list of {@code host:port}
     * (blank: none). A malformed entry fails the start, naming it: an operator's typo must not
     * pass for "nothing allowed" or, worse, for a broader rule.
     */
    static Set<String> parseNamedPrivateHosts(String setting) {
        if (setting == null || setting.isBlank()) {
            return Set.of();
        }
        Set<String> hosts = new java.util.LinkedHashSet<>();
        for (String raw : setting.split(",")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            String host = colon < 0 ? "" : entry.substring(0, colon);
            String port = colon < 0 ? "" : entry.substring(colon + 1);
            boolean validHost = !host.isEmpty() && (host.matches("[a-z0-9.-]+") || host.matches("\\[[0-9a-f:.]+\\]"));
            int number = port.matches("[0-9]{1,5}") ? Integer.parseInt(port) : -1;
            if (!validHost || number < 1 || number > 65535) {
                throw new IllegalArgumentException("caravan.egress.allowed-private-hosts: '" + raw.trim()
                        + "' is not host:port (e.g. 127.0.0.1:8280)");
            }
            hosts.add(host + ":" + number);
        }
        return Set.copyOf(hosts);
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Override
    public EgressResponse send(EgressRequest request) throws IOException {
        URI uri = request.uri();
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowedHosts.contains(host)) {
            throw new EgressDeniedException(
                    "host '" + host + "' is not among the hosts this plugin declared: " + allowedHosts);
        }
        boolean named = namedPrivateHosts.contains(host + ":" + port(uri));
        if (!"https".equals(uri.getScheme()) && !allowPrivateAddresses && !(named && "http".equals(uri.getScheme()))) {
            throw new EgressDeniedException("only https is allowed, not " + uri.getScheme());
        }
        if (!named) {
            requirePublic(host);
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new HttpTimeoutException("the call's deadline has passed");
        }
        Duration timeout =
                request.timeout() != null && request.timeout().compareTo(left) < 0 ? request.timeout() : left;
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .method(
                        request.method(),
                        request.body() == null || request.body().length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        try {
            HttpResponse<InputStream> response =
                    client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            }
            if (body.length > MAX_RESPONSE_BYTES) {
                throw new IOException("the response from " + host + " is larger than " + MAX_RESPONSE_BYTES + " bytes");
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(response.headers().map());
            return new EgressResponse(response.statusCode(), headers, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the call was cancelled");
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "http".equals(uri.getScheme()) ? 80 : 443;
    }

    private void requirePublic(String host) throws UnknownHostException {
        if (allowPrivateAddresses) {
            return;
        }
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (address.isLoopbackAddress()
                    || address.isSiteLocalAddress()
                    || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress()
                    || address.isMulticastAddress()
                    || isUniqueLocalV6(address)
                    || isSharedOrReserved(address)) {
                throw new EgressDeniedException("host '" + host + "' resolves to a private address ("
                        + address.getHostAddress() + "); plugins may only reach public addresses");
            }
        }
    }

    private static boolean isUniqueLocalV6(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10 (carrier-grade NAT, also used inside clouds) and 169.254/16 metadata services. */
    private static boolean isSharedOrReserved(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 && ((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || (b[0] & 0xff) == 0);
    }
}
