package io.caravan.platform.shared.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Serves the web console (tenant-admin, a jar in WEB-INF/lib whose META-INF/resources/console/ the
 * container serves as static files) at {@code <context>/console/}, with deep links: a path under it
 * that is not a built file answers the console's index.html, so {@code /console/stores/x/catalog}
 * opens that page after a reload. The index names the deployment's base ({@code <base href>}), so
 * its relative asset paths hold on every deep link and under any context root; it is never cached
 * (a new build's assets have new names), the hashed assets are cached for a year.
 * {@code config.json} tells the console where Keycloak is ({@code caravan.console.keycloak-url},
 * else {@code caravan.keycloak.url}) — public facts, no secret.
 */
@WebFilter(urlPatterns = {"/console", "/console/*"})
public class ConsoleFilter extends HttpFilter {
    private static final String PREFIX = "/console";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(PREFIX)) {
            response.sendRedirect(request.getContextPath() + PREFIX + "/");
            return;
        }
        String rest = path.substring(PREFIX.length());
        if (rest.equals("/config.json")) {
            config(response);
            return;
        }
        if (!rest.equals("/") && !rest.equals("/index.html") && isFile(PREFIX + rest)) {
            if (rest.startsWith("/assets/")) {
                response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
            }
            chain.doFilter(request, response);
            return;
        }
        if (rest.startsWith("/assets/") || !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            // a missing asset is a 404 (problem+json from web.xml), never the index in its place
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        index(request, response);
    }

    private boolean isFile(String path) throws IOException {
        URL url = getServletContext().getResource(path);
        return url != null && !path.endsWith("/");
    }

    private void index(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] html;
        try (InputStream in = getServletContext().getResourceAsStream(PREFIX + "/index.html")) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            html = in.readAllBytes();
        }
        String base = request.getContextPath() + PREFIX + "/";
        String page = new String(html, StandardCharsets.UTF_8)
                .replace("<base href=\"/console/\" />", "<base href=\"" + escape(base) + "\" />");
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }

    private void config(HttpServletResponse response) throws IOException {
        Config config = ConfigProvider.getConfig();
        String keycloak = config.getOptionalValue("caravan.console.keycloak-url", String.class)
                .or(() -> config.getOptionalValue("caravan.keycloak.url", String.class))
                .orElse("http://127.0.0.1:8180");
        String realm =
                config.getOptionalValue("caravan.keycloak.realm", String.class).orElse("caravan");
        String json = "{\"keycloakUrl\":\"" + jsonString(keycloak) + "\",\"realm\":\"" + jsonString(realm)
                + "\",\"clientId\":\"caravan-console\"}";
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-cache");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private static String jsonString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
