package io.caravan.platform.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test servers' own account of an incident: a 500 names an incident id and the server logs
 * the failure under it, so an assertion on such a reply can say what went wrong inside without
 * anyone having to keep the server's logs (a CI run only keeps the test output).
 */
public final class ServerLog {
    private static final Pattern INCIDENT = Pattern.compile("incident ([0-9a-f-]{36})");
    private static final Path SERVERS = Path.of("target", "liberty", "wlp", "usr", "servers");
    private static final int LINES = 60;

    private ServerLog() {}

    /** The logged lines of the incident a problem body names, or null when there is none to find. */
    public static String incidentOf(String problemBody) {
        Matcher m = INCIDENT.matcher(problemBody == null ? "" : problemBody);
        if (!m.find() || !Files.isDirectory(SERVERS)) {
            return null;
        }
        String incident = m.group(1);
        try (DirectoryStream<Path> servers = Files.newDirectoryStream(SERVERS)) {
            for (Path server : servers) {
                Path log = server.resolve("logs").resolve("messages.log");
                if (!Files.isRegularFile(log)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains(incident)) {
                        return server.getFileName() + ": "
                                + String.join("\n", lines.subList(i, Math.min(lines.size(), i + LINES)));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return "(server log unreadable: " + e + ")";
        }
        return null;
    }
}
