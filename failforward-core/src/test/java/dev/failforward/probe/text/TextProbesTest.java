package dev.failforward.probe.text;

import dev.failforward.data.Column;
import dev.failforward.data.CsvTableReader;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;
import dev.failforward.probe.Expectation;
import dev.failforward.probe.Probe;
import dev.failforward.probe.Probes;
import dev.failforward.support.Datasets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text probes on the real sentiment sentences, and their edits on chosen sentences. */
@Tag("slow")
class TextProbesTest {

    static final List<String> IDS = List.of("case-punctuation", "contraction", "irrelevant-sentence", "name-swap", "negation",
            "synonym", "typo");

    private static final Table SENTIMENT = new CsvTableReader().read(Datasets.root().resolve("text/sentiment_sentences.csv"),
            ReadOptions.DEFAULT);

    static Stream<Probe> textProbes() {
        return IDS.stream().map(Probes::find);
    }

    private static String[] text(Table t) {
        return ((TextColumn) t.column("text")).values();
    }

    @ParameterizedTest
    @MethodSource("textProbes")
    void changesOnlyTheTextAndIsDeterministic(Probe probe) {
        double level = probe.levels().get(probe.levels().size() - 1);
        Table a = probe.perturb(SENTIMENT, level, 42);
        Table b = probe.perturb(SENTIMENT, level, 42);
        Table c = probe.perturb(SENTIMENT, level, 43);
        assertThat(text(a)).containsExactly(text(b));
        for (Column col : SENTIMENT.columns()) {
            if (!col.name().equals("text")) {
                assertThat(a.column(col.name())).isSameAs(col);
            }
        }
        long changed = countChanged(SENTIMENT, a);
        assertThat(changed).as(probe.id() + " changes some sentences").isGreaterThan(probe.id().equals("name-swap") ? 20 : 300);
        if (!probe.id().equals("negation") && !probe.id().equals("contraction")) {
            assertThat(text(c)).as(probe.id() + " depends on the seed").isNotEqualTo(text(a));
        }
        // A row's change depends on its position and the seed, not on the rows after it.
        Table first = probe.perturb(SENTIMENT.select(java.util.stream.IntStream.range(0, 50).toArray()), level, 42);
        assertThat(text(first)).containsExactly(java.util.Arrays.copyOf(text(a), 50));
    }

    @ParameterizedTest
    @MethodSource("textProbes")
    void leavesTablesWithoutTextAlone(Probe probe) {
        Table numbers = Table.of("numbers", List.of(new NumericColumn("x", new double[]{1, 2, 3})));
        assertThat(probe.perturb(numbers, probe.levels().get(0), 42)).isSameAs(numbers);
        assertThat(probe.perturb(SENTIMENT, 0, 42)).isSameAs(SENTIMENT);
    }

    private static long countChanged(Table before, Table after) {
        String[] x = text(before);
        String[] y = text(after);
        long n = 0;
        for (int i = 0; i < x.length; i++) {
            n += x[i].equals(y[i]) ? 0 : 1;
        }
        return n;
    }

    @Test
    void allTextProbesAreRegistered() {
        assertThat(Probes.all().stream().map(Probe::id).toList()).containsAll(IDS);
        assertThat(Probes.find("negation").expectation()).isEqualTo(Expectation.down(null, -0.1));
        assertThat(Probes.find("negation").judges(true)).isTrue();
        assertThat(Probes.find("negation").judges(false)).isFalse();
        assertThat(Probes.find("name-swap").expectation().kind()).isEqualTo(Expectation.Kind.INVARIANT);
    }

    @Test
    void negationAddsNotAfterTheFirstAuxiliary() {
        assertThat(Negation.add("The food is good.")).isEqualTo("The food is not good.");
        assertThat(Negation.add("I'm happy with it")).isEqualTo("I'm not happy with it");
        assertThat(Negation.add("This WAS great")).isEqualTo("This WAS NOT great");
        assertThat(Negation.add("I don't like it.")).isEqualTo("I don't like it.");
        assertThat(Negation.add("Never again.")).isEqualTo("Never again.");
        assertThat(Negation.add("Loved it.")).isEqualTo("Loved it.");
    }

    @Test
    void contractionsAreExpandedOrMade() {
        assertThat(ContractionProbe.toggle("It isn't good and I'm sad.")).isEqualTo("It is not good and I am sad.");
        assertThat(ContractionProbe.toggle("It is not good.")).isEqualTo("It isn't good.");
        assertThat(ContractionProbe.toggle("Won't buy.")).isEqualTo("Will not buy.");
        assertThat(ContractionProbe.toggle("Great phone.")).isEqualTo("Great phone.");
    }

    @Test
    void namesAreSwappedConsistently() {
        Table t = Table.of("t", List.of(new TextColumn("text", new String[]{"John met John in Paris.", "No names here."})));
        String out = text(new NameSwapProbe().perturb(t, 1.0, 42))[0];
        String[] w = out.replace(".", "").split(" ");
        assertThat(w[0]).isNotEqualTo("John").isEqualTo(w[2]);
        assertThat(WordList.load("names.txt")).contains(w[0]);
        assertThat(WordList.load("locations.txt")).contains(w[4]).doesNotContain("Paris".equals(w[4]) ? "x" : "Paris-never");
        assertThat(w[4]).isNotEqualTo("Paris");
        assertThat(text(new NameSwapProbe().perturb(t, 1.0, 42))[1]).isEqualTo("No names here.");
    }

    @Test
    void typosEditOneWordPerLevelUnit() {
        SplittableRandom random = new SplittableRandom(1);
        String s = "The acting was wonderful";
        for (int i = 0; i < 50; i++) {
            String t = TypoProbe.typo(s, random);
            assertThat(t).isNotEqualTo(s);
            assertThat(Math.abs(t.length() - s.length())).isLessThanOrEqualTo(1);
            assertThat(t.split(" ")).hasSize(4);
        }
    }

    @Test
    void caseAndPunctuation() {
        assertThat(CasePunctuationProbe.change("Great, isn't it?", 0)).isEqualTo("great, isn't it?");
        assertThat(CasePunctuationProbe.change("Great, isn't it?", 1)).isEqualTo("GREAT, ISN'T IT?");
        assertThat(CasePunctuationProbe.change("Great, isn't it?", 2)).isEqualTo("Great isn't it");
    }

    @Test
    void irrelevantSentencesAreAppended() {
        Table t = Table.of("t", List.of(new TextColumn("text", new String[]{"Bad food"})));
        String out = text(new IrrelevantSentenceProbe().perturb(t, 2.0, 42))[0];
        assertThat(out).startsWith("Bad food. ");
        long added = IrrelevantSentenceProbe.SENTENCES.stream().filter(out::contains).count();
        assertThat(added).isBetween(1L, 2L);
    }

    @Test
    void synonymsComeFromWordNet() {
        WordNet wordNet = WordNet.shared();
        assertThat(wordNet.synonyms("film")).contains("movie");
        assertThat(wordNet.synonyms("Great")).contains("outstanding");
        assertThat(wordNet.synonyms("xqzzy")).isEmpty();
        assertThat(SynonymProbe.replaceable("This is not a film", wordNet)).extracting(Words.Span::text).containsExactly("film");
    }

    @Test
    void missingWordNetIsAClearError(@TempDir Path empty) {
        assertThatThrownBy(() -> WordNet.open(empty)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apt-get install wordnet").hasMessageContaining(empty.toString());
    }
}
