#!/usr/bin/env bash
# KernelSHAP speed at background 100 and 200 coalitions on the built-in gbm (Telco churn).
# Usage: benchmarks/kernelshap.sh [rows] [threads] [repeats]  (best of the repeats is reported)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/compile.sh" kernelshap/KernelShapBenchmark.java
java -Xmx1g -cp "$JAR:$OUT" KernelShapBenchmark "$HERE/datasets" "${1:-40}" "${2:-1}" "${3:-3}"
