# Sourced by the benchmark scripts: builds the failforward jar when needed, then compiles the
# benchmark sources given (paths under benchmarks/) against it into a temporary folder.
# Sets HERE (the repository), JAR and OUT (the compiled classes, removed on exit).
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$HERE/failforward" --version >/dev/null
JAR="$HERE/failforward-cli/target/failforward.jar"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
javac -nowarn -cp "$JAR" -d "$OUT" "${@/#/$HERE/benchmarks/}"
