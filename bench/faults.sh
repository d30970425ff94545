#!/usr/bin/env bash
# The full fault suite (pipeline-e2e's FaultSuiteIT with -Dfaults.plan=full): on the local stack's parts — Kafka and
# PostgreSQL from pipeline-infra with their data on disk, the three packaged services, a bucket folder — it drops a
# memo of the largest accepted size and one byte larger, then 1,000 memos with edits and deletes while it restarts
# the broker (down 2 minutes) and PostgreSQL, kills services with kill -9 20 times and freezes PostgreSQL for 2
# minutes; then the bucket folder moved away and back, 10,000 hostile requests. It fails unless the stored talks are
# exactly what the parser finds in the final bucket (0 lost, 0 extra), every memo is queryable or rejected with its
# reason, nothing is deleted while the bucket is away, no answer is 500 or more, every 4xx is problem+json and every
# service is ready at the end. About 25 minutes on 2 cores.
#
# Usage: bench/faults.sh [--short]     (--short: the few trials ./mvnw verify runs, a few minutes)
# The report: pipeline-e2e/target/faults/<plan>/report.md; the services' and servers' logs beside it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PLAN=full
[ "${1:-}" = "--short" ] && PLAN=short

# Builds what the suite runs (the services' jars, pipeline-infra's libraries) and runs only the fault suite.
./mvnw -B -pl ingest-service,enrich-service,query-service,pipeline-e2e -am verify \
  -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FaultSuiteIT -Dfailsafe.failIfNoSpecifiedTests=false -Dfaults.plan="$PLAN"
echo "Report: $ROOT/pipeline-e2e/target/faults/$PLAN/report.md"
