#!/usr/bin/env bash
# Evaluating the shared set's 198 questions once the corpus is indexed: in one process with the model
# loaded (benchmarks/rageval: question embedding, search in all three modes, metrics, causes, clusters;
# median of N runs, the embedding cache cleared before each), and as whole commands (JVM start and
# model load, reports and the failure log included; wall and CPU time).
# Usage: benchmarks/rag-eval.sh [runs, default 5] [an index of datasets/rag/corpus.jsonl built before]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/compile.sh" rageval/RagEvalBenchmark.java
W=$(mktemp -d); trap 'rm -rf "$W" "$OUT"' EXIT
R="$HERE/datasets/rag"
IDX="${2:-}"
echo "processors: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -z $IDX ]]; then
  IDX="$W/idx"
  "$HERE/failforward" rag index --corpus "$R/corpus.jsonl" --index "$IDX" 2>/dev/null
fi
OPT_OUT_TRACKING=true java -Xmx1g -cp "$JAR:$OUT" RagEvalBenchmark "$IDX" "$HERE/datasets" "${1:-5}" 2>/dev/null
for m in bm25 vector hybrid; do
  /usr/bin/time -f "rag eval --mode $m (whole command, 198 questions): %e s wall, %U s user + %S s system" \
    "$HERE/failforward" rag eval --index "$IDX" --mode $m --queries "$R/queries.jsonl" --qrels "$R/qrels.tsv" \
    --out "$W/out-$m" --store "$W/log.db" >/dev/null 2>"$W/err-$m" || true
  tail -1 "$W/err-$m"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
