package io.caravan.testkit;

import io.caravan.sdk.plugin.EgressRequest;
import io.caravan.sdk.plugin.EgressResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An {@link TestPluginContext.EgressStub} that sends the plugin's request for real, for tests
 * against a provider's sandbox running locally (a test server, a provider's test environment):
 * {@code TestPluginContext.builder().allowHosts("localhost").egress(RealEgress::send)}. The test
 * kit still refuses hosts the context does not allow before this is reached; redirects are not
 * followed, as the platform's egress does not follow them, and the request's own timeout applies
 * (30 s when it has none). A connection that fails or ends without an answer is an
 * {@link IOException}, as it is on the platform.
 */
public final class RealEgress {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private RealEgress() {}

    /**
     * Sends a request and reads its whole answer.
     *
     * @param request the plugin's request
     * @return the provider's answer: status, headers, body
     * @throws IOException when the connection fails, times out or ends without an answer
     */
    public static EgressResponse send(EgressRequest request) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri())
                .timeout(request.timeout() == null ? Duration.ofSeconds(30) : request.timeout())
                .method(
                        request.method(),
                        request.body().length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new EgressResponse(r.statusCode(), r.headers().map(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the provider");
        }
    }
}
