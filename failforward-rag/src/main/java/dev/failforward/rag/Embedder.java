package dev.failforward.rag;

import java.util.List;
import java.util.function.IntConsumer;

/** Turns texts into vectors for the index and the questions. */
public interface Embedder {

    /** The id the index records ({@code builtin:minilm}, {@code onnx:PATH}); an index is searched with the embedder that built it. */
    String id();

    /** Numbers per vector. */
    int dimensions();

    /** One vector per text, in order; {@code progress} is told how many texts are done so far. */
    float[][] embed(List<String> texts, IntConsumer progress);
}
