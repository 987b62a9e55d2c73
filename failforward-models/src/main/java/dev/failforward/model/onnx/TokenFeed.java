package dev.failforward.model.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.failforward.data.Column;
import dev.failforward.model.ModelConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Token ids for an ONNX text model, made from one text column by a declared HuggingFace tokenizer
 * ({@code tokenizer.json}, through DJL's bindings of the HuggingFace tokenizers library) with the
 * truncation the file sets. Rows of a batch are padded to the longest one (or to the input's fixed
 * length) with the pad id 0 and attention mask 0, so a row's scores do not depend on its batch.
 */
final class TokenFeed {

    /** The inputs a token model may have, as BERT-style exporters name them. */
    static final Set<String> INPUTS = Set.of("input_ids", "attention_mask", "token_type_ids");

    private final String spec;
    private final HuggingFaceTokenizer tokenizer;

    private TokenFeed(String spec, HuggingFaceTokenizer tokenizer) {
        this.spec = spec;
        this.tokenizer = tokenizer;
    }

    /** Opens the tokenizer of a {@code huggingface:PATH} spec; a missing or unreadable file is bad input. */
    static TokenFeed open(String spec) {
        Path file = Path.of(spec.substring(ModelConfig.HUGGINGFACE.length()));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--model-config tokenizer " + spec + ": no such file");
        }
        try {
            return new TokenFeed(spec, HuggingFaceTokenizer.builder().optTokenizerPath(file).optPadding(false).build());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("--model-config tokenizer " + spec + ": not a tokenizer.json that the HuggingFace "
                    + "tokenizers library reads (" + e.getMessage() + ")");
        }
    }

    String spec() {
        return spec;
    }

    /** The ids, attention masks and token type ids of rows {@code from..to-1}, each {@code [rows][length]}. */
    Batch encode(Column text, int from, int to, long fixedLength) {
        Encoding[] encoded = new Encoding[to - from];
        int longest = 1;
        for (int r = from; r < to; r++) {
            encoded[r - from] = tokenizer.encode(text.isMissing(r) ? "" : text.text(r));
            longest = Math.max(longest, encoded[r - from].getIds().length);
        }
        int length = fixedLength > 0 ? (int) fixedLength : longest;
        long[][] ids = new long[encoded.length][length];
        long[][] mask = new long[encoded.length][length];
        long[][] types = new long[encoded.length][length];
        for (int r = 0; r < encoded.length; r++) {
            long[] id = encoded[r].getIds();
            long[] m = encoded[r].getAttentionMask();
            long[] t = encoded[r].getTypeIds();
            int n = Math.min(length, id.length);
            System.arraycopy(id, 0, ids[r], 0, n);
            System.arraycopy(m, 0, mask[r], 0, n);
            System.arraycopy(t, 0, types[r], 0, n);
        }
        return new Batch(ids, mask, types);
    }

    /** One batch of token inputs. */
    record Batch(long[][] ids, long[][] attentionMask, long[][] typeIds) {

        long[][] input(String name) {
            return switch (name) {
                case "input_ids" -> ids;
                case "attention_mask" -> attentionMask;
                case "token_type_ids" -> typeIds;
                default -> throw new IllegalArgumentException("not a token input: " + name);
            };
        }
    }
}
