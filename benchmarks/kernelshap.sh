#!/usr/bin/env bash
# KernelSHAP speed at background 100 and 200 coalitions on the built-in gbm (Telco churn).
# Usage: benchmarks/kernelshap.sh [rows] [threads] [repeats]  (best of the repeats is reported)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$HERE/failforward" --version >/dev/null
JAR="$HERE/failforward-cli/target/failforward.jar"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
javac -nowarn -cp "$JAR" -d "$OUT" "$HERE/benchmarks/kernelshap/KernelShapBenchmark.java"
java -Xmx1g -cp "$JAR:$OUT" KernelShapBenchmark "$HERE/datasets" "${1:-40}" "${2:-1}" "${3:-3}"
