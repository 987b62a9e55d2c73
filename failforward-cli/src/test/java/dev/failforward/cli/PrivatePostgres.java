package dev.failforward.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A PostgreSQL server of a test's own (initdb into a temporary folder, pg_ctl on a free port), so a
 * test can stop, restart and cut the connections of a server no one else uses. It needs the
 * PostgreSQL server binaries (scripts/test installs them); without them the test fails with the
 * reason, since a skipped fault test proves nothing. As root, the server runs as the
 * {@code postgres} user, since initdb refuses root.
 */
final class PrivatePostgres implements AutoCloseable {

    static final String USER = "failforward";
    /** A password the tests look for in every output, to show it is masked. */
    static final String PASSWORD = "Pg5ecretW0rd";

    private final Path bin;
    private final Path home;
    private final int port;

    private PrivatePostgres(Path bin, Path home, int port) {
        this.bin = bin;
        this.home = home;
        this.port = port;
    }

    /** Creates and starts a new server with a database user and password, or fails the test with the reason. */
    static PrivatePostgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path home = Files.createTempDirectory("failforward-pg");
        PrivatePostgres pg = new PrivatePostgres(bin, home, freePort());
        Files.writeString(home.resolve("password"), PASSWORD + "\n");
        pg.asOwner("chown", "-R", "postgres:postgres", home.toString());
        pg.run(pg.command(bin.resolve("initdb").toString(), "-D", pg.data().toString(), "-U", USER,
                "--pwfile=" + home.resolve("password"), "--auth=scram-sha-256", "-E", "UTF8", "--no-sync"));
        pg.startServer();
        return pg;
    }

    /** A JDBC URL of a new, empty database on this server, with the password in it as users give it. */
    String newDatabase(String name) {
        execute("CREATE DATABASE " + name);
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER + "&password=" + PASSWORD;
    }

    /** Cuts every client connection to the database but the one that asks, as an administrator would. */
    int terminateConnections(String database) {
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '" + database
                     + "' AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot terminate the connections to " + database + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server at once (every connection dies, as in a crash) and starts it again. */
    void restart() throws IOException, InterruptedException {
        run(command(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop"));
        startServer();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run(command(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop"));
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void startServer() throws IOException, InterruptedException {
        run(command(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", home.resolve("server.log").toString(), "-w",
                "-t", "120", "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the private server: " + e.getMessage(), e);
        }
    }

    private Path data() {
        return home.resolve("data");
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command, run as the postgres user when we are root. */
    private List<String> command(String... args) {
        List<String> c = new ArrayList<>();
        if (root()) {
            c.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        c.addAll(List.of(args));
        return c;
    }

    private void asOwner(String... args) throws IOException, InterruptedException {
        if (root()) {
            run(List.of(args));
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
            String log = Files.exists(home.resolve("server.log")) ? Files.readString(home.resolve("server.log")) : "";
            fail("the private PostgreSQL server: '" + String.join(" ", command) + "' failed: " + said.strip() + " " + log.strip());
        }
    }

    /** The newest installed PostgreSQL's server binaries. */
    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            }
        }
        return fail("no PostgreSQL server binaries in " + root + " (initdb, pg_ctl): install the package postgresql (scripts/test does)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
