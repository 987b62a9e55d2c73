#!/usr/bin/env bash
# The measured figures of docs/retrain.md: each scenario retrains on real data for seeds 1-5 and prints
# one FIGURE line per seed and strategy (RetrainFigures in failforward-compare's tests, run by name, so
# the build's own test run never pays for it). Scenarios: plantedLabelNoise, cleanData,
# underRepresentedSlice, productionShift, textSentiment.
# Usage: benchmarks/retrain-figures.sh [scenario ...]      (default: every scenario; minutes each)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
scenarios=("$@")
(( ${#scenarios[@]} )) || scenarios=(plantedLabelNoise cleanData underRepresentedSlice productionShift textSentiment)
echo "load before: $(uptime)"
for s in "${scenarios[@]}"; do
  mvn -B -q -pl failforward-compare -am test -Dtest="RetrainFigures#$s" -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
  grep '^FIGURE' failforward-compare/target/surefire-reports/dev.failforward.compare.retrain.RetrainFigures-output.txt
done
echo "load after:  $(uptime)"
