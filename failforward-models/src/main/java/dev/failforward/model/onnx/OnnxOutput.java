package dev.failforward.model.onnx;

/**
 * The graph output FailForward reads: a tensor of scores or probabilities ({@code width} per row, 0 for
 * one value per row of a rank-1 tensor, -1 when not fixed), or a sequence of class → probability maps
 * (the scikit-learn ZipMap convention).
 */
record OnnxOutput(String name, boolean map, int width, String type) {
}
