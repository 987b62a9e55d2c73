/**
 * The built-in text model {@code builtin:text-minilm-logistic}: all-MiniLM-L6-v2 sentence
 * embeddings (ONNX Runtime, tokenizer and weights from a Maven jar, offline) with a logistic
 * regression on top.
 */
package dev.failforward.model.text;
