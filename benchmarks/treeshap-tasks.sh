#!/usr/bin/env bash
# Fast TreeSHAP's CPU time by rows per task, on one thread and two, on the model of treeshap.sh
# (per-thread CPU time, so a busy machine disturbs it little). Usage: benchmarks/treeshap-tasks.sh [repeats]
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$HERE/failforward" --version >/dev/null
JAR="$HERE/failforward-cli/target/failforward.jar"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
javac -nowarn -cp "$JAR" -d "$OUT" "$HERE/benchmarks/treeshap/TreeShapBenchmark.java" "$HERE/benchmarks/treeshap/TreeShapTasks.java"
java -Xmx1g -cp "$JAR:$OUT" TreeShapTasks "$HERE/datasets" "${1:-10}"
