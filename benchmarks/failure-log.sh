#!/usr/bin/env bash
# Failure-log speed on SQLite: appends (failures/s with their input values), then `log list --where`
# and `log stats --by FEATURE` on a log of 1,000,000 failures. Usage: benchmarks/failure-log.sh [DB] [PER_RUN] [RUNS] [gc|nogc]
set -euo pipefail
cd "$(dirname "$0")/.."
# The command-line jar holds the store, the core and SQLite's driver: built by ./failforward when needed, nothing installed.
./failforward --version >/dev/null
jar=failforward-cli/target/failforward.jar
db=${1:-$(mktemp -d)/benchmark-failforward.db}
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); load before: $(uptime | sed 's/.*load average: //')"
/usr/bin/time -f "process: %e s wall, %U s user + %S s system CPU" java $(scripts/java-opts) -Xmx3g -cp "$jar" \
  benchmarks/FailureLogBenchmark.java "$db" "${2:-200000}" "${3:-5}" "${4:-gc}"
echo "load after: $(uptime | sed 's/.*load average: //')"
