#!/usr/bin/env bash
# The weak-slice detector on a planted slice with a numeric condition at scale: seeded synthetic rows
# (as the scale benchmark's synthetic table: x0..x19 normals, c0..c9 categories), failures drawn
# directly so that the detector alone is measured; inside c2 = k3 AND x5 > 1 (1.8 % of the rows) 60 %
# fail, elsewhere a flat 10 % (`flat`) or a model-like error surface averaging 25 % (`surface`). Prints
# the findings, best first, the rank of the planted slice and the detector's time.
# Usage: benchmarks/planted-slice-scale.sh [ROWS] [SEED] [MODE] [THRESHOLD ...]
#        (default 1000000 1 flat; e.g. ... 1000000 1 surface weak-slice.ranges=false)
set -euo pipefail
source "$(dirname "$0")/compile.sh" weakslice/PlantedSliceScale.java
ROWS=${1:-1000000}
SEED=${2:-1}
MODE=${3:-flat}
shift $(( $# < 3 ? $# : 3 ))
java -Xmx8g -cp "$JAR:$OUT" PlantedSliceScale "$ROWS" "$SEED" "$MODE" "$@" 2>&1 | grep -v WARN
