package dev.failforward.store;

import dev.failforward.run.RunIds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A second process writing to a log: says it is ready, waits until a start file appears (so that
 * two of them begin together), then stores Telco runs and prints "RUN_ID FAILURES" for each one it wrote. Started by
 * {@link ConcurrentWritersTest} as a separate JVM. Arguments: log file, start file, writer
 * number, runs, rows per run.
 */
public final class WriterProcess {

    private WriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        String file = args[0];
        Path go = Path.of(args[1]);
        int writer = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        int rows = Integer.parseInt(args[4]);
        Telco.Scored[] scans = new Telco.Scored[runs];
        for (int i = 0; i < runs; i++) {
            scans[i] = Telco.scan(RunIds.at(Instant.now().minusSeconds(600).plusSeconds(writer * 100L + i)),
                    (writer * runs + i) * 700, rows, writer * 100L + i);
        }
        try (JdbcFailureLog log = JdbcFailureLog.open(file)) {
            Files.createFile(Path.of(go + "." + writer + ".ready"));
            while (!Files.exists(go)) {
                Thread.sleep(5);
            }
            for (Telco.Scored s : scans) {
                log.begin(s.started());
                log.complete(s.run(), s.predictions(), s.failures());
                System.out.println(s.run().id() + " " + s.failures().size());
            }
        }
    }
}
