#!/usr/bin/env bash
# TreeSHAP speed: FailForward's fast TreeSHAP against xgboost4j's Booster.predictContrib on the same
# 100-tree depth-6 model and 2,000 rows, 1 and 2 threads, in one JVM. Usage: benchmarks/treeshap.sh [repeats]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/compile.sh" treeshap/TreeShapBenchmark.java
java -Xmx1g -cp "$JAR:$OUT" TreeShapBenchmark "$HERE/datasets" "${1:-5}"
