package dev.failforward.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.failforward.failure.Failure;
import dev.failforward.session.ScanResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FailureCsvTest {

    @Test
    void everyFailureParsesBackWithItsInput() throws Exception {
        ScanResult r = Scans.hostileTelco();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FailureCsv.write(r.failures(), run -> r.run().task(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<CsvRecord> rows = CsvReader.builder().ofCsvRecord(bytes.toString(StandardCharsets.UTF_8)).stream().toList();
        assertThat(rows).hasSize(r.failures().size() + 1);
        assertThat(rows.get(0).getFields()).isEqualTo(FailureCsv.HEADER);
        for (int i = 0; i < r.failures().size(); i++) {
            Failure f = r.failures().get(i);
            CsvRecord row = rows.get(i + 1);
            assertThat(row.getField(0)).isEqualTo(f.id());
            assertThat(row.getField(4)).isEqualTo(f.expected());
            JsonNode input = new ObjectMapper().readTree(row.getField(11));
            assertThat(input.size()).isEqualTo(f.input().size());
        }
    }
}
