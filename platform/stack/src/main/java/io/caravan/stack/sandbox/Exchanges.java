package io.caravan.stack.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How a sandbox server answers one exchange, the same for the gateway and the carrier: the request
 * read whole and routed; an {@link ApiException} answered as the provider's error body; a
 * {@link LostAnswer} closing the connection without an answer; anything else a 500 in the
 * provider's shape. A client that gave up does not read its answer, and what the route did stands.
 */
public final class Exchanges {
    /** A server's routing of a request to its answer. */
    @FunctionalInterface
    public interface Route {
        /** The answer to a request; throws {@link ApiException} for an error answer. */
        Reply route(Request request) throws IOException, InterruptedException;
    }

    private Exchanges() {}

    /** Reads, routes and answers one exchange. */
    public static void serve(HttpExchange exchange, Route route) throws IOException {
        Reply reply;
        try {
            reply = route.route(Request.read(exchange));
        } catch (ApiException e) {
            reply = Reply.json(e.status(), e.body());
        } catch (LostAnswer lost) {
            throw lost; // the JDK server closes the connection of an exchange whose handler throws
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        } catch (RuntimeException e) {
            reply = Reply.json(
                    500,
                    Map.of("error", Map.of("type", "api_error", "code", "internal", "message", String.valueOf(e))));
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        try {
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException clientGone) {
            exchange.close();
        }
    }
}
