#!/usr/bin/env bash
# How fast a crafted saved-model file (a deserialisation bomb of nested hash sets) is refused: the
# first refusal and the best and worst of the rest, in milliseconds, with the machine's load.
# Usage: benchmarks/crafted-model.sh [REPEATS]     (default 20; builds the jar if needed)
set -euo pipefail
source "$(dirname "$0")/compile.sh" modelfiles/CraftedModelBenchmark.java
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); load before: $(uptime | sed 's/.*load average: //')"
java -cp "$JAR:$OUT" CraftedModelBenchmark "${1:-20}"
echo "load after: $(uptime | sed 's/.*load average: //')"
