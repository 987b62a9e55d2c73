#!/usr/bin/env bash
# The coverage-gap rule for questions without qrels on the shared set (benchmarks/raggap): AUC of each
# signal and of the gap model (10-fold cross-validation over the judged questions, each with its answer
# present and removed), and the planted-gap test for N draws (seed 17 is RagSharedSetTest's).
# Usage: benchmarks/rag-gaps.sh [draws, default 5]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/compile.sh" raggap/RagGapBenchmark.java
W=$(mktemp -d); trap 'rm -rf "$W" "$OUT"' EXIT
echo "processors: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
OPT_OUT_TRACKING=true java -Xmx1g -cp "$JAR:$OUT" RagGapBenchmark "$HERE/datasets" "$W" "${1:-5}" 2>/dev/null
