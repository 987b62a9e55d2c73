#!/usr/bin/env bash
# The label-issue detector's time against the reference's scikit-learn pipeline, measured on this
# machine at the same time (same load): scikit-learn's 5-fold logistic cross-validation
# (benchmarks/label-issue-sklearn.py, best of 5 per file), then the detector (benchmarks/label-issues.sh,
# best of 10 per file after a first call, in one JVM), then scikit-learn again; prints each and the ratio of the
# detector's best to the better of the two scikit-learn runs, per file. Needs python3 with scikit-learn
# (Debian: apt-get install python3-sklearn). cleanlab's find_label_issues is added to the pipeline when
# cleanlab is installed; without it the pipeline is the cross-validation alone, a lower bound of the
# reference pipeline's time (which makes the ratio stricter).
# Usage: benchmarks/label-issue-time.sh [REFERENCE_DIR] [ROUNDS]   (default ../shared/benchmarks/label-issues, 3)
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
REF=${1:-$HERE/../shared/benchmarks/label-issues}
ROUNDS=${2:-3}
PY=python3
python3 -c 'import sklearn' 2>/dev/null || PY=/usr/bin/python3
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for (( round = 1; round <= ROUNDS; round++ )); do
  echo "round $round, load average $(cut -d' ' -f1 /proc/loadavg)"
  "$PY" "$HERE/benchmarks/label-issue-sklearn.py" "$REF" 5 | tee -a "$out"
  bash "$HERE/benchmarks/label-issues.sh" "$REF" 2>&1 | grep -v WARN | tee -a "$out"
  "$PY" "$HERE/benchmarks/label-issue-sklearn.py" "$REF" 5 | tee -a "$out"
done
"$PY" - "$out" <<'PY'
import re, sys
from collections import defaultdict
sk, cl, ff = defaultdict(lambda: float("inf")), defaultdict(float), defaultdict(lambda: float("inf"))
for line in open(sys.argv[1]):
    m = re.match(r"sklearn seed (\d+): ([\d.]+)", line)
    if m:
        sk[m[1]] = min(sk[m[1]], float(m[2]))
    m = re.match(r"cleanlab seed (\d+): ([\d.]+)", line)
    if m:
        cl[m[1]] = max(cl[m[1]], float(m[2]))
    m = re.match(r"seed (\d+): .*?([\d.]+) s best of", line)
    if m:
        ff[m[1]] = min(ff[m[1]], float(m[2]))
print("| file | scikit-learn pipeline, best | detector, best | ratio |")
print("|---|---|---|---|")
for s in sorted(ff):
    pipe = sk[s] + cl[s]
    print(f"| bc_flip_s{s} | {pipe:.3f} s | {ff[s]:.3f} s | {ff[s] / pipe:.2f} |")
PY
