package dev.failforward.spark;

import dev.failforward.data.ColumnParser;
import org.apache.spark.sql.Row;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A partition's rows (each with its index in the dataset) in batches of at most {@code size} rows,
 * leaving out rows whose target is missing, as a local scan does; their indexes stay file indexes.
 */
final class Batches implements Iterator<Batches.Batch> {

    /** Rows of one batch and the dataset index of each. */
    record Batch(List<Row> rows, long[] index) {
    }

    private final Iterator<Tuple2<Row, Long>> rows;
    private final int target;
    private final int size;

    Batches(Iterator<Tuple2<Row, Long>> rows, int targetIndex, int size) {
        this.rows = rows;
        this.target = targetIndex;
        this.size = size;
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public Batch next() {
        if (!rows.hasNext()) {
            throw new NoSuchElementException();
        }
        List<Row> batch = new ArrayList<>();
        long[] index = new long[size];
        while (rows.hasNext() && batch.size() < size) {
            Tuple2<Row, Long> r = rows.next();
            if (missing(r._1())) {
                continue;
            }
            index[batch.size()] = r._2();
            batch.add(r._1());
        }
        return new Batch(batch, Arrays.copyOf(index, batch.size()));
    }

    private boolean missing(Row r) {
        if (r.isNullAt(target)) {
            return true;
        }
        Object v = r.get(target);
        return v instanceof Double d ? d.isNaN() : v instanceof Float f ? f.isNaN() : v instanceof String s && ColumnParser.isMissing(s);
    }
}
