#!/usr/bin/env bash
# RAG speed on the shared set (datasets/rag: 2,076 passages, 198 questions): indexing with MiniLM
# embeddings, eval per mode as a whole command (JVM start, model load, question embedding, search,
# diagnosis, reports, failure log), and embedding throughput against the ONNX Runtime floor.
# Usage: benchmarks/rag.sh [passages for the embedding benchmark, default 300]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/compile.sh" ragembed/RagEmbeddingBenchmark.java
W=$(mktemp -d); trap 'rm -rf "$W" "$OUT"' EXIT
R="$HERE/datasets/rag"
echo "processors: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
s=$(date +%s.%N)
"$HERE/failforward" rag index --corpus "$R/corpus.jsonl" --index "$W/idx" 2>/dev/null
printf 'rag index (whole command): %.1f s\n' "$(echo "$(date +%s.%N) - $s" | bc)"
for m in bm25 vector hybrid; do
  s=$(date +%s.%N)
  "$HERE/failforward" rag eval --index "$W/idx" --mode $m --queries "$R/queries.jsonl" --qrels "$R/qrels.tsv" \
    --out "$W/out-$m" --store "$W/log.db" 2>/dev/null | sed -n '1,6p;7s/^/  /p' | grep -E "^Run|\*|failed questions"
  printf 'rag eval --mode %s (whole command, 198 questions): %.1f s\n' $m "$(echo "$(date +%s.%N) - $s" | bc)"
done
OPT_OUT_TRACKING=true java -Xmx1g -cp "$JAR:$OUT" RagEmbeddingBenchmark "$HERE/datasets" "${1:-300}" 2>/dev/null
