#!/usr/bin/env bash
# The failure log's schema floor on SQLite (plain JDBC, no FailForward code), per part of a failure's append.
# Usage: benchmarks/failure-log-floor.sh [PER_RUN] [RUNS] [VARIANT…]   (variants: see FailureLogFloor.java)
set -euo pipefail
cd "$(dirname "$0")/.."
# Only SQLite's driver is needed; the command-line jar (built by ./failforward when needed) holds it.
./failforward --version >/dev/null
cp=failforward-cli/target/failforward.jar
dir=$(mktemp -d)
per=${1:-200000}; runs=${2:-5}; shift 2 || true
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); load before: $(uptime | sed 's/.*load average: //')"
for variant in "${@:-full nofp fpsorted}"; do
  for v in $variant; do java $(scripts/java-opts) -cp "$cp" benchmarks/FailureLogFloor.java "$v" "$per" "$runs" "$dir/floor-$v.db" 2>&1 | grep -v SLF4J; done
done
echo "load after: $(uptime | sed 's/.*load average: //')"
rm -rf "$dir"
