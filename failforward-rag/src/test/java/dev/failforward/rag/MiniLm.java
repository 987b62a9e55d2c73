package dev.failforward.rag;

import dev.failforward.model.text.MiniLmEmbedder;

import java.util.List;
import java.util.function.IntConsumer;

/** The MiniLM embedder the project ships, as the tests' {@link Embedder} (the command line wires the same one). */
final class MiniLm implements Embedder {

    static final MiniLm INSTANCE = new MiniLm();

    @Override
    public String id() {
        return "builtin:minilm";
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
