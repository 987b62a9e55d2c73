package dev.failforward.cli;

import dev.failforward.model.text.MiniLmEmbedder;
import dev.failforward.model.text.SentenceEmbedder;
import dev.failforward.rag.Embedder;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * The embedders {@code rag index --embedder} knows: the MiniLM model the jar ships, a user's own
 * sentence-embedding ONNX model ({@code onnx:PATH}, its {@code tokenizer.json} beside it), or none (BM25 only).
 */
public final class RagEmbedders {

    public static final String MINILM = "builtin:minilm";
    static final String ONNX = "onnx:";
    static final String NONE = "none";

    /** One loaded model per file and process: compare may open two indexes built with the same one. */
    private static final Map<Path, SentenceEmbedder> LOADED = new ConcurrentHashMap<>();

    private RagEmbedders() {
    }

    /** The embedder with this id; null for {@code none}. */
    public static Embedder find(String id) {
        if (MINILM.equals(id)) {
            return new MiniLm();
        }
        if (NONE.equals(id)) {
            return null;
        }
        if (id != null && id.startsWith(ONNX) && id.length() > ONNX.length()) {
            Path file = Path.of(id.substring(ONNX.length())).toAbsolutePath().normalize();
            return new OwnModel(ONNX + file, LOADED.computeIfAbsent(file, SentenceEmbedder::open));
        }
        throw new UsageException("unknown embedder '" + id + "'; known: " + MINILM + ", " + ONNX + "PATH (an ONNX sentence-embedding model "
                + "with tokenizer.json beside it), " + NONE);
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

    /** A user's model; its id names the file by its absolute path, so that eval finds it from any folder. */
    private record OwnModel(String id, SentenceEmbedder model) implements Embedder {

        @Override
        public int dimensions() {
            return model.dimensions();
        }

        @Override
        public float[][] embed(List<String> texts, IntConsumer progress) {
            return model.embed(texts, progress);
        }
    }
}
