package dev.failforward.cli;

import dev.failforward.model.text.MiniLmEmbedder;
import dev.failforward.rag.Embedder;

import java.util.List;
import java.util.function.IntConsumer;

/** The embedders {@code rag index --embedder} knows: the MiniLM model the jar ships, or none (BM25 only). */
final class RagEmbedders {

    static final String MINILM = "builtin:minilm";
    static final String NONE = "none";

    private RagEmbedders() {
    }

    /** The embedder with this id; null for {@code none}. */
    static Embedder find(String id) {
        if (MINILM.equals(id)) {
            return new MiniLm();
        }
        if (NONE.equals(id)) {
            return null;
        }
        throw new UsageException("unknown embedder '" + id + "'; known: " + MINILM + ", " + NONE);
    }

    /** all-MiniLM-L6-v2 through the process-wide embedder of the text models. */
    private static final class MiniLm implements Embedder {

        @Override
        public String id() {
            return MINILM;
        }

        @Override
        public int dimensions() {
            return MiniLmEmbedder.DIMENSIONS;
        }

        @Override
        public float[][] embed(List<String> texts, IntConsumer progress) {
            return MiniLmEmbedder.shared().embed(texts, progress);
        }
    }
}
