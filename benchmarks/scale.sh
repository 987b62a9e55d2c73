#!/usr/bin/env bash
# Scan speed and memory at scale: the default scan (built-in gbm, default detectors, SQLite failure
# log, reports) of 100k, 300k, 1M and 3M rows of flights-3m.parquet (regression) and of a synthetic
# table of 30 features with a binary target (100k, 300k, 1M rows), with FAILFORWARD_JAVA_OPTS=
# "-XX:+UseParallelGC -Xmx4g": wall seconds, peak resident memory and the scan's phases (seconds,
# as --timings prints them).
# Usage: benchmarks/scale.sh [synthetic rows ...]   (default: 100000 300000 1000000)
set -euo pipefail
source "$(dirname "$0")/compile.sh" scale/ScaleData.java
SYNTHETIC=("${@:-100000 300000 1000000}")
SYNTHETIC=(${SYNTHETIC[*]})
FLIGHTS="$HERE/datasets/scale/flights-3m.parquet"
[[ -f $FLIGHTS ]] || FLIGHTS="$HERE/../shared/datasets/scale/flights-3m.parquet"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK" "$OUT"' EXIT
java -Xmx6g -cp "$JAR:$OUT" ScaleData "$FLIGHTS" "$WORK" "${SYNTHETIC[@]}"
cp "$FLIGHTS" "$WORK/flights-3000000.parquet"

PHASES=(read prepare train score judge detectors detector:weak-slice detector:calibration detector:drift detector:leakage store report)
printf '| data | rows | wall s | peak RSS MB | %s | total |\n' "$(IFS='|'; echo "${PHASES[*]}" | sed 's/detector://g; s/|/ | /g')"
printf '|---|---:|---:|---:|%s---:|\n' "$(printf -- '---:|%.0s' "${PHASES[@]}")"
run() {
  local name=$1 rows=$2 target=$3
  rm -rf "$WORK/out" "$WORK/bench.db"*
  s=$(date +%s.%N)
  FAILFORWARD_JAVA_OPTS="-XX:+UseParallelGC -Xmx4g" /usr/bin/time -v -o "$WORK/time.txt" "$HERE/failforward" scan \
    --data "$WORK/$name-$rows.parquet" --target "$target" --store "$WORK/bench.db" --out "$WORK/out" --timings \
    >"$WORK/scan.txt" 2>"$WORK/err.txt" || [[ $? == 1 ]] || { tail -5 "$WORK/err.txt"; exit 1; }
  e=$(date +%s.%N)
  rss=$(awk -F': ' '/Maximum resident/ {print int($2/1024)}' "$WORK/time.txt")
  python3 - "$WORK/scan.txt" "$name" "$rows" "$(echo "$e - $s" | bc)" "$rss" "${PHASES[@]}" <<'PY'
import re, sys
text = open(sys.argv[1]).read().split('timings (seconds):')[1]
t = {m.group(1): float(m.group(2)) for m in re.finditer(r'^\s+(\S+)\s+([0-9.]+)$', text, re.M)}
cells = ['%.1f' % t[p] if p in t else '' for p in sys.argv[6:]]
print('| %s | %s | %.1f | %s | %s | %.1f |' % (sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5], ' | '.join(cells), t.get('total', 0)))
PY
  if [[ $name == synthetic ]]; then
    python3 -c "import json,sys; f=[x['title'] for x in json.load(open(sys.argv[1]))['findings'] if x['detector']=='weak-slice']; print('  top weak slice at', sys.argv[2], 'rows:', f[0] if f else 'none', file=sys.stderr)" "$WORK/out/report.json" "$rows"
  fi
}
for rows in 100000 300000 1000000 3000000; do run flights "$rows" delay; done
for rows in "${SYNTHETIC[@]}"; do run synthetic "$rows" target; done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
