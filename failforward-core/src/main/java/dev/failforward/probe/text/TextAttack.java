package dev.failforward.probe.text;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;
import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.Judge;
import dev.failforward.failure.Perturbation;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.probe.RowRandom;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Black-box adversarial search on a text column: a greedy word-substitution attack ranked by word
 * importance. For each correctly predicted row (a seeded sample of at most {@code maxRows}):
 * <ol>
 * <li>the importance of each word WordNet has synonyms for is the drop in the predicted class's
 * probability when that word is deleted (all deletions of all rows scored in one batch);</li>
 * <li>the most important word is replaced by whichever of its synonyms lowers that probability most
 * (all candidates of all rows scored in one batch; kept only if it lowers it at all), then the next
 * most important word, and so on, until the prediction flips or {@code budget} words were tried;</li>
 * <li>every sentence that flipped is scored again on its own row, and counts only if it still flips.</li>
 * </ol>
 * Results depend on the seed (which rows are sampled), never on threads.
 */
public final class TextAttack {

    public static final String ID = "text-adversarial";

    private final int budget;
    private final int maxRows;

    public TextAttack(int budget, int maxRows) {
        if (budget < 1) {
            throw new IllegalArgumentException("the text adversarial budget must be at least 1 word, got " + budget);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("the text adversarial search needs at least 1 row, got " + maxRows);
        }
        this.budget = budget;
        this.maxRows = maxRows;
    }

    /** One row under attack. */
    private static final class Row {
        final int index;
        final int truth;
        String sentence;
        /** Indexes (among the sentence's words) of the words to change, most important first. */
        final List<Integer> order = new ArrayList<>();
        final List<String> changes = new ArrayList<>();
        int next;
        /** The true class's probability for the current sentence. */
        double current;
        boolean flipped;

        Row(int index, int truth, String sentence) {
            this.index = index;
            this.truth = truth;
            this.sentence = sentence;
        }
    }

    /**
     * Attacks the correctly predicted rows of {@code data.test()}; failures are numbered from
     * {@code firstNumber}. A table without a text feature gives an empty result.
     */
    public TextAttackResult run(Model model, ScanData data, Predictions baseline, long seed, String runId, int firstNumber,
                                Progress progress) {
        Table test = data.test();
        List<Column> texts = TextRows.textFeatures(test);
        if (texts.isEmpty() || !data.target().task().isClassification()) {
            return new TextAttackResult(null, budget, 0, 0, 0, List.of());
        }
        TextColumn column = (TextColumn) texts.get(0);
        WordNet wordNet = WordNet.shared();
        int[] truth = ScanData.labels(test, data.target());
        List<Row> rows = sample(test, column, baseline, truth, seed);
        progress.start("Text adversarial search on " + rows.size() + " rows (budget " + budget + " words)", budget + 2L);
        try {
            rank(model, test, column, rows, wordNet);
            progress.advance(1);
            for (int step = 0; step < budget; step++) {
                substitute(model, test, column, rows, wordNet);
                progress.advance(1);
            }
            List<Row> flipped = rows.stream().filter(r -> r.flipped).toList();
            Predictions check = flipped.isEmpty() ? null : model.predict(withSentences(test, column, flipped));
            List<Failure> failures = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            for (int i = 0; i < flipped.size(); i++) {
                Row r = flipped.get(i);
                if (check.predictedClass(i) == r.truth) {
                    continue;
                }
                sizes.add(r.changes.size());
                failures.add(failure(data, test, column, r, check, i, runId, firstNumber + failures.size()));
            }
            progress.advance(1);
            return new TextAttackResult(column.name(), budget, rows.size(), failures.size(), median(sizes), failures);
        } finally {
            progress.finish();
        }
    }

    /** The correctly predicted rows with text, at most {@code maxRows} of them, chosen by seed. */
    private List<Row> sample(Table test, TextColumn column, Predictions baseline, int[] truth, long seed) {
        List<Integer> correct = new ArrayList<>();
        for (int i = 0; i < test.rowCount(); i++) {
            if (baseline.predictedClass(i) == truth[i] && !column.isMissing(i)) {
                correct.add(i);
            }
        }
        if (correct.size() > maxRows) {
            long[] keys = new long[test.rowCount()];
            for (int i : correct) {
                keys[i] = RowRandom.of(seed, ID, 0, i).nextLong();
            }
            correct.sort(Comparator.comparingLong(i -> keys[i]));
            correct = new ArrayList<>(correct.subList(0, maxRows));
            correct.sort(null);
        }
        List<Row> rows = new ArrayList<>();
        for (int i : correct) {
            rows.add(new Row(i, truth[i], column.text(i)));
        }
        return rows;
    }

    /** Orders each row's replaceable words by how much deleting them lowers the true class's probability. */
    private static void rank(Model model, Table test, TextColumn column, List<Row> rows, WordNet wordNet) {
        List<String> variants = new ArrayList<>();
        List<int[]> owner = new ArrayList<>();
        List<List<Words.Span>> spans = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            List<Words.Span> words = SynonymProbe.replaceable(row.sentence, wordNet);
            spans.add(words);
            variants.add(row.sentence);
            owner.add(new int[]{r, -1});
            for (int w = 0; w < words.size(); w++) {
                variants.add(Words.replace(row.sentence, words.get(w), "").replaceAll("\\s{2,}", " ").strip());
                owner.add(new int[]{r, w});
            }
        }
        Predictions p = model.predict(sentences(test, column, variants, owner.stream().mapToInt(o -> rows.get(o[0]).index).toArray()));
        double[] base = new double[rows.size()];
        double[][] drop = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            drop[r] = new double[spans.get(r).size()];
        }
        for (int v = 0; v < variants.size(); v++) {
            int[] o = owner.get(v);
            double prob = p.probability(v, rows.get(o[0]).truth);
            if (o[1] < 0) {
                base[o[0]] = prob;
                rows.get(o[0]).current = prob;
            } else {
                drop[o[0]][o[1]] = base[o[0]] - prob;
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Words.Span> words = spans.get(r);
            Integer[] order = new Integer[words.size()];
            for (int w = 0; w < order.length; w++) {
                order[w] = w;
            }
            double[] d = drop[r];
            Arrays.sort(order, Comparator.<Integer>comparingDouble(w -> -d[w]).thenComparingInt(w -> w));
            List<Words.Span> all = Words.of(rows.get(r).sentence);
            for (int w : order) {
                rows.get(r).order.add(all.indexOf(words.get(w)));
            }
        }
    }

    /** One greedy step: each row still standing replaces its next most important word by its most damaging synonym. */
    private static void substitute(Model model, Table test, TextColumn column, List<Row> rows, WordNet wordNet) {
        List<String> variants = new ArrayList<>();
        List<int[]> owner = new ArrayList<>();
        List<List<String>> options = new ArrayList<>();
        List<Row> active = new ArrayList<>();
        for (Row row : rows) {
            if (row.flipped || row.next >= row.order.size()) {
                continue;
            }
            Words.Span word = locate(row);
            if (word == null) {
                row.next = row.order.size();
                continue;
            }
            int a = active.size();
            active.add(row);
            List<String> synonyms = wordNet.synonyms(word.text());
            options.add(synonyms);
            for (int s = 0; s < synonyms.size(); s++) {
                variants.add(Words.replace(row.sentence, word, Words.matchCase(synonyms.get(s), word.text())));
                owner.add(new int[]{a, s});
            }
        }
        if (variants.isEmpty()) {
            return;
        }
        Predictions p = model.predict(sentences(test, column, variants, owner.stream().mapToInt(o -> active.get(o[0]).index).toArray()));
        int[] best = new int[active.size()];
        double[] lowest = new double[active.size()];
        Arrays.fill(best, -1);
        Arrays.fill(lowest, Double.POSITIVE_INFINITY);
        boolean[] flips = new boolean[active.size()];
        for (int v = 0; v < variants.size(); v++) {
            int a = owner.get(v)[0];
            Row row = active.get(a);
            boolean flip = p.predictedClass(v) != row.truth;
            double prob = p.probability(v, row.truth);
            // A flipping candidate beats any other; among equals the lower true-class probability wins.
            if ((flip && !flips[a]) || (flip == flips[a] && prob < lowest[a])) {
                flips[a] = flip;
                lowest[a] = prob;
                best[a] = v;
            }
        }
        for (int a = 0; a < active.size(); a++) {
            Row row = active.get(a);
            // A substitution is kept only if it flips or lowers the true class's probability; else the word stays.
            if (flips[a] || lowest[a] < row.current) {
                Words.Span word = locate(row);
                row.changes.add(word.text() + "→" + options.get(a).get(owner.get(best[a])[1]));
                row.sentence = variants.get(best[a]);
                row.current = lowest[a];
                row.flipped = flips[a];
            }
            row.next++;
        }
    }

    /**
     * The row's next word to change in its current sentence. Synonyms here are single words of
     * letters, so each replacement keeps the number of words and a word's index stays valid.
     */
    private static Words.Span locate(Row row) {
        List<Words.Span> now = Words.of(row.sentence);
        int index = row.order.get(row.next);
        return index < now.size() ? now.get(index) : null;
    }

    private static Table sentences(Table test, TextColumn column, List<String> variants, int[] rowOf) {
        Table rows = test.select(rowOf);
        return rows.replace(new TextColumn(column.name(), variants.toArray(String[]::new)));
    }

    private static Table withSentences(Table test, TextColumn column, List<Row> rows) {
        return sentences(test, column, rows.stream().map(r -> r.sentence).toList(), rows.stream().mapToInt(r -> r.index).toArray());
    }

    private static double median(List<Integer> sizes) {
        if (sizes.isEmpty()) {
            return 0;
        }
        int[] s = sizes.stream().mapToInt(Integer::intValue).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    private Failure failure(ScanData data, Table test, TextColumn column, Row r, Predictions check, int at, String runId,
                            int number) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (Column c : test.columns()) {
            if (test.role(c.name()) != ColumnRole.TARGET) {
                input.put(c.name(), c.value(r.index));
            }
        }
        Map<String, Object> perturbed = new LinkedHashMap<>(input);
        perturbed.put(column.name(), r.sentence);
        List<String> classes = data.target().classes();
        int predicted = check.predictedClass(at);
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            probabilities.put(classes.get(c), check.probability(at, c));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("probe", ID);
        params.put("changed", column.name());
        params.put("words_changed", Integer.toString(r.changes.size()));
        params.put("substitutions", String.join("; ", r.changes));
        params.put("budget", Integer.toString(budget));
        params.put("verified", "true");
        String origin = "probe:" + ID;
        String key = data.testKeys().get(r.index);
        double loss = Judge.logLoss(check.probability(at, r.truth));
        return new Failure(runId + "-" + number, runId, key, origin, input, classes.get(r.truth), classes.get(predicted),
                probabilities, null, check.probability(at, predicted), loss, List.of("adversarial", "flipped", "became-wrong"),
                Fingerprints.failure(key, input, origin, params), new Perturbation(params, perturbed));
    }

    @Override
    public String toString() {
        return "TextAttack[budget " + budget + " words, at most " + maxRows + " rows]";
    }
}
