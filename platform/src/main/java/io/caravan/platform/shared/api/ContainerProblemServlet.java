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

/**
 * Renders errors the servlet container produces itself (a token refused by mpJwt, an unknown
 * path outside the API) as problem documents, without exception details.
 */
@WebServlet(urlPatterns = "/problem")
public class ContainerProblemServlet extends HttpServlet {
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 404;
        Problem problem = switch (status) {
            case 401 ->
                Problem.of(
                        ProblemType.INVALID_TOKEN, "The bearer token is invalid, expired, or not issued for this API.");
            case 403 -> Problem.of(ProblemType.FORBIDDEN, "Not allowed.");
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "No resource at this path.");
            case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED, "This resource does not support that method.");
            default -> Problem.of(ProblemType.INTERNAL, "Something went wrong on our side; nothing was changed.");
        };
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem = problem.withInstance(URI.create(uri.toString()));
        }
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"caravan\"");
        }
        response.getWriter().write(JSON.toJson(problem));
    }
}
