package dev.failforward.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.session.ScanResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesTheThreeFilesIntoANewFolder() throws Exception {
        ScanResult r = Scans.telco();
        Path out = dir.resolve("failforward-out").resolve("nested");

        ReportFiles files = ReportWriter.writeAll(r, out);

        assertThat(files.json()).isEqualTo(out.resolve("report.json"));
        assertThat(files.html()).isEqualTo(out.resolve("report.html"));
        assertThat(files.csv()).isEqualTo(out.resolve("predictions.csv"));
        assertThat(files.all()).allMatch(Files::isRegularFile);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.json", "report.html", "predictions.csv");
        }
        assertThat(Files.readString(files.json())).isEqualTo(new JsonReport().render(r));
        assertThat(Files.readString(files.html())).isEqualTo(new HtmlReport().render(r));
        assertThat(Files.readString(files.csv())).isEqualTo(new PredictionsCsv().render(r));
        assertThat(new ObjectMapper().readTree(files.json().toFile()).get("failures").get("count").asInt())
                .isEqualTo(r.failures().size());
    }

    @Test
    void writingAgainReplacesTheFiles() throws Exception {
        ReportWriter.writeAll(Scans.iris(), dir);
        ReportFiles second = ReportWriter.writeAll(Scans.ames(), dir);
        assertThat(Files.readString(second.json())).contains("\"task\" : \"regression\"");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.count()).isEqualTo(3);
        }
    }
}
