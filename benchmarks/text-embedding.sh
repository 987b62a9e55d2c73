#!/usr/bin/env bash
# Embedding speed of builtin:text-minilm-logistic: all-MiniLM-L6-v2 (quantized ONNX, one sentence per
# ONNX call, sentences in parallel) on the 3,000 sentiment sentences. Usage: benchmarks/text-embedding.sh [repeats]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/compile.sh" textembed/TextEmbeddingBenchmark.java
OPT_OUT_TRACKING=true java -Xmx1g -cp "$JAR:$OUT" TextEmbeddingBenchmark "$HERE/datasets" "${1:-2}" 2>/dev/null
