package dev.failforward.explain;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.Task;
import dev.failforward.progress.Progress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * LIME on text needs nothing from the model but predictions: a classifier that only sees the
 * text (a log-odds score of the words it finds, plus a numeric column) is explained word by word,
 * the words it scores get their effect and the others none; removing a word keeps the rest of
 * the text as it was.
 */
class TextLimeTest {

    /** Positive when "great" or "love" appear, negative with "awful"; the number column adds a little. */
    private record WordModel() implements Model {
        static final Map<String, Double> SCORES = Map.of("great", 2.0, "love", 1.0, "awful", -3.0);

        @Override
        public String id() {
            return "test:words";
        }

        @Override
        public Target target() {
            return new Target("label", Task.BINARY_CLASSIFICATION, List.of("neg", "pos"));
        }

        @Override
        public Predictions predict(Table rows) {
            double[] p = new double[rows.rowCount() * 2];
            for (int r = 0; r < rows.rowCount(); r++) {
                double score = 0.5 * ((NumericColumn) rows.column("stars")).get(r) - 1;
                String text = rows.column("review").text(r);
                for (TextTokens.Token t : TextTokens.of(text)) {
                    score += SCORES.getOrDefault(t.word(), 0.0);
                }
                double pos = 1 / (1 + Math.exp(-score));
                p[2 * r] = 1 - pos;
                p[2 * r + 1] = pos;
            }
            return Predictions.ofProbabilities(List.of("neg", "pos"), p);
        }

        @Override
        public String fingerprint() {
            return "words";
        }
    }

    @Test
    void wordsAreThePlayersOfTextColumns() {
        Table rows = Table.of("reviews", List.of(
                new TextColumn("review", new String[] {"Great phone, but the battery is awful.", "I love it; great!"}),
                new NumericColumn("stars", new double[] {2, 4})));
        Table background = Table.of("background", List.of(
                new CategoricalColumn("review", ColumnType.CATEGORICAL, List.of("ok"), new int[] {0, 0, 0}),
                new NumericColumn("stars", new double[] {1, 2, 3})));
        List<Explanation> out = new LimeExplainer().explain(new WordModel(),
                new ExplainRequest(rows, List.of("neg", "pos"), background, 11, 2, Progress.NONE));
        Explanation first = out.get(0);
        List<String> features = new ArrayList<>(first.attributions().stream().map(Attribution::feature).toList());
        assertThat(features).containsExactlyInAnyOrder("stars", "review: great", "review: phone", "review: but", "review: the",
                "review: battery", "review: is", "review: awful");
        // Explaining "neg": "awful" pushes towards it, "great" away; words the model ignores get ~0.
        assertThat(first.attributions().get(0).feature()).isEqualTo("review: awful");
        assertThat(value(first, "review: awful")).isGreaterThan(0.1);
        assertThat(value(first, "review: great")).isLessThan(-0.05);
        assertThat(Math.abs(value(first, "review: battery"))).isLessThan(0.02);
        Explanation second = out.get(1);
        assertThat(second.attributions().get(0).feature()).isEqualTo("review: great");
        // "great" twice in no row; all its occurrences go together. The full text's probability is the explained value.
        assertThat(second.value()).isCloseTo(1 / (1 + Math.exp(-(0.5 * 4 - 1 + 3))), within(1e-12));
        // The same request gives the same result on one thread.
        List<Explanation> again = new LimeExplainer().explain(new WordModel(),
                new ExplainRequest(rows, List.of("neg", "pos"), background, 11, 1, Progress.NONE));
        assertThat(again).usingRecursiveComparison().isEqualTo(out);
    }

    @Test
    void removingWordsKeepsTheRestOfTheText() {
        String text = "Great phone, but the battery is AWFUL; great?";
        List<TextTokens.Token> tokens = TextTokens.of(text);
        List<String> words = TextTokens.words(tokens);
        assertThat(words).containsExactly("great", "phone", "but", "the", "battery", "is", "awful");
        int[] wordOf = tokens.stream().mapToInt(t -> words.indexOf(t.word())).toArray();
        boolean[] known = {false, true, true, true, true, true, false};
        assertThat(TextTokens.without(text, tokens, wordOf, known, 0)).isEqualTo(" phone, but the battery is ; ?");
        assertThat(text.substring(tokens.get(6).start(), tokens.get(6).end()).toLowerCase(Locale.ROOT)).isEqualTo("awful");
    }

    private static double value(Explanation e, String feature) {
        return e.attributions().stream().filter(a -> a.feature().equals(feature)).findFirst().orElseThrow().value();
    }
}
