package dev.failforward.rag;

import dev.failforward.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The gap model's parts: near-duplicates read from the index's vectors, the fit, its threshold and its signals. */
class GapModelTest {

    @TempDir
    Path dir;

    @Test
    void aCopiedPassageIsANearDuplicateAndOthersAreNot() {
        List<Passage> corpus = new ArrayList<>(CorpusFile.read(RagData.corpus()).subList(0, 40));
        Passage copied = corpus.get(3);
        corpus.add(new Passage("copy-of-" + copied.id(), copied.text(), null, copied.source(), Map.of()));
        RagIndex.build(dir.resolve("idx"), "subset", corpus, List.of("text"), Chunking.WHOLE, MiniLm.INSTANCE, Progress.NONE);
        try (RagIndex index = RagIndex.open(dir.resolve("idx"))) {
            assertThat(index.nearDuplicates(copied.id(), GapModel.NEAR_DUPLICATE)).containsExactly("copy-of-" + copied.id());
            assertThat(index.nearDuplicates(corpus.get(10).id(), GapModel.NEAR_DUPLICATE)).isEmpty();
            assertThat(index.nearDuplicates("not-indexed", GapModel.NEAR_DUPLICATE)).isEmpty();
        }
    }

    @Test
    void fitsTheSignalThatSeparatesAndSetsTheThresholdAtTenPercentFalseAlarms() {
        Random random = new Random(42);
        List<GapModel.Signals> present = new ArrayList<>();
        List<GapModel.Signals> removed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Only the candidate's similarity differs; the other signals are constant and must get no weight.
            present.add(new GapModel.Signals(0.6 + 0.08 * random.nextGaussian(), "p" + i, 0.4, 1));
            removed.add(new GapModel.Signals(0.4 + 0.08 * random.nextGaussian(), "q" + i, 0.4, 1));
        }
        GapModel model = GapModel.fit(present, removed);
        assertThat(model.weights()[0]).isNegative();
        assertThat(model.weights()[1]).isZero();
        assertThat(model.weights()[2]).isZero();
        assertThat(present.stream().filter(model::gap).count()).isBetween(3L, 4L);
        assertThat(removed.stream().filter(model::gap).count()).isGreaterThan(30);
        assertThat(model.threshold(0.3)).isLessThan(model.threshold());
        assertThat(GapModel.fit(present.subList(0, 19), removed.subList(0, 19))).isNull();
        assertThat(GapThreshold.calibrated(null, 19).rule()).startsWith("not calibrated: 19 judged questions");
    }

    @Test
    void theCandidateAnswerIsTheNearestUnclaimedPassageOfASourceAnswersComeFrom() {
        List<Hit> ranking = List.of(new Hit("faq-1", 0.8), new Hit("lib-1", 0.7), new Hit("faq-2", 0.6), new Hit("lib-2", 0.5));
        Map<String, String> sources = Map.of("faq-1", "faq", "faq-2", "faq", "faq-3", "faq", "lib-1", "lib", "lib-2", "lib");
        Set<String> claimed = Set.of("faq-1", "faq-3");
        Map<String, Double> shares = GapModel.sourceShares(sources.keySet(), claimed, sources::get);
        assertThat(shares).containsEntry("faq", 2 / 3.0).containsEntry("lib", 0.0);
        GapModel.Signals s = GapModel.signals(ranking, Set.of(), claimed, shares, sources::get);
        assertThat(s.candidateId()).isEqualTo("faq-2");
        assertThat(s.candidate()).isEqualTo(0.6);
        assertThat(s.top10()).isCloseTo(0.65, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.sourceShare()).isZero();
        // With faq-2 dropped no candidate is within reach: the deepest similarity bounds it.
        GapModel.Signals gone = GapModel.signals(ranking, Set.of("faq-2"), claimed, shares, sources::get);
        assertThat(gone.candidateId()).isNull();
        assertThat(gone.candidate()).isEqualTo(0.5);
    }
}
