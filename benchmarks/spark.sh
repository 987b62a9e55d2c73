#!/usr/bin/env bash
# Spark scan speed: the Spark scan (dev.failforward.spark.SparkScan, the class spark-submit runs) of a
# built-in gbm model over 100k, 300k and 1M rows of flights-3m.parquet (without its date column, 4
# Parquet files each) in local[1] and local[2], with the weak-slice search and the SQLite failure log;
# wall seconds, peak resident memory of the one JVM (driver and executors) and the scan's phases.
# Usage: benchmarks/spark.sh [rows ...]   (default: 100000 300000 1000000)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIZES=("${@:-100000 300000 1000000}")
SIZES=(${SIZES[*]})
JAR="$HERE/failforward-spark/target/failforward-spark.jar"
CP_FILE="$HERE/failforward-spark/target/spark-classpath.txt"
# The jar, and Spark itself (provided: a cluster brings it; here Maven does, as spark-submit would put
# it beside the jar). One Maven run for both: FailForward's own modules are then found in this build,
# not in a local repository where nothing is installed. Each module writes its list into its target/.
if [[ ! -f $JAR || ! -f $CP_FILE ]]; then
  (cd "$HERE" && mvn -B -q -pl failforward-spark -am package -DskipTests dependency:build-classpath \
    -Dmdep.includeScope=provided -Dmdep.outputFile=target/spark-classpath.txt >/dev/null)
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SPARK_CP=$(cat "$CP_FILE")
OPENS=$(sed -n 's:.*<spark.add-opens>\(.*\)</spark.add-opens>.*:\1:p' "$HERE/failforward-spark/pom.xml")
javac -nowarn -cp "$JAR:$SPARK_CP" -d "$WORK/classes" "$HERE/benchmarks/spark/SparkBenchData.java"
java $OPENS -Xmx3g -cp "$JAR:$SPARK_CP:$WORK/classes" SparkBenchData "$HERE/datasets/scale/flights-3m.parquet" "$WORK" \
  2>"$WORK/data.log" | grep -v WARN || { tail -20 "$WORK/data.log"; exit 1; }

printf '| master | rows | wall s | peak RSS MB | infer | score | judge | bins | slice-counts | weak-slice | store | report | scan total |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for master in 'local[1]' 'local[2]'; do
  for rows in "${SIZES[@]}"; do
    rm -f "$WORK/bench.db"*
    s=$(date +%s.%N)
    /usr/bin/time -v -o "$WORK/time.txt" java $OPENS -Xmx4g -XX:+UseParallelGC -cp "$SPARK_CP:$JAR" \
      dev.failforward.spark.SparkScan --master "$master" --data "$WORK/flights-$rows.parquet" --target delay \
      --model "$WORK/flights-gbm.model" --store "$WORK/bench.db" --out "$WORK/report" --timings \
      >"$WORK/out.txt" 2>"$WORK/err.txt" || { tail -20 "$WORK/err.txt"; exit 1; }
    e=$(date +%s.%N)
    rss=$(awk -F': ' '/Maximum resident/ {print int($2/1024)}' "$WORK/time.txt")
    t() { awk -v p="$1" '$1=="timing" && $2==p {print $3}' "$WORK/out.txt"; }
    printf '| %s | %s | %.1f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$master" "$rows" \
      "$(echo "$e - $s" | bc)" "$rss" "$(t infer)" "$(t score)" "$(t judge)" "$(t bins)" "$(t slice-counts)" \
      "$(t weak-slice)" "$(t store)" "$(t report)" "$(t total)"
  done
done
head -1 "$WORK/out.txt" | sed 's/^run [^:]*:/last run:/'
