import dev.failforward.data.ColumnRole;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Target;
import dev.failforward.model.Task;
import dev.failforward.model.builtin.ModelFiles;
import dev.failforward.progress.Progress;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes the Spark benchmark's inputs from flights-3m.parquet (without its date column): Parquet
 * folders of the first 100k, 300k and 1M rows in 4 files each, and a built-in gbm model trained on
 * the first 100k rows, saved as a scan saves it. Usage: SparkBenchData FLIGHTS OUT_DIR
 */
public class SparkBenchData {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[1]);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("spark-bench-data")
                .config("spark.ui.enabled", "false").getOrCreate();
        Dataset<Row> flights = spark.read().parquet(args[0]).select("delay", "distance", "origin", "destination");
        for (int rows : new int[]{100_000, 300_000, 1_000_000}) {
            flights.limit(rows).repartition(4).write().mode("overwrite").parquet(out.resolve("flights-" + rows + ".parquet").toString());
        }
        Path csv = out.resolve("train-csv");
        flights.limit(100_000).coalesce(1).write().mode("overwrite").option("header", "true").csv(csv.toString());
        spark.stop();
        Path part;
        try (Stream<Path> files = Files.list(csv)) {
            part = files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        Path named = out.resolve("train.csv");
        Files.move(part, named, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Table train = TableReaders.read(named, ReadOptions.DEFAULT).withRole("delay", ColumnRole.TARGET);
        Model model = ModelProviders.find("builtin:gbm").trainer()
                .train(train, new Target("delay", Task.REGRESSION, List.of()), 42, Progress.NONE);
        ModelFiles.save(model, out.resolve("flights-gbm.model"));
        System.out.println("model " + model.id() + " trained on " + train.rowCount() + " rows");
    }
}
