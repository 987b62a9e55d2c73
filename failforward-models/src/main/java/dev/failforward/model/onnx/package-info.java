/** {@code onnx:PATH}: ONNX models (exported from scikit-learn, PyTorch, Tribuo, …) scored with ONNX Runtime. */
package dev.failforward.model.onnx;
