package io.caravan.platform.shared.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renders errors the servlet container produces itself (a token refused by mpJwt, an unknown
 * path outside the API, a URI that does not decode, a body too large or of no type the container
 * can route, an exception before JAX-RS) as problem documents with the container's status,
 * without exception details. web.xml sends every such status here. It must never fail itself:
 * the request URI it reports may be one that no {@link URI} accepts ({@code %00}, a lone {@code %}),
 * and a failure here is answered with Liberty's HTML page.
 */
@WebServlet(urlPatterns = "/problem")
public class ContainerProblemServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ContainerProblemServlet.class.getName());

    /** Created on first use: the problem a status becomes does not need JSON-B. */
    private static final class Json {
        static final Jsonb B = JsonbBuilder.create();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 404;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Problem problem = problem(status, failure instanceof Throwable t ? t : null);
        URI instance = Problem.instance(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (instance != null) {
            problem = problem.withInstance(instance);
        }
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (problem.status() == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"caravan\"");
        }
        response.getWriter().write(Json.B.toJson(problem));
    }

    static Problem problem(int status, Throwable failure) {
        return switch (status) {
            case 400 ->
                Problem.of(
                        ProblemType.MALFORMED_REQUEST,
                        "The request could not be read: its path, query, headers or body are malformed"
                                + " (a path must be valid UTF-8 percent-encoding without encoded control characters).");
            case 401 ->
                Problem.of(
                        ProblemType.INVALID_TOKEN, "The bearer token is invalid, expired, or not issued for this API.");
            case 403 -> Problem.of(ProblemType.FORBIDDEN, "Not allowed.");
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "No resource at this path.");
            case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED, "This resource does not support that method.");
            case 406 -> Problem.of(ProblemType.NOT_ACCEPTABLE, "This resource answers with application/json only.");
            case 411 -> Problem.of(ProblemType.of("length-required", "Length required", 411), "Send a Content-Length.");
            case 413 ->
                Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than this endpoint accepts.");
            case 414 -> Problem.of(ProblemType.URI_TOO_LONG, "The request URI is too long.");
            case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.");
            case 431 ->
                Problem.of(
                        ProblemType.of("headers-too-large", "Request headers too large", 431),
                        "The request's headers are too large.");
            case 503 ->
                Problem.of(
                        ProblemType.of("unavailable", "Service unavailable", 503),
                        "The service is not available right now; retry later. Nothing was changed.");
            default ->
                status >= 400 && status < 500
                        ? Problem.of(
                                ProblemType.of("http-" + status, "HTTP " + status, status), "The request was refused.")
                        : incident(failure);
        };
    }

    private static Problem incident(Throwable failure) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure in the container, incident " + incident, failure);
        return Problem.of(
                ProblemType.INTERNAL,
                "Something went wrong on our side; nothing was changed. Quote incident " + incident
                        + " when reporting it.");
    }
}
