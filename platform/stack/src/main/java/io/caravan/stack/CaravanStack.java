package io.caravan.stack;

import io.caravan.stack.carrier.SandboxCarrier;
import io.caravan.stack.gateway.SandboxPaymentGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code ./caravan run}: Keycloak and Open Liberty with demo data, state in {@code .caravan/}
 * (or {@code CARAVAN_HOME}); Ctrl-C stops both. {@code ./caravan run --keycloak-only} starts
 * Keycloak alone, for Liberty's dev mode ({@code liberty:dev}, see README.md).
 *
 * <p>The front door script passes {@code caravan.root} (the repository), {@code caravan.maven}
 * (the Maven command), {@code caravan.color} and {@code caravan.t0} (when it started, epoch ms).
 */
public final class CaravanStack {
    static final String LIBERTY_SERVER = "caravan-run"; // the integration tests use "caravan-it" in the same wlp
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path root;
    private final String maven;
    private final boolean color;
    private final long t0;
    private final Map<String, String> env;
    private final Path home;
    private final Path logs;
    private final Path run;
    private final int httpPort;
    private final int httpsPort;
    private final int kcPort;
    private final int kcManagementPort;
    private final int gatewayPort;
    private final int carrierPort;
    private final Properties versions;

    private volatile KeycloakLauncher keycloak;
    private volatile LibertyLauncher liberty;
    private volatile SandboxPaymentGateway gateway;
    private volatile SandboxCarrier carrier;
    private volatile Process build;
    private volatile boolean stopping;
    private volatile boolean failing;

    private CaravanStack(Map<String, String> env) {
        this.env = env;
        this.root = Path.of(System.getProperty("caravan.root", "."))
                .toAbsolutePath()
                .normalize();
        this.maven = System.getProperty("caravan.maven", "mvn");
        this.color = Boolean.getBoolean("caravan.color");
        this.t0 = Long.getLong(
                "caravan.t0",
                ProcessHandle.current()
                        .info()
                        .startInstant()
                        .map(java.time.Instant::toEpochMilli)
                        .orElse(System.currentTimeMillis()));
        Path h = Path.of(
                env.getOrDefault("CARAVAN_HOME", root.resolve(".caravan").toString()));
        try {
            Files.createDirectories(h);
            this.home = h.toRealPath();
        } catch (IOException e) {
            throw new StackException("cannot create CARAVAN_HOME=" + h + ": " + e.getMessage(), null);
        }
        this.logs = home.resolve("logs");
        this.run = home.resolve("run");
        this.httpPort = port("CARAVAN_HTTP_PORT", 9080);
        this.httpsPort = port("CARAVAN_HTTPS_PORT", 9443);
        this.kcPort = port("CARAVAN_KEYCLOAK_PORT", 8180);
        this.kcManagementPort = port("CARAVAN_KEYCLOAK_MANAGEMENT_PORT", 9000);
        this.gatewayPort = port("CARAVAN_GATEWAY_PORT", 8280);
        this.carrierPort = port("CARAVAN_CARRIER_PORT", 8290);
        this.versions = versions();
    }

    public static void main(String[] args) {
        boolean keycloakOnly = false;
        for (String arg : args) {
            if (arg.equals("--keycloak-only")) {
                keycloakOnly = true;
            } else {
                System.err.println("caravan: run takes no arguments but --keycloak-only (see ./caravan help)");
                System.exit(2);
            }
        }
        CaravanStack stack;
        try {
            stack = new CaravanStack(System.getenv());
        } catch (StackException e) {
            System.err.println("caravan: " + e.reason());
            System.exit(1);
            return;
        }
        try {
            stack.run(keycloakOnly);
        } catch (RuntimeException e) {
            if (stack.stopping) {
                sleepForever(); // Ctrl-C while starting: the shutdown hook stops what runs
            }
            if (e instanceof StackException s) {
                stack.fail(s.reason(), s.log(), 60);
            }
            stack.fail(String.valueOf(e), null, 0);
        }
    }

    // --- run --------------------------------------------------------------------------------

    private void run(boolean keycloakOnly) {
        String version = versions.getProperty("keycloak.version");
        Path realmFile = root.resolve("platform/src/main/keycloak/caravan-realm.json");
        if (!Files.isRegularFile(realmFile)) {
            throw new StackException("realm file " + realmFile + " is missing", null);
        }
        mkdirs(logs, run, home.resolve("db"));
        say("Caravan: JDK " + Runtime.version().feature() + " (" + System.getProperty("java.home") + "), state in "
                + home);
        checkPorts(keycloakOnly);
        Processes.rotate(logs.resolve("build.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "caravan-stop"));
        // The sandbox payment gateway starts in milliseconds, in this JVM: the payments plugin's provider.
        gateway = SandboxPaymentGateway.start(gatewayPort);
        say("Sandbox payment gateway on " + gateway.url() + " (providers "
                + gateway.providerUrl(SandboxPaymentGateway.ACME) + ", "
                + gateway.providerUrl(SandboxPaymentGateway.ZENPAY) + ")");
        // The sandbox carrier likewise: bookings, labels, tracking and webhooks for the carriers plugin.
        carrier = SandboxCarrier.start(carrierPort);
        say("Sandbox carrier on " + carrier.url());

        // Keycloak: prepared (unpacked and built) once per machine outside the clone, linked into
        // this clone's state, then started; it boots while Maven builds the WAR.
        Path kcHome = home.resolve("keycloak/keycloak-" + version);
        Path cache = KeycloakDistribution.cacheRoot(System.getenv());
        Path buildLog = logs.resolve("build.log");
        long prepareStart = System.nanoTime();
        if (!Files.isDirectory(KeycloakDistribution.preparedPath(cache, version))) {
            say("Preparing Keycloak " + version + " in " + KeycloakDistribution.preparedPath(cache, version)
                    + " (once per machine: unpack and kc.sh build)...");
        }
        Path prepared = KeycloakDistribution.prepared(
                cache, version, into -> KeycloakLauncher.unpack(maven, version, into, buildLog), buildLog);
        KeycloakDistribution.instantiate(prepared, kcHome);
        note("Keycloak prepared in " + secs(prepareStart) + " s");
        keycloak = new KeycloakLauncher(new KeycloakLauncher.Settings(
                kcHome,
                realmFile,
                logs.resolve("keycloak.log"),
                logs.resolve("keycloak-build.log"),
                kcPort,
                kcManagementPort,
                KeycloakLauncher.SHARED_BUILD_MARKER,
                Map.of()));
        keycloak.prepare();
        boolean firstStart = !keycloak.hasDatabase();
        say("Starting Keycloak on " + keycloak.url() + " (log: " + rel(logs) + "/keycloak.log)...");
        long kcStart = System.nanoTime();
        Processes.rotate(logs.resolve("keycloak.log"));
        keycloak.start(true);
        writePid("keycloak.pid", keycloak.process());

        String buildSecs = null;
        if (!keycloakOnly) {
            buildSecs = build();
            liberty = new LibertyLauncher(
                    root.resolve("platform/target/liberty/wlp"),
                    LIBERTY_SERVER,
                    logs.resolve("liberty/console.log"),
                    httpPort,
                    libertyEnvironment());
            liberty.deploy(
                    root.resolve("platform/target/caravan.war"),
                    root.resolve("platform/src/test/liberty"),
                    logs.resolve("build.log"));
            say("Waiting for Keycloak...");
        }
        keycloak.awaitReady(Duration.ofSeconds(seconds("CARAVAN_KEYCLOAK_TIMEOUT", 240)));
        String kcSecs = secs(kcStart);
        note("Keycloak ready after " + kcSecs + " s");
        realmNote(firstStart, realmFile, kcHome);

        if (keycloakOnly) {
            keycloakOnlyBanner();
            idle();
            return;
        }
        say("Starting Open Liberty on http://127.0.0.1:" + httpPort + " (log: " + rel(logs)
                + "/liberty/messages.log)...");
        long libertyStart = System.nanoTime();
        // A clean workarea after a start that never got ready (Liberty can otherwise keep serving 404s
        // after a failed deployment); a normal restart keeps its caches and is faster.
        Path ok = run.resolve("liberty.ok");
        boolean clean = !Files.exists(ok);
        delete(ok);
        Processes.rotate(logs.resolve("liberty/console.log"));
        liberty.start(clean);
        writePid("liberty.pid", liberty.process());
        liberty.awaitReady(Duration.ofSeconds(seconds("CARAVAN_LIBERTY_TIMEOUT", 300)));
        write(ok, "");
        banner(secs(libertyStart), kcSecs, buildSecs);
        idle();
    }

    private String build() {
        say("Building Caravan (mvn -DskipTests install; log: " + rel(logs) + "/build.log)...");
        if (!Files.isDirectory(
                Path.of(System.getProperty("user.home"), ".m2/repository/io/openliberty/openliberty-runtime"))) {
            note("first build: Maven downloads Open Liberty (~350 MB) and the dependencies; this can take a while");
        }
        long t = System.nanoTime();
        // liberty.server.name: the pre-integration-test steps create *our* server, not the tests' one.
        // The launcher itself (already built and running) stays out of the build.
        List<String> command = List.of(
                maven,
                "-B",
                "-ntp",
                "-Dstyle.color=never",
                "-DskipTests",
                "-Dliberty.server.name=" + LIBERTY_SERVER,
                "-pl",
                "!:caravan-stack",
                "install");
        Path log = logs.resolve("build.log");
        Processes.append(log, "\n==== " + String.join(" ", command) + "\n");
        int exit;
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            build = builder.start();
            exit = build.waitFor();
        } catch (IOException e) {
            throw new StackException("could not run Maven (" + maven + "): " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted during the build", log);
        } finally {
            build = null;
        }
        if (stopping) {
            sleepForever();
        }
        if (exit != 0) {
            throw new StackException("the build failed (full log: " + log + ")", log);
        }
        String s = secs(t);
        note("built in " + s + " s");
        return s;
    }

    private Map<String, String> libertyEnvironment() {
        Map<String, String> e = new LinkedHashMap<>();
        mkdirs(logs.resolve("liberty"));
        e.put("LOG_DIR", logs.resolve("liberty").toString());
        e.putAll(applicationEnvironment());
        e.put("CARAVAN_HTTP_PORT", String.valueOf(httpPort));
        e.put("CARAVAN_HTTPS_PORT", String.valueOf(httpsPort));
        return e;
    }

    /** What the platform needs to run against this stack's Keycloak and state (also for liberty:dev). */
    private Map<String, String> applicationEnvironment() {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("CARAVAN_DEMO_ENABLED", env.getOrDefault("CARAVAN_DEMO_ENABLED", "true"));
        // A development stack: run uncertified plugin code even where this machine cannot give every
        // sandbox wall (a laptop without root); the platform logs which walls are missing.
        e.put("CARAVAN_SANDBOX_ALLOW_WEAK", env.getOrDefault("CARAVAN_SANDBOX_ALLOW_WEAK", "true"));
        e.put("CARAVAN_DB_KIND", env.getOrDefault("CARAVAN_DB_KIND", "h2"));
        // No DB_CLOSE_ON_EXIT=FALSE here: Liberty never closes the H2 database on stop, and H2 2.5 then
        // rolls back to an old state after a few restarts. H2's own JVM shutdown hook closes the file cleanly.
        e.put("CARAVAN_DB_URL", env.getOrDefault("CARAVAN_DB_URL", "jdbc:h2:file:" + home.resolve("db/caravan")));
        e.put("CARAVAN_KEYCLOAK_URL", "http://127.0.0.1:" + kcPort);
        // Plugins: the artifact store and Felix cache, and the development folder whose jars the demo
        // stores follow.
        e.put(
                "CARAVAN_PLUGINS_DIR",
                env.getOrDefault("CARAVAN_PLUGINS_DIR", home.resolve("plugins").toString()));
        String devDir = env.getOrDefault(
                "CARAVAN_PLUGINS_DEV_DIR", home.resolve("dev-plugins").toString());
        mkdirs(Path.of(devDir));
        e.put("CARAVAN_PLUGINS_DEV_DIR", devDir);
        e.put(
                "CARAVAN_PLUGINS_DEV_STORES",
                env.getOrDefault("CARAVAN_PLUGINS_DEV_STORES", "lisbon-ceramics,osaka-tea"));
        e.put("CARAVAN_SECRETS_KEY", secretsKey());
        // Plugins may reach the local sandbox gateway (http on loopback) by the name they can declare
        // (a descriptor names hosts, never IP addresses); every other host stays strict.
        e.put(
                "CARAVAN_EGRESS_ALLOWED_PRIVATE_HOSTS",
                env.getOrDefault(
                        "CARAVAN_EGRESS_ALLOWED_PRIVATE_HOSTS",
                        "localhost:" + gatewayPort + ",localhost:" + carrierPort));
        // The demo stores' payments plugin talks to this gateway and is told where to notify.
        e.put("CARAVAN_DEMO_PAYMENT_GATEWAY_URL", "http://localhost:" + gatewayPort);
        e.put("CARAVAN_PUBLIC_URL", env.getOrDefault("CARAVAN_PUBLIC_URL", "http://127.0.0.1:" + httpPort));
        return e;
    }

    /** The key that seals secret plugin configuration: CARAVAN_SECRETS_KEY, or one generated once per home. */
    private String secretsKey() {
        String given = env.get("CARAVAN_SECRETS_KEY");
        if (given != null && !given.isBlank()) {
            return given;
        }
        Path file = home.resolve("secrets.key");
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.deleteIfExists(file);
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new StackException("cannot read or create " + file + ": " + e.getMessage(), null);
        }
    }

    /** Keycloak keeps the realm it imported first; say so when the file changed since. */
    private void realmNote(boolean firstStart, Path realmFile, Path kcHome) {
        Path sumFile = kcHome.resolve("data/caravan-realm.sha256");
        String sum = sha256(realmFile);
        if (firstStart) {
            var realm = Processes.get(keycloak.issuer());
            if (realm.isEmpty() || realm.get().statusCode() != 200) {
                throw new StackException(
                        "Keycloak started but has no realm '" + KeycloakLauncher.REALM + "' (import failed?)",
                        keycloak.settings().log());
            }
            note("realm '" + KeycloakLauncher.REALM + "' imported (first start)");
            write(sumFile, sum);
        } else if (Files.exists(sumFile) && !read(sumFile).equals(sum)) {
            note("note: " + KeycloakLauncher.REALM
                    + "-realm.json changed since Keycloak imported it; Keycloak keeps the realm it has.");
            note("      To start over with the new realm (and an empty platform database): rm -rf " + rel(home));
        }
    }

    /** Idles until Ctrl-C / TERM (the shutdown hook stops everything), or until a server dies on its own. */
    private void idle() {
        while (!stopping) {
            if (!keycloak.running() || (liberty != null && !liberty.running())) {
                Processes.sleep(500); // a Ctrl-C reaches the servers too: let our own hook say so first
                if (stopping) {
                    break;
                }
                boolean kcDied = !keycloak.running();
                fail(
                        (kcDied ? "Keycloak" : "Liberty") + " stopped unexpectedly; stopping the rest",
                        kcDied ? keycloak.settings().log() : logs.resolve("liberty/console.log"),
                        40);
            }
            Processes.sleep(1000);
        }
        sleepForever();
    }

    /** Stops whatever this run started (Liberty first: it depends on Keycloak) and waits for it. */
    private synchronized void shutdown() {
        if (stopping) {
            return;
        }
        stopping = true;
        Process b = build;
        if (b != null) {
            Processes.stopTree(b, Duration.ofSeconds(20));
        }
        boolean any = (liberty != null && liberty.running()) || (keycloak != null && keycloak.running());
        if (any) {
            System.out.println();
            say("Stopping Caravan...");
            Thread l = new Thread(() -> {
                if (liberty != null) liberty.stop(STOP_TIMEOUT);
            });
            Thread k = new Thread(() -> {
                if (keycloak != null) keycloak.stop(STOP_TIMEOUT);
            });
            l.start();
            k.start();
            join(l);
            join(k);
            note((liberty != null ? "Liberty and Keycloak" : "Keycloak") + " stopped. Data is kept in " + rel(home)
                    + "/; run ./caravan run again to resume.");
        }
        SandboxPaymentGateway g = gateway;
        if (g != null) {
            g.close();
        }
        SandboxCarrier c = carrier;
        if (c != null) {
            c.close();
        }
        delete(run.resolve("liberty.pid"));
        delete(run.resolve("keycloak.pid"));
        System.out.flush();
        if (!failing) {
            Runtime.getRuntime().halt(0); // Ctrl-C / TERM is how a run ends: a clean stop, not an error
        }
    }

    private void checkPorts(boolean keycloakOnly) {
        List<String> leftovers = new ArrayList<>();
        for (String name : List.of("keycloak.pid", "liberty.pid")) {
            Path f = run.resolve(name);
            if (!Files.exists(f)) {
                continue;
            }
            try {
                long pid = Long.parseLong(read(f).trim());
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    leftovers.add(String.valueOf(pid));
                    continue;
                }
            } catch (NumberFormatException ignored) {
                // unreadable: stale
            }
            delete(f);
        }
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(kcPort, "Keycloak");
        ports.put(kcManagementPort, "Keycloak management");
        ports.put(gatewayPort, "sandbox payment gateway");
        ports.put(carrierPort, "sandbox carrier");
        if (!keycloakOnly) {
            ports.put(httpPort, "Caravan HTTP");
            ports.put(httpsPort, "Caravan HTTPS");
        }
        StringBuilder taken = new StringBuilder();
        ports.forEach((port, what) -> {
            if (Processes.portTaken(port)) {
                String owner = Processes.portOwner(port);
                taken.append("    port ")
                        .append(port)
                        .append(" (")
                        .append(what)
                        .append(") is in use")
                        .append(owner.isEmpty() ? "" : " by " + owner)
                        .append('\n');
            }
        });
        if (taken.isEmpty()) {
            return;
        }
        PrintStream err = System.err;
        err.print(red("caravan: cannot start, ports on 127.0.0.1 are taken:") + "\n" + taken);
        if (!leftovers.isEmpty()) {
            String pids = String.join(" ", leftovers);
            err.println("    An earlier ./caravan run still seems to be running (pid " + pids
                    + "): stop it with Ctrl-C in its terminal or: kill " + pids);
        }
        err.println("    (ports can be moved with CARAVAN_HTTP_PORT, CARAVAN_HTTPS_PORT, CARAVAN_KEYCLOAK_PORT,"
                + " CARAVAN_KEYCLOAK_MANAGEMENT_PORT, CARAVAN_GATEWAY_PORT, CARAVAN_CARRIER_PORT)");
        System.exit(1);
    }

    // --- banners ----------------------------------------------------------------------------

    private void banner(String libertySecs, String kcSecs, String buildSecs) {
        String api = "http://127.0.0.1:" + httpPort;
        String kc = keycloak.url();
        String realm = KeycloakLauncher.REALM;
        Map<String, String> app = applicationEnvironment();
        String demo = app.get("CARAVAN_DEMO_ENABLED");
        String demoNote = demo.equals("true")
                ? ""
                : "\n    (the demo stores are not onboarded: CARAVAN_DEMO_ENABLED=" + demo + ")";
        String total = String.format("%.1f", (System.currentTimeMillis() - t0) / 1000.0);
        String text = """

                %s — ready in %s (build %s s, Keycloak ready after %s s, Liberty %s s)

                  Console         %s/console/   (sign in as a demo user below)
                  API             %s/api
                  OpenAPI UI      %s/openapi/ui
                  Health          %s/health/ready
                  Keycloak        %s   (realm %s)
                  Admin console   %s/admin/   (admin / admin)
                  Payment sandbox %s   (providers %s, %s; test cards and demo keys at that address)
                  Carrier sandbox %s   (demo key ck_test_carrier_demo; S10 tracking, labels, /test/clock)

                  Demo users (password %s for all):
                    ada     platform admin: onboards, suspends and reactivates stores (/api/admin/stores)
                    dev     plugin developer
                    mara    owner of store lisbon-ceramics (Lisbon Ceramics, EUR, prices incl. tax)
                    kenji   owner of store osaka-tea (Osaka Tea House, USD, prices excl. tax)%s

                  Try it:
                    TOKEN=$(curl -s %s/realms/%s/protocol/openid-connect/token \\
                      -d grant_type=password -d client_id=caravan-cli -d username=mara -d password=caravan \\
                      --data-urlencode 'scope=openid organization:*' | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                    curl -s -H "Authorization: Bearer $TOKEN" %s/api/me
                    curl -s -H "Authorization: Bearer $TOKEN" %s/api/stores/lisbon-ceramics
                    curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                      %s/api/stores/lisbon-ceramics/tax/quote -d '{"shipTo":{"country":"DE","city":"Berlin"},"shipping":490,
                      "lines":[{"sku":"MUG-AZUL","quantity":2,"unitPrice":1800,"hsCode":"691200","origin":"PT"}]}'

                  Plugins         both demo stores run the first-party tax (caravan-tax), table-rate shipping
                                  (caravan-carriers) and payments (caravan-payments: cards at the sandbox gateway,
                                  bank transfer, cash on delivery) plugins, and sell from a small catalogue.
                                  Dev loop: put a plugin jar in %s/ (or set CARAVAN_PLUGINS_DEV_DIR
                                  to your plugin's target/ before starting); the demo stores run each new build at once.

                  State and logs  %s/  (db/, keycloak/, logs/keycloak.log, logs/liberty/messages.log; delete it to start over)
                  JDK %d at %s

                  Press Ctrl-C to stop.
                """.formatted(
                        green(bold("Caravan is running")),
                        bold(total + " s"),
                        buildSecs,
                        kcSecs,
                        libertySecs,
                        api,
                        api,
                        api,
                        api,
                        kc,
                        realm,
                        kc,
                        gateway.url(),
                        gateway.providerUrl(SandboxPaymentGateway.ACME),
                        gateway.providerUrl(SandboxPaymentGateway.ZENPAY),
                        carrier.url(),
                        bold("caravan"),
                        demoNote,
                        kc,
                        realm,
                        api,
                        api,
                        api,
                        rel(Path.of(app.get("CARAVAN_PLUGINS_DEV_DIR"))),
                        rel(home),
                        Runtime.version().feature(),
                        System.getProperty("java.home"));
        System.out.print(text);
        System.out.flush();
    }

    private void keycloakOnlyBanner() {
        String kc = keycloak.url();
        StringBuilder exports = new StringBuilder();
        applicationEnvironment()
                .forEach((k, v) -> exports.append("    export ")
                        .append(k)
                        .append('=')
                        .append(
                                k.equals("CARAVAN_SECRETS_KEY")
                                        ? "$(cat " + home.resolve("secrets.key") + ")"
                                        : shellQuote(v))
                        .append('\n'));
        System.out.print("""

                %s on %s   (realm %s; admin console %s/admin/, admin / admin)
                  Sandbox payment gateway on %s

                  Liberty's dev mode against it, in another terminal (README.md, "Working on the platform"):
                %s    mvn -pl platform liberty:dev -Dliberty.server.name=caravan-dev

                  State and logs  %s/  (logs/keycloak.log)
                  Press Ctrl-C to stop Keycloak.
                """.formatted(
                green(bold("Keycloak is running")), kc, KeycloakLauncher.REALM, kc, gateway.url(), exports, rel(home)));
        System.out.flush();
    }

    // --- small helpers ----------------------------------------------------------------------

    private void fail(String message, Path log, int lines) {
        failing = true;
        System.err.println(red("caravan: " + message));
        if (log != null && lines > 0 && Files.exists(log)) {
            System.err.println(dim("---- last " + lines + " lines of " + log + " ----"));
            System.err.println(Processes.tail(log, lines));
            System.err.println(dim("---- end of " + log + " ----"));
        }
        System.err.flush();
        System.exit(1);
    }

    private static Properties versions() {
        Properties p = new Properties();
        try (InputStream in = CaravanStack.class.getResourceAsStream("stack.properties")) {
            if (in == null) {
                throw new StackException(
                        "stack.properties is missing from the launcher (rebuild: mvn -pl platform/stack install)",
                        null);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private int port(String name, int fallback) {
        String v = env.get(name);
        try {
            return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new StackException(name + "=" + v + " is not a port number", null);
        }
    }

    private long seconds(String name, long fallback) {
        String v = env.get(name);
        try {
            return v == null || v.isBlank() ? fallback : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new StackException(name + "=" + v + " is not a number of seconds", null);
        }
    }

    private void writePid(String name, Process process) {
        if (process != null) {
            write(run.resolve(name), String.valueOf(process.pid()));
        }
    }

    private String rel(Path p) {
        return p.startsWith(root) && !p.equals(root) ? root.relativize(p).toString() : p.toString();
    }

    private void say(String s) {
        System.out.println(bold("==>") + " " + s);
    }

    private void note(String s) {
        System.out.println("    " + s);
    }

    private String bold(String s) {
        return color ? "\033[1m" + s + "\033[0m" : s;
    }

    private String red(String s) {
        return color ? "\033[31m" + s + "\033[0m" : s;
    }

    private String green(String s) {
        return color ? "\033[32m" + s + "\033[0m" : s;
    }

    private String dim(String s) {
        return color ? "\033[2m" + s + "\033[0m" : s;
    }

    private static String secs(long startNanos) {
        return String.format("%.1f", (System.nanoTime() - startNanos) / 1e9);
    }

    private static String shellQuote(String v) {
        return v.matches("[A-Za-z0-9_./:,=+-]*") ? v : "'" + v.replace("'", "'\\''") + "'";
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void mkdirs(Path... dirs) {
        try {
            for (Path d : dirs) {
                Files.createDirectories(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void write(Path f, String content) {
        try {
            Files.writeString(f, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** While the shutdown hook runs, the main thread must not return into a second exit path. */
    private static void sleepForever() {
        while (true) {
            Processes.sleep(60_000);
        }
    }
}
