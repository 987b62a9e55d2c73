#!/usr/bin/env bash
# Adversarial search speed at the default settings (budget 500 evaluations per row, up to 2,000 rows) against
# the built-in gbm on Telco churn and credit data: rows searched per second, model evaluations per row,
# success rate and median distance. Usage: benchmarks/adversarial.sh [repeats]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/compile.sh" adversarial/AdversarialBenchmark.java
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
java -Xmx1g -cp "$JAR:$OUT" AdversarialBenchmark "$HERE/datasets" "${1:-3}"
