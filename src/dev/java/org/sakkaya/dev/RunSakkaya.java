package org.sakkaya.dev;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The README's run command ({@code mvn -Prun}): an embedded MariaDB unless DB_URL is set, a generated token key,
 * and Payara Micro with the WAR and the demo data, on http://localhost:8080. Ctrl-C stops all of it.
 */
public final class RunSakkaya {
    /**
     * Environment variable with the JVM options of the Payara process, split at spaces. Unset, the run command starts
     * quickly with {@link #QUICK_START}; set it empty for the JVM's defaults, which a production start has.
     */
    static final String JVM_OPTIONS = "SAKKAYA_JVM_OPTIONS";
    /** C1 only: no C2 compiler work while the demo starts, at a slower peak once the service is hot. */
    static final String QUICK_START = "-XX:TieredStopAtLevel=1";

    /**
     * Names the JSON-P provider, which Payara's code would otherwise look up again on every signed-in request (see
     * {@code platform.startup.JsonProviderCheck}); the README's production command has it too.
     */
    static final String JSON_PROVIDER = "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl";

    private static final String DEMO_PASSWORD = "Sakkaya-Demo-2563";
    private static final List<String[]> DEMO_ACCOUNTS = List.of(
            new String[]{"admin@example.org", "ADMIN"},
            new String[]{"programs@example.org", "PROGRAM_ADMIN"},
            new String[]{"trainer@example.org", "TRAINER"},
            new String[]{"hr.doh@example.org", "HR (Department of Health)"},
            new String[]{"trainee@example.org", "TRAINEE (Data Scientist cohort 1)"},
            new String[]{"exec@example.org", "EXECUTIVE"});

    private RunSakkaya() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path payaraMicro = Path.of(args[0]);
        Path war = Path.of(args[1]);
        Map<String, String> env = System.getenv();
        Path dataDir = Path.of(env.getOrDefault("SAKKAYA_DATA_DIR", ".sakkaya")).toAbsolutePath();
        int port = Integer.parseInt(env.getOrDefault("PORT", "8080"));

        EmbeddedMariaDb embedded = null;
        String dbUrl = env.get("DB_URL");
        String dbUser = env.getOrDefault("DB_USER", "root");
        String dbPassword = env.getOrDefault("DB_PASSWORD", "");
        if (dbUrl == null || dbUrl.isBlank()) {
            int dbPort = Integer.parseInt(env.getOrDefault("SAKKAYA_EMBEDDED_DB_PORT", "3307"));
            System.out.println("Starting the embedded MariaDB on port " + dbPort + " (data in " + dataDir.resolve("mariadb") + ")");
            embedded = EmbeddedMariaDb.start(dataDir.resolve("mariadb"), dbPort, env.get("SAKKAYA_EMBEDDED_DB_BUFFER_POOL"));
            embedded.database("sakkaya", false);
            dbUrl = embedded.url("sakkaya");
            dbUser = "root";
            dbPassword = "";
        }
        Path keys = DevKeys.ensure(dataDir.resolve("keys"));

        ProcessBuilder builder = payara(payaraMicro, war, port, dataDir, keys, dbUrl, dbUser, dbPassword).inheritIO();
        builder.environment().put("SAKKAYA_DEMO", "true");
        Process payara = builder.start();

        EmbeddedMariaDb database = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            payara.destroy();
            try {
                payara.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (database != null) {
                database.close();
            }
        }));

        String base = "http://localhost:" + port;
        if (waitUntilReady(base, payara)) {
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            printWelcome(base, millis, payara.pid());
        } else {
            System.err.println("Sakkaya did not become ready; see the log above.");
        }
        System.exit(payara.waitFor());
    }

    /** The Payara Micro process of the run command (shared with the crash battery, which restarts it). */
    static ProcessBuilder payara(Path payaraMicro, Path war, int port, Path dataDir, Path keys, String dbUrl, String dbUser,
                                 String dbPassword) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(JSON_PROVIDER);
        command.addAll(jvmOptions(System.getenv(JVM_OPTIONS)));
        command.addAll(List.of(
                "-jar", payaraMicro.toString(),
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", String.valueOf(port),
                "--nohazelcast",
                "--prebootcommandfile", Path.of("config", "pre-boot-commands.asadmin").toAbsolutePath().toString(),
                "--postbootcommandfile", Path.of("config", "post-boot-commands.asadmin").toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> childEnv = builder.environment();
        childEnv.put("DB_URL", dbUrl);
        childEnv.put("DB_USER", dbUser);
        childEnv.put("DB_PASSWORD", dbPassword);
        childEnv.putIfAbsent("SAKKAYA_FILES_DIR", dataDir.resolve("files").toString());
        childEnv.put("SAKKAYA_JWT_SIGNING_KEY_LOCATION", keys.resolve(DevKeys.PRIVATE).toUri().toString());
        childEnv.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.resolve(DevKeys.PUBLIC).toUri().toString());
        // certificates print the address they are verified at
        childEnv.putIfAbsent("SAKKAYA_PUBLIC_URL", "http://localhost:" + port);
        // the demo signs certificate PDFs with a self-signed key made here once
        childEnv.putIfAbsent("SAKKAYA_CERTIFICATES_SIGNING_KEY_STORE", DevKeys.ensureSigningStore(keys).toString());
        childEnv.putIfAbsent("SAKKAYA_CERTIFICATES_SIGNING_PASSWORD_FILE", keys.resolve(DevKeys.SIGNING_PASSWORD).toString());
        return builder;
    }

    /** The JVM options of the Payara process: {@value #JVM_OPTIONS}, else the quick start of {@link #QUICK_START}. */
    static List<String> jvmOptions(String setting) {
        String options = setting == null ? QUICK_START : setting.strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    static boolean waitUntilReady(String base, Process payara) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (payara.isAlive() && System.nanoTime() < deadline) {
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static void printWelcome(String base, long millis, long pid) {
        StringBuilder out = new StringBuilder()
                .append("\n================================================================\n")
                .append(" Sakkaya is ready on ").append(base).append("  (in ").append(millis / 1000.0).append(" s, Payara pid ").append(pid).append(")\n")
                .append("   API      ").append(base).append("/api/v1\n")
                .append("   OpenAPI  ").append(base).append("/openapi\n")
                .append("   Health   ").append(base).append("/health/ready\n")
                .append(" Demo accounts, all with the password ").append(DEMO_PASSWORD).append(":\n");
        for (String[] account : DEMO_ACCOUNTS) {
            out.append(String.format("   %-22s %s%n", account[0], account[1]));
        }
        out.append(" Stop with Ctrl-C.\n")
                .append("================================================================\n");
        System.out.println(out);
    }
}
