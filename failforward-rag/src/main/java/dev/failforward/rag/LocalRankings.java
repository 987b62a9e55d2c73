package dev.failforward.rag;

import dev.failforward.progress.Progress;

import java.util.ArrayList;
import java.util.List;

/**
 * Every ranking a local index gives one question, searched once: BM25 and vectors over chunks, and
 * over whole passages when the index is chunked (empty otherwise). Vector rankings are empty for an
 * index without vectors. {@code vector} holds the question's embedding (null without vectors).
 */
public record LocalRankings(List<Hit> bm25, List<Hit> vectors, List<Hit> wholeBm25, List<Hit> wholeVectors, float[] vector) {

    /** The ranking a mode gives; hybrid fuses BM25 and vectors. */
    public List<Hit> of(Mode mode, int depth) {
        return switch (mode) {
            case BM25 -> bm25;
            case VECTOR -> vectors;
            case HYBRID -> RagIndex.fuse(bm25, vectors, depth);
        };
    }

    /** The same over whole passages (a chunked index only). */
    public List<Hit> whole(Mode mode, int depth) {
        return switch (mode) {
            case BM25 -> wholeBm25;
            case VECTOR -> wholeVectors;
            case HYBRID -> RagIndex.fuse(wholeBm25, wholeVectors, depth);
        };
    }

    /** Searches the index for every question, embedding the questions in one batch. */
    public static List<LocalRankings> search(RagIndex index, Embedder embedder, List<Question> questions, int depth, Progress progress) {
        boolean vectors = index.info().hasVectors();
        float[][] embedded = null;
        if (vectors) {
            if (embedder == null) {
                throw new IllegalArgumentException("the index was built with " + index.info().embedder() + "; its questions need the same embedder");
            }
            progress.start("Embedding " + questions.size() + " questions", questions.size());
            int[] reported = {0};
            embedded = embedder.embed(questions.stream().map(Question::question).toList(), done -> {
                synchronized (reported) {
                    progress.advance(Math.max(0, done - reported[0]));
                    reported[0] = Math.max(reported[0], done);
                }
            });
            progress.finish();
        }
        boolean chunked = !index.info().chunking().whole();
        progress.start("Searching " + questions.size() + " questions", questions.size());
        List<LocalRankings> out = new ArrayList<>(questions.size());
        for (int i = 0; i < questions.size(); i++) {
            String q = questions.get(i).question();
            float[] v = vectors ? embedded[i] : null;
            out.add(new LocalRankings(index.bm25(q, depth), vectors ? index.vector(v, depth) : List.of(),
                    chunked ? index.wholeBm25(q, depth) : List.of(), chunked && vectors ? index.wholeVector(v, depth) : List.of(), v));
            progress.advance(1);
        }
        progress.finish();
        return out;
    }
}
