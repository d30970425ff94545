#!/usr/bin/env bash
# Summarises what bench/run.sh recorded of each service, as Markdown: the garbage collector's pauses against the
# service's uptime (from its GC log), and where its threads spent their CPU samples (Java Flight Recorder's execution
# samples: the methods on top of the stack, and the threads), over the whole run and, given the harness's output,
# phase by phase. Used by bench/run.sh after the stack stopped.
#
# Usage: bench/profile.sh <log dir> <jfr dir> [<harness output with its "[bench] HH:MM:SS phase" lines>]
# No pipefail: head ends the pipelines that feed it early, on purpose.
set -eu
LOGS=$1
JFR_DIR=$2
PHASES=${3:-}
SERVICES=(ingest-service enrich-service query-service)

echo "#### Garbage collection (from -Xlog:gc)"
echo
echo "| service | collections | paused | uptime | share of wall time | heap after the last collection |"
echo "|---|---:|---:|---:|---:|---|"
for service in "${SERVICES[@]}"; do
  log="$LOGS/$service-gc.log"
  [ -f "$log" ] || continue
  awk -v service="$service" '
    /Pause/ { n++; ms = $NF; sub(/ms$/, "", ms); total += ms; heap = $(NF-1) }
    { t = $1; gsub(/[\[\]s]/, "", t); if (t + 0 > up) up = t + 0 }
    END { printf "| %s | %d | %.2f s | %.0f s | %.2f %% | %s |\n", service, n, total / 1000, up, (up > 0 ? total / 10 / up : 0), heap }
  ' "$log"
done
echo

for service in "${SERVICES[@]}"; do
  file="$JFR_DIR/$service.jfr"
  [ -f "$file" ] || continue
  jfr print --stack-depth 1 --events jdk.ExecutionSample "$file" > "$JFR_DIR/$service.samples.txt"
  total=$(grep -c '^jdk.ExecutionSample' "$JFR_DIR/$service.samples.txt" || true)
  echo "#### $service: CPU samples (JFR, $total execution samples over the whole run)"
  echo
  echo "| on top of the stack | samples | share |"
  echo "|---|---:|---:|"
  awk '/stackTrace = \[/ { getline; sub(/^ +/, ""); sub(/ line: .*/, ""); print }' "$JFR_DIR/$service.samples.txt" \
    | sort | uniq -c | sort -rn | head -12 \
    | awk -v total="$total" '{ count = $1; $1 = ""; sub(/^ /, ""); gsub(/\|/, "\\|"); printf "| `%s` | %d | %.1f %% |\n", $0, count, 100 * count / total }'
  echo
  echo "| thread | samples | share |"
  echo "|---|---:|---:|"
  awk -F'"' '/sampledThread = / { print $2 }' "$JFR_DIR/$service.samples.txt" | sed -E 's/[0-9]+$/N/' \
    | sort | uniq -c | sort -rn | head -8 \
    | awk -v total="$total" '{ count = $1; $1 = ""; sub(/^ /, ""); printf "| %s | %d | %.1f %% |\n", $0, count, 100 * count / total }'
  echo
  # One line per sample: its time (HH:MM:SS.mmm, as the harness prints its phases) and the method on top.
  awk '/startTime = / { t = $3 } /stackTrace = \[/ { getline; sub(/^ +/, ""); sub(/ line: .*/, ""); print t "\t" $0 }' \
    "$JFR_DIR/$service.samples.txt" > "$JFR_DIR/$service.timed.txt"
done

[ -n "$PHASES" ] && [ -f "$PHASES" ] || exit 0
echo "#### Phase by phase: execution samples of each service and its three hottest methods"
echo
echo "JFR samples a running Java thread every 20 ms, so 50 samples are about one core busy for a second."
echo
echo "| phase | from | service | samples | hottest methods on top of the stack |"
echo "|---|---|---|---:|---|"
mapfile -t lines < <(grep -E '^\[bench\] [0-9:]{8} ' "$PHASES")
for i in "${!lines[@]}"; do
  from=$(awk '{ print $2 }' <<< "${lines[$i]}")
  phase=$(cut -d' ' -f3- <<< "${lines[$i]}")
  to="99:99:99"
  [ $((i + 1)) -lt ${#lines[@]} ] && to=$(awk '{ print $2 }' <<< "${lines[$((i + 1))]}")
  for service in "${SERVICES[@]}"; do
    timed="$JFR_DIR/$service.timed.txt"
    [ -f "$timed" ] || continue
    count=$(awk -F'\t' -v from="$from" -v to="$to" '$1 >= from && $1 < to' "$timed" | wc -l)
    top=$(awk -F'\t' -v from="$from" -v to="$to" '$1 >= from && $1 < to { print $2 }' "$timed" \
      | sort | uniq -c | sort -rn | head -3 | awk '{ count = $1; $1 = ""; sub(/^ /, ""); gsub(/\|/, "\\|"); printf "`%s` %d; ", $0, count }')
    echo "| $phase | $from | $service | $count | ${top%; } |"
  done
done
echo
