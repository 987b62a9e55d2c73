package dev.failforward.spark;

import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;

/** The one local Spark session of this module's tests (two executor threads), started on first use. */
final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("failforward-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }

    /** {@code datasets/} at the project root, which the build passes in as {@code failforward.root}. */
    static Path datasets() {
        String project = System.getProperty("failforward.root", System.getProperty("user.dir"));
        for (Path p = Path.of(project).toAbsolutePath(); p != null; p = p.getParent()) {
            if (java.nio.file.Files.isDirectory(p.resolve("datasets/tabular"))) {
                return p.resolve("datasets");
            }
        }
        throw new IllegalStateException("the datasets/ folder was not found from " + project);
    }
}
