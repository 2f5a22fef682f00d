package io.caravan.stack.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request to the gateway, read whole (bodies are capped at {@link #MAX_BODY} bytes). */
public final class Request {
    public static final int MAX_BODY = 64 * 1024;

    public final String method;
    public final List<String> path;
    public final Map<String, String> query;
    public final String body;
    private final HttpExchange exchange;

    private Request(HttpExchange exchange, String body) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod();
        this.path =
                new ArrayList<>(Arrays.stream(exchange.getRequestURI().getPath().split("/"))
                        .filter(s -> !s.isEmpty())
                        .toList());
        this.query = form(exchange.getRequestURI().getRawQuery());
        this.body = body;
    }

    public static Request read(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new ApiException(
                    413,
                    "invalid_request_error",
                    "body_too_large",
                    "the body is over " + MAX_BODY + " bytes",
                    List.of());
        }
        return new Request(exchange, new String(bytes, StandardCharsets.UTF_8));
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The body as a JSON object; an empty body is an empty object. */
    public Map<String, Object> json() {
        if (body.isBlank()) {
            return new LinkedHashMap<>();
        }
        Object parsed;
        try {
            parsed = Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("body_malformed", "body", e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw ApiException.invalid("body_malformed", "body", "the body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return object;
    }

    public static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }
}
