package dev.failforward.model.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.io.IOException;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Sentence embeddings from a BERT-style ONNX graph and its HuggingFace tokenizer: the graph reads
 * {@code input_ids}, {@code attention_mask} and optionally {@code token_type_ids}, and gives either token
 * vectors {@code [1, tokens, d]} (averaged over the tokens) or a sentence vector {@code [1, d]}; the
 * result is L2-normalised. The shipped MiniLM ({@link MiniLmEmbedder}) and a user's own model
 * ({@link #open(Path)}, with {@code tokenizer.json} beside it, read as the ONNX text models read theirs)
 * run through the same code.
 *
 * <p>Each distinct sentence of a call is embedded once, sentences in parallel, one sentence per ONNX
 * call: a quantized graph scales activations over the whole input tensor, so in a multi-sentence call
 * a sentence's vector would depend on its batch mates. Sentences seen recently come from a cache.
 */
public final class SentenceEmbedder {

    /** Sentences kept in the cache; it is emptied when it is full. */
    static final int CACHE_SIZE = 20_000;
    /** The tokenizer file looked for beside a user's model. */
    public static final String TOKENIZER_FILE = "tokenizer.json";

    private final String name;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean tokenTypes;
    private final int dimensions;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    SentenceEmbedder(String name, byte[] model, HuggingFaceTokenizer tokenizer) {
        this.name = name;
        this.tokenizer = tokenizer;
        try {
            this.env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                // Sentences run in parallel; one thread per call is faster than splitting a short sentence.
                options.setIntraOpNumThreads(1);
                this.session = env.createSession(model, options);
            }
        } catch (OrtException e) {
            throw new IllegalArgumentException(name + ": not an ONNX model that ONNX Runtime loads (" + e.getMessage() + ")", e);
        }
        if (!session.getInputNames().contains("input_ids") || !session.getInputNames().contains("attention_mask")) {
            throw new IllegalArgumentException(name + ": a sentence embedder reads input_ids and attention_mask; this model reads "
                    + session.getInputNames());
        }
        this.tokenTypes = session.getInputNames().contains("token_type_ids");
        this.dimensions = embedOne("dimensions").length;
    }

    /**
     * A user's sentence-embedding model: {@code onnx} and {@value #TOKENIZER_FILE} in the same folder. The
     * tokenizer keeps the truncation its file sets; padding is off (one sentence per call).
     */
    public static SentenceEmbedder open(Path onnx) {
        if (!Files.isRegularFile(onnx)) {
            throw new IllegalArgumentException("--embedder onnx:" + onnx + ": no such file");
        }
        Path vocabulary = onnx.toAbsolutePath().resolveSibling(TOKENIZER_FILE);
        if (!Files.isRegularFile(vocabulary)) {
            throw new IllegalArgumentException("--embedder onnx:" + onnx + ": no " + TOKENIZER_FILE + " beside it; put the model's "
                    + "HuggingFace tokenizer file in the same folder");
        }
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(vocabulary).optPadding(false).build();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(vocabulary + ": not a tokenizer.json that the HuggingFace tokenizers library reads ("
                    + e.getMessage() + ")");
        }
        try {
            return new SentenceEmbedder(onnx.toString(), Files.readAllBytes(onnx), tokenizer);
        } catch (IOException e) {
            throw new IllegalArgumentException("--embedder onnx:" + onnx + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    /** Numbers per sentence vector. */
    public int dimensions() {
        return dimensions;
    }

    /**
     * One L2-normalised vector per sentence, in order ({@code null} is embedded as the empty string).
     * {@code progress} is told of each sentence newly embedded. The arrays are shared: do not write to them.
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

    /** The same without progress. */
    public float[][] embed(List<String> sentences) {
        return embed(sentences, done -> { });
    }

    /** Forgets the cached vectors (benchmarks measure the model, not the cache). */
    public void clearCache() {
        cache.clear();
    }

    private float[] embedOne(String sentence) {
        return run(tokenizer.encode(sentence));
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
                Object value = result.get(0).getValue();
                if (value instanceof float[][][] tokens) {
                    return meanNormalised(tokens[0]);
                }
                if (value instanceof float[][] sentence) {
                    return meanNormalised(new float[][] {sentence[0]});
                }
                throw new IllegalArgumentException(name + ": its first output is " + describe(session.getOutputInfo().values().iterator().next())
                        + "; expected float token vectors [1, tokens, d] or a sentence vector [1, d]");
            }
        } catch (OrtException e) {
            throw new IllegalStateException(name + " failed: " + e.getMessage(), e);
        }
    }

    private static String describe(NodeInfo info) {
        return info.getInfo() instanceof TensorInfo t ? t.type + java.util.Arrays.toString(t.getShape()) : String.valueOf(info.getInfo());
    }

    /** Mean over the tokens (special tokens included, as sentence-transformers models were trained), scaled to length 1. */
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
