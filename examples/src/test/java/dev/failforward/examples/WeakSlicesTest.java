package dev.failforward.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the example program as a user would, on the bundled Telco data. */
class WeakSlicesTest {

    @TempDir
    Path dir;

    @Test
    void printsTheWeakSlicesOfTheTelcoScanAndStoresTheRun() throws Exception {
        Path root = Path.of(System.getProperty("failforward.root", ".."));
        Path store = dir.resolve("examples.db");
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            WeakSlices.main(new String[] {root.resolve("datasets/tabular/telco_churn.csv").toString(), store.toString()});
        } finally {
            System.setOut(old);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).containsPattern("run \\w+: \\d+ failures in 2113 test rows");
        // Telco's month-to-month contracts churn far more often than the rest: a weak slice.
        assertThat(printed).containsPattern("\\[(warning|critical)\\] .*contract");
        assertThat(printed).containsPattern("searched [1-9]\\d* candidate slices; average failure rate 0\\.\\d{3}; [1-9]\\d* top slices kept");
        assertThat(Files.exists(store)).isTrue();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM runs WHERE status = 'complete'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).isEqualTo(1);
        }
    }
}
