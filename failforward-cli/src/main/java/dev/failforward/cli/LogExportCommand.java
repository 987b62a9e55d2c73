package dev.failforward.cli;

import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.LoggedFailure;
import dev.failforward.io.parquet.ParquetTableWriter;
import dev.failforward.log.FailureLog;
import dev.failforward.model.Task;
import dev.failforward.report.AtomicFiles;
import dev.failforward.report.FailureCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code failforward log export}: failure samples with their true labels, for retraining. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the failures that match the filters, with their inputs and true labels, to a file",
                "ready for retraining: csv, jsonl or parquet (one typed column per input column).",
                "The file is written whole or not at all.", ""},
        footer = {"", "Examples:",
                "  failforward log export --run latest --format csv --out failures.csv",
                "  failforward log export --recurrence recurring --triage open --format jsonl --out hard-cases.jsonl",
                "  failforward log export --where \"contract = 'Month-to-month'\" --format csv --out mtm.csv",
                "  failforward log export --run latest --format parquet --out failures.parquet"})
public final class LogExportCommand implements Callable<Integer> {

    enum Format { csv, jsonl, parquet }

    @Mixin
    FilterOptions filters;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "csv, jsonl or parquet.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write.")
    Path out;

    @Option(names = "--limit", paramLabel = "N", description = "At most N failures.")
    Integer limit;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        if (limit != null && limit < 0) {
            throw new UsageException("--limit must be 0 or more, got " + limit);
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !java.nio.file.Files.isDirectory(folder)) {
            throw new UsageException("cannot write " + out + ": folder " + folder + " does not exist");
        }
        try (FailureLog log = store.open()) {
            FailureFilter filter = filters.filter(log, limit);
            List<LoggedFailure> found = log.find(filter);
            Map<String, Task> tasks = LogListCommand.tasks(log);
            if (format == Format.parquet) {
                writeParquet(found);
                System.out.println("Exported " + found.size() + " failures to " + out + ".");
                return ExitCodes.OK;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (PrintStream p = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
                if (format == Format.csv) {
                    FailureCsv.write(found.stream().map(LoggedFailure::failure).toList(), tasks::get, p);
                } else {
                    found.forEach(f -> p.println(LoggedFailureJson.line(f, tasks.get(f.failure().runId()), List.of())));
                }
            }
            try {
                AtomicFiles.write(out, bytes.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
            System.out.println("Exported " + found.size() + " failures to " + out + ".");
        }
        return ExitCodes.OK;
    }

    private void writeParquet(List<LoggedFailure> found) {
        try {
            ParquetTableWriter.write(FailureTable.of(found.stream().map(LoggedFailure::failure).toList()), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
