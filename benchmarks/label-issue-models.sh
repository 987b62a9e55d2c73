#!/usr/bin/env bash
# Where the label-issue detector's time goes: the detector on the label-noise reference with each
# out-of-fold model (logistic, boosted trees, their average, lighter boosted trees), with precision,
# recall and time; prints a Markdown table.
# Usage: benchmarks/label-issue-models.sh [REFERENCE_DIR] [TREES:DEPTH:RATE ...]
#        (default ../shared/benchmarks/label-issues and 30:3:0.3 50:3:0.2)
set -euo pipefail
source "$(dirname "$0")/compile.sh" labelissues/LabelIssueModels.java
REF=${1:-$HERE/../shared/benchmarks/label-issues}
shift || true
(( $# )) || set -- 30:3:0.3 50:3:0.2
java -cp "$JAR:$OUT" dev.failforward.model.builtin.LabelIssueModels "$REF" "$@" 2>&1 | grep -v WARN
