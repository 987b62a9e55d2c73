import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.model.text.MiniLmEmbedder;

import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Passages per second of the MiniLM embedder that rag index uses, on the first N passages of the shared
 * corpus (cache cleared), against the ONNX Runtime floor: the same model's session.run alone on
 * pre-tokenised passages (one passage per call, passages in parallel, as the embedder does).
 */
public class RagEmbeddingBenchmark {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0], "rag/corpus.jsonl"))) {
            texts.add(json.readTree(line).path("text").asText());
        }
        int n = Integer.parseInt(args[1]);
        texts = texts.subList(0, Math.min(n, texts.size()));
        MiniLmEmbedder embedder = MiniLmEmbedder.shared();
        embedder.embed(texts.subList(0, 20));
        embedder.clearCache();
        long start = System.nanoTime();
        embedder.embed(texts);
        double ours = (System.nanoTime() - start) / 1e9;
        System.out.printf("embedder:     %d passages in %.1f s = %.1f passages/s (%d processors)%n", texts.size(), ours, texts.size() / ours,
                Runtime.getRuntime().availableProcessors());

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        byte[] model;
        try (InputStream in = MiniLmEmbedder.class.getResourceAsStream("/all-minilm-l6-v2-q.onnx")) {
            model = in.readAllBytes();
        }
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = MiniLmEmbedder.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "true", "maxLength", "256"));
        }
        Encoding[] encodings = tokenizer.batchEncode(texts);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            OrtSession session = env.createSession(model, options);
            boolean types = session.getInputNames().contains("token_type_ids");
            start = System.nanoTime();
            IntStream.range(0, encodings.length).parallel().forEach(i -> {
                long[] ids = encodings[i].getIds();
                long[] shape = {1, ids.length};
                try (OnnxTensor a = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                     OnnxTensor b = OnnxTensor.createTensor(env, LongBuffer.wrap(encodings[i].getAttentionMask()), shape);
                     OnnxTensor c = OnnxTensor.createTensor(env, LongBuffer.wrap(encodings[i].getTypeIds()), shape);
                     OrtSession.Result r = session.run(types ? Map.of("input_ids", a, "attention_mask", b, "token_type_ids", c)
                             : Map.of("input_ids", a, "attention_mask", b))) {
                    r.get(0);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            double floor = (System.nanoTime() - start) / 1e9;
            System.out.printf("ORT floor:    %d passages in %.1f s = %.1f passages/s (session.run only, tokenised beforehand)%n",
                    texts.size(), floor, texts.size() / floor);
            System.out.printf("embedder / floor: %.2f%n", floor / ours);
        }
    }
}
