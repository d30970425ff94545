#!/usr/bin/env bash
# Runs the benchmarks on this machine: a fresh local stack (its own data and bucket under target/bench), then the
# harness (pipeline-bench), which times the pipeline and, in the same run, the raw limits of its parts, wrk against
# the REST API and pgbench against the same SQL. The report goes to target/bench/report.md, with the services' garbage
# collection and where their CPU went (Java Flight Recorder, summarised by bench/profile.sh) appended.
#
# Usage: bench/run.sh [--quick]     (--quick: smaller batches and shorter loads, under 5 minutes)
# Needs wrk and pgbench (Debian packages wrk and postgresql-client); installs them with apt-get when run as root.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MODE=()
[ "${1:-}" = "--quick" ] && MODE=(--quick)

need() {
  command -v "$1" >/dev/null && return 0
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  else
    echo "ERROR: $1 is missing: sudo apt-get install $2" >&2
    exit 1
  fi
}
need wrk wrk
need pgbench postgresql-client

# As the local stack builds itself; deploy/local/run.sh then records each service's class archive (AppCDS) from its
# first start of this build.
./mvnw -B -q package -DskipTests

WORK="$ROOT/target/bench"
rm -rf "$WORK"
mkdir -p "$WORK/staging" "$WORK/bucket"
export NOTES_DATA_DIR="$WORK/local" BUCKET_DIR="$WORK/bucket" NOTES_JFR_DIR="$WORK/jfr"
QUERY_PORT=${QUERY_PORT:-8080}

setsid deploy/local/run.sh > "$WORK/stack.log" 2>&1 &
stack=$!
stop_stack() { kill -TERM "$stack" 2>/dev/null || true; wait "$stack" 2>/dev/null || true; }
trap stop_stack EXIT
for _ in $(seq 1 600); do
  grep -q 'is running' "$WORK/stack.log" && break
  kill -0 "$stack" 2>/dev/null || { cat "$WORK/stack.log" >&2; exit 1; }
  sleep 0.5
done
grep -q 'is running' "$WORK/stack.log" || { cat "$WORK/stack.log" >&2; exit 1; }

export BENCH_BUCKET="$WORK/bucket" BENCH_STAGING="$WORK/staging" BENCH_LOGS="$NOTES_DATA_DIR/logs" BENCH_SQL="$ROOT/bench/sql"
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:${KAFKA_PORT:-9092}"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:${POSTGRES_PORT:-5432}/notes"
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
export QUERY_URL="http://127.0.0.1:$QUERY_PORT"
java -Xmx4g -cp "pipeline-bench/target/classes:pipeline-bench/target/lib/*" dev.notespipeline.bench.Benchmark \
  "${MODE[@]}" --out "$WORK/report.md" 2>&1 | tee "$WORK/harness.log"
# The flight recordings are written when the services stop.
stop_stack
trap - EXIT
{ echo; echo "### Services: garbage collection and CPU samples"; echo; bench/profile.sh "$NOTES_DATA_DIR/logs" "$NOTES_JFR_DIR" "$WORK/harness.log"; } >> "$WORK/report.md"
echo "Report: $WORK/report.md"
