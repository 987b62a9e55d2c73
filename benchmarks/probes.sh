#!/usr/bin/env bash
# Probe speed: perturbed rows scored per second for each probe of the default suite, and the wall time
# of the whole default suite, on Telco churn (2,113 test rows) with the built-in GBM; then the whole
# `failforward probe` command, timed end to end (reading, training, probing, storing, reports).
# The machine may be shared: the load average is printed before and after.
# Usage: benchmarks/probes.sh [repeats]      (builds the jar if needed)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
"$ROOT/failforward" --version >/dev/null
JAR="$ROOT/failforward-cli/target/failforward.jar"
echo "load before: $(uptime)"
java -Xmx1g -cp "$JAR" dev.failforward.bench.ProbeSpeed "$ROOT/datasets" "${1:-3}"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
start=$(date +%s.%N)
"$ROOT/failforward" probe --data "$ROOT/datasets/tabular/telco_churn.csv" --target churn --out "$W/out" --store "$W/ff.db" >"$W/log" 2>&1
end=$(date +%s.%N)
printf 'failforward probe (default suite, whole command): %.1f s; %s\n' "$(echo "$end - $start" | bc)" "$(grep -c '' "$W/log") lines of output"
echo "load after:  $(uptime)"
