import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;
import dev.failforward.io.parquet.ParquetTableReader;
import dev.failforward.io.parquet.ParquetTableWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The scale benchmark's inputs, as Parquet files in a folder: the first 100k, 300k and 1M rows of
 * flights-3m.parquet (dates kept as their ISO text, as in the original), and a synthetic table of
 * 30 features (20 numbers, 10 categories) with a binary target and one planted weak slice.
 * Usage: ScaleData FLIGHTS_PARQUET OUT_DIR SYNTHETIC_ROWS...
 */
public final class ScaleData {

    public static void main(String[] args) throws Exception {
        Path flights = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Table all = new ParquetTableReader().read(flights, ReadOptions.DEFAULT);
        all = all.replace(asText(all.column("date")));
        for (int rows : new int[] {100_000, 300_000, 1_000_000}) {
            int[] first = java.util.stream.IntStream.range(0, rows).toArray();
            ParquetTableWriter.write(all.select(first), out.resolve("flights-" + rows + ".parquet"));
        }
        for (int i = 2; i < args.length; i++) {
            int rows = Integer.parseInt(args[i]);
            ParquetTableWriter.write(synthetic(rows, 42), out.resolve("synthetic-" + rows + ".parquet"));
        }
    }

    private static Column asText(Column c) {
        String[] texts = new String[c.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = c.text(i);
        }
        return new TextColumn(c.name(), texts);
    }

    /**
     * x0..x19: standard normals, the first five correlated with a shared factor; c0..c9: categories
     * with 3 to 30 levels. The target follows a logistic model of x0..x4, c0 and c1; inside the
     * planted slice (c2 = "k3" and x5 > 1, about 2 % of rows) 60 % of the labels are drawn at random.
     */
    static Table synthetic(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[20][rows];
        int[][] c = new int[10][rows];
        int[] target = new int[rows];
        for (int r = 0; r < rows; r++) {
            double shared = random.nextDouble() * 2 - 1;
            for (int f = 0; f < 20; f++) {
                x[f][r] = gaussian(random) + (f < 5 ? shared : 0);
            }
            for (int f = 0; f < 10; f++) {
                c[f][r] = random.nextInt(3 + 3 * f);
            }
            double z = 1.2 * x[0][r] - 0.8 * x[1][r] + 0.5 * x[2][r] * x[3][r] + 0.3 * x[4][r]
                    + (c[0][r] == 1 ? 1.0 : 0) - (c[1][r] % 2 == 0 ? 0.7 : 0) - 0.2;
            int y = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            if (c[2][r] == 3 && x[5][r] > 1 && random.nextDouble() < 0.6) {
                y = random.nextInt(2);
            }
            target[r] = y;
        }
        List<Column> columns = new ArrayList<>();
        for (int f = 0; f < 20; f++) {
            columns.add(new NumericColumn("x" + f, x[f]));
        }
        for (int f = 0; f < 10; f++) {
            List<String> levels = new ArrayList<>();
            for (int l = 0; l < 3 + 3 * f; l++) {
                levels.add("k" + l);
            }
            columns.add(new CategoricalColumn("c" + f, ColumnType.CATEGORICAL, levels, c[f]));
        }
        columns.add(new CategoricalColumn("target", ColumnType.CATEGORICAL, List.of("no", "yes"), target));
        return Table.of("synthetic-" + rows, columns);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
