package io.caravan.test.snooping;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * What a hostile plugin would look for, found the way an attacker would — reflection with names
 * computed at run time, so no static check of the class sees them — and reported as lines
 * {@code key=value}. In a sandbox every answer must be empty or refused.
 */
final class Snoop {
    private Snoop() {}

    /** Reverses a string: the names below never appear as constants in the class file. */
    private static String r(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    @SuppressWarnings("unchecked")
    static List<String> findings(List<String> paths) {
        List<String> out = new ArrayList<>();
        try {
            Class<?> system = Class.forName(r("metsyS.gnal.avaj"));
            Method getenv = system.getMethod(r("vneteg"));
            Map<String, String> env = (Map<String, String>) getenv.invoke(null);
            out.add("env=" + String.join(",", new TreeSet<>(env.keySet())));
            Method properties = system.getMethod(r("seitreporPteg"));
            Properties props = (Properties) properties.invoke(null);
            TreeSet<String> sensitive = new TreeSet<>();
            for (String name : props.stringPropertyNames()) {
                String lower = name.toLowerCase();
                if (lower.startsWith("caravan")
                        || lower.contains("secret")
                        || lower.contains("password")
                        || lower.contains("jdbc")
                        || lower.contains("keycloak")
                        || lower.startsWith("wlp")
                        || lower.startsWith("com.ibm")) {
                    sensitive.add(name);
                }
            }
            out.add("properties=" + String.join(",", sensitive));
            out.add("user=" + props.getProperty("user.name") + " home=" + props.getProperty("user.home"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            out.add("reflection-failed=" + e);
        }
        for (String path : paths) {
            try {
                byte[] bytes = Files.readAllBytes(Path.of(path));
                out.add("read=" + path + " (" + bytes.length + " bytes)");
            } catch (IOException | RuntimeException e) {
                out.add("unreadable=" + path);
            }
        }
        String[] root = new File("/").list();
        out.add("root=" + (root == null ? "" : String.join(",", new TreeSet<>(Arrays.asList(root)))));
        out.add("processes=" + ProcessHandle.allProcesses().count());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 300);
            out.add("postgres=reachable");
        } catch (IOException | RuntimeException e) {
            out.add("postgres=unreachable");
        }
        return out;
    }
}
