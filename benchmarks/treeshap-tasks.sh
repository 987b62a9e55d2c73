#!/usr/bin/env bash
# Fast TreeSHAP's CPU time by rows per task, on one thread and two, on the model of treeshap.sh
# (per-thread CPU time, so a busy machine disturbs it little). Usage: benchmarks/treeshap-tasks.sh [repeats]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/compile.sh" treeshap/TreeShapBenchmark.java treeshap/TreeShapTasks.java
java -Xmx1g -cp "$JAR:$OUT" TreeShapTasks "$HERE/datasets" "${1:-10}"
