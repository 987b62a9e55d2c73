#!/usr/bin/env bash
# Label issues against cleanlab: the label-issue detector on the label-noise reference (breast cancer
# with 5 % of labels flipped, three seeds, with cleanlab 2.9.0's flags and time), scored by row key
# against the flipped rows, with the detector's time; or, with --plant, 5 % of the labels of other
# tables flipped (seeds 1-3) and the same tables as they are.
# Usage: benchmarks/label-issues.sh [REFERENCE_DIR]              (default ../shared/benchmarks/label-issues)
#        benchmarks/label-issues.sh --plant FILE:TARGET [FILE:TARGET ...]
set -euo pipefail
source "$(dirname "$0")/compile.sh" labelissues/LabelIssueBenchmark.java
if [[ ${1:-} == --plant ]]; then
  java -cp "$JAR:$OUT" LabelIssueBenchmark "$@"
else
  java -cp "$JAR:$OUT" LabelIssueBenchmark "${1:-$HERE/../shared/benchmarks/label-issues}"
fi
