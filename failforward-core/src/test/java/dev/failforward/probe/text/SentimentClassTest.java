package dev.failforward.probe.text;

import dev.failforward.probe.Expectation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentimentClassTest {

    @Test
    void thePositiveClassIsTheOneTheLabelsName() {
        assertThat(SentimentClass.positive(List.of("negative", "positive"))).isEqualTo(1);
        // Sorted order puts 'positive' second here by chance, and first here: the name decides.
        assertThat(SentimentClass.positive(List.of("other", "positive"))).isEqualTo(1);
        assertThat(SentimentClass.positive(List.of("Positive", "hostile"))).isZero();
        assertThat(SentimentClass.positive(List.of("negative", "neutral", "positive"))).isEqualTo(2);
        assertThat(SentimentClass.positive(List.of("neg", "pos"))).isEqualTo(1);
        // Star ratings and 0/1: the highest number.
        assertThat(SentimentClass.positive(List.of("1", "2", "3", "4", "5"))).isEqualTo(4);
        assertThat(SentimentClass.positive(List.of("10", "9"))).isZero();
    }

    @Test
    void labelsThatSayNothingGiveNone() {
        assertThat(SentimentClass.positive(List.of("ham", "spam"))).isEqualTo(-1);
        assertThat(SentimentClass.positive(List.of("good", "positive"))).isEqualTo(-1);
    }

    @Test
    void negationWatchesTheNamedClassElseThePositiveClass() {
        NegationProbe negation = new NegationProbe();
        Expectation named = negation.expectation(List.of("other", "positive", "zz"));
        assertThat(named.outputClass()).isEqualTo("positive");
        assertThat(named.kind()).isEqualTo(Expectation.Kind.DOWN);
        assertThat(negation.expectation(List.of("ham", "spam")).outputClass()).as("the binary positive class").isNull();
    }
}
