package dev.failforward.scan;

import dev.failforward.api.PublicApi;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.ColumnType;
import dev.failforward.data.DataException;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.model.Target;
import dev.failforward.model.Task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Validated scan input: train and test tables with roles set, the target with its classes, and
 * the row key of every test and training row. Everything a user can get wrong is checked here, before
 * anything is trained or written. Training rows are keyed like test rows (the {@code --id} value, or
 * the row's index in its file); when they come from a file of their own and have no id column, their
 * keys are {@code train:<index>}, so that they cannot be mistaken for test rows.
 */
@PublicApi
public record ScanData(Table train, Table test, Target target, List<String> testKeys, int droppedRows,
                       List<String> trainKeys) {

    /** Training rows keyed by the id column when it has one, else by {@code train:<position>}. */
    public ScanData(Table train, Table test, Target target, List<String> testKeys, int droppedRows) {
        this(train, test, target, testKeys, droppedRows, positionKeys(train));
    }

    public ScanData {
        testKeys = List.copyOf(testKeys);
        trainKeys = List.copyOf(trainKeys);
        if (trainKeys.size() != train.rowCount()) {
            throw new IllegalArgumentException(trainKeys.size() + " keys for " + train.rowCount() + " training rows");
        }
    }

    /** Numeric targets with more distinct values than this are treated as regression. */
    public static final int MAX_CLASSES_FOR_NUMERIC_TARGET = 20;

    /**
     * The rows a probe learns ranges, levels and typical values from: the training rows, or the
     * test rows for a model trained elsewhere, which comes without training rows.
     */
    public Table reference() {
        return train.rowCount() > 0 ? train : test;
    }

    /** Prepares {@code data} for a scan; {@code test} is a separate test file, or {@code null} to split {@code data}. */
    public static ScanData prepare(Table data, Table test, ScanSpec spec) {
        checkColumns(data, spec);
        if (test != null) {
            checkColumns(test, spec);
            for (String name : data.columnNames()) {
                if (!spec.ignore().contains(name) && test.find(name).isEmpty()) {
                    throw new DataException(test.source() + ": no column '" + name + "', which the training data has");
                }
            }
        }
        int dropped = 0;
        Table all = withoutMissingTarget(data, spec.target());
        dropped += data.rowCount() - all.rowCount();
        Table held = test == null ? null : withoutMissingTarget(test, spec.target());
        if (held != null) {
            dropped += test.rowCount() - held.rowCount();
        }
        Task task = task(all, spec);
        Target target = new Target(spec.target(), task, task.isClassification() ? classes(all, held, spec) : List.of());
        Table train;
        List<String> keys;
        List<String> trainKeys;
        if (held == null) {
            int[] testRows = task.isClassification()
                    ? Split.stratifiedTest(labels(all, target), target.classCount(), spec.testFraction(), spec.seed())
                    : Split.randomTest(all.rowCount(), spec.testFraction(), spec.seed());
            int[] trainRows = Split.complement(all.rowCount(), testRows);
            checkSplit(all, target, trainRows, testRows, spec);
            train = all.select(trainRows);
            held = all.select(testRows);
            int[] offsets = missingTargetOffsets(data, spec.target());
            keys = keys(all, spec.idColumn(), testRows, offsets);
            trainKeys = keys(all, spec.idColumn(), trainRows, offsets);
        } else {
            train = all;
            keys = keys(held, spec.idColumn(), Split.all(held.rowCount()), missingTargetOffsets(test, spec.target()));
            trainKeys = keys(all, spec.idColumn(), Split.all(all.rowCount()), missingTargetOffsets(data, spec.target()));
            if (spec.idColumn() == null) {
                trainKeys = trainKeys.stream().map(k -> "train:" + k).toList();
            }
        }
        if (train.rowCount() < 2 || held.rowCount() < 1) {
            throw new DataException(data.source() + ": too few rows to train and test (" + train.rowCount()
                    + " training, " + held.rowCount() + " test rows)");
        }
        return new ScanData(withRoles(train, spec), withRoles(held, spec), target, keys, dropped, trainKeys);
    }

    /**
     * Prepares {@code rows} to be scored, all of them, by a model trained elsewhere: no split, and the
     * training table is empty. The task is the model's when it says ({@code modelTask}; a different
     * {@code --task} is an error); the classes are {@code modelClasses} when given (every target value must
     * be one of them), else the target's values in sorted order, of which there must be {@code classCount}
     * when that is known. Row keys are file indexes or the id column, as for {@link #prepare}.
     */
    public static ScanData forModel(Table rows, ScanSpec spec, Task modelTask, List<String> modelClasses, int classCount) {
        return forModel(rows, null, spec, modelTask, modelClasses, classCount);
    }

    /**
     * The same, with the classes taken from {@code classesFrom}'s target values when the model does not name
     * them (as when a separate test file holds only some of them); {@code null} = from {@code rows}.
     */
    public static ScanData forModel(Table rows, Table classesFrom, ScanSpec spec, Task modelTask, List<String> modelClasses,
                                    int classCount) {
        checkColumns(rows, spec);
        Table classSource = classesFrom == null ? null : withoutMissingTarget(classesFrom, spec.target());
        Table all = withoutMissingTarget(rows, spec.target());
        int dropped = rows.rowCount() - all.rowCount();
        Task task = modelTask;
        if (task == null) {
            task = task(classSource == null ? all : classSource, spec);
        } else if (spec.task() != null && spec.task() != task) {
            throw new IllegalArgumentException("--task " + spec.task().id() + " does not match the model, which does "
                    + task.id());
        }
        if (task == Task.REGRESSION && all.column(spec.target()).type() != ColumnType.NUMERIC) {
            throw new DataException(rows.source() + ": column '" + spec.target() + "' is "
                    + all.column(spec.target()).type().id() + "; the model does regression, which needs a numeric target");
        }
        List<String> classes = List.of();
        if (task.isClassification()) {
            if (!modelClasses.isEmpty()) {
                classes = modelClasses;
                if (spec.positiveClass() != null && !spec.positiveClass().equals(classes.get(classes.size() - 1))) {
                    throw new IllegalArgumentException("--positive-class " + spec.positiveClass()
                            + " does not match the model, whose positive class is " + classes.get(classes.size() - 1));
                }
            } else {
                Table from = classSource == null ? all : classSource;
                TreeSet<String> present = distinctTexts(from.column(spec.target()));
                int expected = task == Task.BINARY_CLASSIFICATION ? 2 : classCount;
                if (expected > 0 && present.size() != expected) {
                    throw new DataException(rows.source() + ": column '" + spec.target() + "' has " + present.size()
                            + " classes " + present + " but the model predicts " + expected
                            + "; give the model's class labels in --model-config (key 'classes')");
                }
                classes = classSource == null ? classes(all, null, spec) : classes(classSource, all, spec);
            }
        }
        Target target = new Target(spec.target(), task, classes);
        int[] every = Split.all(all.rowCount());
        List<String> keys = keys(all, spec.idColumn(), every, missingTargetOffsets(rows, spec.target()));
        Table scored = withRoles(all, spec);
        labelsIfClassification(scored, target);
        return new ScanData(scored.select(new int[0]), scored, target, keys, dropped, List.of());
    }

    /** Training and test parts of a split each need at least this many rows. */
    public static final int MIN_SPLIT_ROWS = 20;

    private static void labelsIfClassification(Table table, Target target) {
        if (target.task().isClassification()) {
            labels(table, target);
        }
    }

    /** The same data with these columns' role set to ignored, so that feature-based checks leave them out. */
    public ScanData ignoring(List<String> columns) {
        Table tr = train;
        Table te = test;
        for (String c : columns) {
            tr = tr.withRole(c, ColumnRole.IGNORED);
            te = te.find(c).isPresent() ? te.withRole(c, ColumnRole.IGNORED) : te;
        }
        return new ScanData(tr, te, target, testKeys, droppedRows, trainKeys);
    }

    /** Index of each row's true class in {@code target.classes()}. */
    public static int[] labels(Table table, Target target) {
        Column column = table.column(target.column());
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int c = 0; c < target.classCount(); c++) {
            index.put(target.classes().get(c), c);
        }
        int[] out = new int[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            Integer c = index.get(column.text(i));
            if (c == null) {
                throw new DataException(table.source() + ": row " + i + " has target '" + column.text(i)
                        + "', which is not one of the classes " + target.classes());
            }
            out[i] = c;
        }
        return out;
    }

    /** The true values of a regression target. */
    public static double[] values(Table table, Target target) {
        return ((NumericColumn) table.column(target.column())).values().clone();
    }

    /**
     * Refuses a split that leaves fewer than {@link #MIN_SPLIT_ROWS} rows in training or test, or a
     * class without a training row: the model and the measurements would mean nothing.
     */
    private static void checkSplit(Table all, Target target, int[] trainRows, int[] testRows, ScanSpec spec) {
        if (trainRows.length < MIN_SPLIT_ROWS || testRows.length < MIN_SPLIT_ROWS) {
            throw new DataException(all.source() + ": --test-fraction " + spec.testFraction() + " leaves " + trainRows.length
                    + " training and " + testRows.length + " test rows of " + all.rowCount() + "; each part needs at least "
                    + MIN_SPLIT_ROWS + " (choose another --test-fraction, or give a --test file)");
        }
        if (target.task().isClassification()) {
            int[] labels = labels(all, target);
            int[] inTraining = new int[target.classCount()];
            int[] inAll = new int[target.classCount()];
            for (int r : trainRows) {
                inTraining[labels[r]]++;
            }
            for (int label : labels) {
                inAll[label]++;
            }
            for (int c = 0; c < inTraining.length; c++) {
                if (inTraining[c] == 0) {
                    throw new DataException(all.source() + ": class '" + target.classes().get(c) + "' of '" + target.column()
                            + "' has no training row with --test-fraction " + spec.testFraction() + " (" + inAll[c]
                            + " rows in all); the model could never predict it (choose a smaller --test-fraction, "
                            + "or leave out its rows)");
                }
            }
        }
    }

    private static void checkColumns(Table table, ScanSpec spec) {
        table.column(spec.target());
        if (spec.idColumn() != null) {
            uniqueKeys(table, spec.idColumn());
        }
        for (String name : spec.ignore()) {
            table.column(name);
        }
        if (spec.ignore().contains(spec.target())) {
            throw new DataException("the target column '" + spec.target() + "' cannot also be ignored");
        }
    }

    /** Row keys name one row each (predictions, failures and triage are found by them): a repeated key is refused. */
    private static void uniqueKeys(Table table, String idColumn) {
        Column id = table.column(idColumn);
        Map<String, Integer> first = new java.util.HashMap<>();
        for (int r = 0; r < id.size(); r++) {
            String key = id.isMissing(r) ? null : id.text(r);
            if (key == null) {
                throw new DataException(table.source() + ": " + where(table, r) + ": --id column '" + idColumn
                        + "' has no value; every row needs a key");
            }
            Integer before = first.putIfAbsent(key, r);
            if (before != null) {
                throw new DataException(table.source() + ": --id column '" + idColumn + "' is not unique: '"
                        + (key.length() <= 40 ? key : key.substring(0, 37) + "...") + "' is on " + where(table, before)
                        + " and " + where(table, r) + "; row keys must be unique");
            }
        }
    }

    /** A row as a user finds it: a line of a text file (one line per row, after the header), else a 1-based row. */
    private static String where(Table table, int row) {
        String s = table.source().toLowerCase(java.util.Locale.ROOT);
        boolean text = s.endsWith(".csv") || s.endsWith(".tsv") || s.endsWith(".txt") || s.endsWith(".csv.gz");
        return text ? "line " + (row + 2) : "row " + (row + 1);
    }

    private static Table withoutMissingTarget(Table table, String target) {
        Column column = table.column(target);
        int[] keep = java.util.stream.IntStream.range(0, table.rowCount()).filter(i -> !column.isMissing(i)).toArray();
        if (keep.length == 0) {
            throw new DataException(table.source() + ": column '" + target + "' has no values; it cannot be the target");
        }
        return keep.length == table.rowCount() ? table : table.select(keep);
    }

    /** For each kept row, its index in the file: rows with a missing target are skipped but keys stay file indexes. */
    private static int[] missingTargetOffsets(Table table, String target) {
        Column column = table.column(target);
        return java.util.stream.IntStream.range(0, table.rowCount()).filter(i -> !column.isMissing(i)).toArray();
    }

    private static Task task(Table data, ScanSpec spec) {
        Column column = data.column(spec.target());
        if (spec.task() == Task.REGRESSION) {
            if (column.type() != ColumnType.NUMERIC) {
                throw new DataException(data.source() + ": column '" + spec.target() + "' is " + column.type().id()
                        + "; regression needs a numeric target");
            }
            return Task.REGRESSION;
        }
        boolean guessing = spec.task() == null && column.type() == ColumnType.NUMERIC;
        // Guessing needs to know only whether there are more than the classes allowed: a regression
        // target's millions of values are not all formatted for that.
        long distinct = guessing ? distinctCount(column, MAX_CLASSES_FOR_NUMERIC_TARGET + 1) : distinctTexts(column).size();
        if (guessing && distinct > MAX_CLASSES_FOR_NUMERIC_TARGET) {
            return Task.REGRESSION;
        }
        if (spec.task() == Task.BINARY_CLASSIFICATION && distinct != 2) {
            throw new DataException(data.source() + ": column '" + spec.target() + "' has " + distinct
                    + " classes; binary classification needs exactly 2");
        }
        return distinct == 2 ? Task.BINARY_CLASSIFICATION : Task.MULTICLASS_CLASSIFICATION;
    }

    private static List<String> classes(Table data, Table test, ScanSpec spec) {
        Column column = data.column(spec.target());
        TreeSet<String> labels = distinctTexts(column);
        if (labels.size() < 2) {
            throw new DataException(data.source() + ": column '" + spec.target() + "' has only one class ('"
                    + labels.first() + "'); a classifier needs at least two");
        }
        if (test != null) {
            for (String label : distinctTexts(test.column(spec.target()))) {
                if (!labels.contains(label)) {
                    throw new DataException(test.source() + ": target value '" + label
                            + "' does not occur in the training data " + data.source());
                }
            }
        }
        List<String> sorted = new ArrayList<>(labels);
        if (column.type() == ColumnType.NUMERIC) {
            sorted.sort(Comparator.comparingDouble(Double::parseDouble));
        }
        if (spec.positiveClass() != null) {
            if (!sorted.contains(spec.positiveClass())) {
                throw new DataException(data.source() + ": the positive class '" + spec.positiveClass()
                        + "' is not a value of '" + spec.target() + "'; values are " + sorted);
            }
            if (sorted.size() != 2) {
                throw new IllegalArgumentException("--positive-class applies to binary targets; '" + spec.target()
                        + "' has " + sorted.size() + " classes");
            }
            sorted.remove(spec.positiveClass());
            sorted.add(spec.positiveClass());
        }
        return sorted;
    }

    /** The number of distinct values of {@code column}, counted up to {@code cap}. */
    private static int distinctCount(Column column, int cap) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < column.size() && seen.size() < cap; i++) {
            if (!column.isMissing(i)) {
                seen.add(column.text(i));
            }
        }
        return seen.size();
    }

    private static TreeSet<String> distinctTexts(Column column) {
        TreeSet<String> out = new TreeSet<>();
        for (int i = 0; i < column.size(); i++) {
            if (!column.isMissing(i)) {
                out.add(column.text(i));
            }
        }
        return out;
    }

    private static List<String> keys(Table table, String idColumn, int[] rows, int[] fileIndex) {
        List<String> out = new ArrayList<>(rows.length);
        Column id = idColumn == null ? null : table.column(idColumn);
        for (int r : rows) {
            out.add(id == null ? Integer.toString(fileIndex[r]) : String.valueOf(id.text(r)));
        }
        return out;
    }

    private static List<String> positionKeys(Table train) {
        Column id = train.columns().stream().filter(c -> train.role(c.name()) == ColumnRole.ID).findFirst().orElse(null);
        List<String> out = new ArrayList<>(train.rowCount());
        for (int r = 0; r < train.rowCount(); r++) {
            out.add(id == null ? "train:" + r : String.valueOf(id.text(r)));
        }
        return out;
    }

    private static Table withRoles(Table table, ScanSpec spec) {
        Table out = table.withRole(spec.target(), ColumnRole.TARGET);
        if (spec.idColumn() != null) {
            out = out.withRole(spec.idColumn(), ColumnRole.ID);
        }
        for (String name : spec.ignore()) {
            out = out.withRole(name, ColumnRole.IGNORED);
        }
        return out;
    }
}
