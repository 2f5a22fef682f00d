package io.caravan.stack.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answer in the shape acquirers use ({@code {"error":{"type","code","message","param"}}}),
 * with every bad parameter listed in {@code errors} so a client can name them all.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String code;
    private final List<Map<String, Object>> errors;

    public ApiException(int status, String type, String code, String message, List<Map<String, Object>> errors) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.errors = errors;
    }

    public static ApiException invalid(String code, String param, String message) {
        return new ApiException(400, "invalid_request_error", code, message, List.of(field(param, message)));
    }

    public static ApiException invalid(List<Map<String, Object>> errors) {
        return new ApiException(
                400,
                "invalid_request_error",
                "parameter_invalid",
                errors.size() == 1
                        ? String.valueOf(errors.getFirst().get("message"))
                        : errors.size() + " parameters are invalid",
                errors);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, "invalid_request_error", code, message, List.of());
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "invalid_request_error", "resource_missing", message, List.of());
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "authentication_error", "invalid_api_key", message, List.of());
    }

    public static Map<String, Object> field(String param, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("param", param);
        e.put("message", message);
        return e;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("code", code);
        error.put("message", getMessage());
        if (!errors.isEmpty()) {
            error.put("param", errors.getFirst().get("param"));
            error.put("errors", errors);
        }
        return Map.of("error", error);
    }
}
