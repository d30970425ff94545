#!/usr/bin/env bash
# Starts the whole pipeline on this machine, in the foreground: a real Kafka broker and a real PostgreSQL server
# (embedded, no Docker; their data kept in .local/ so talks survive a restart), the three services, and the watched
# bucket/ folder. Ctrl-C (or SIGTERM) stops everything it started.
#
# Settings (environment variables, all optional):
#   QUERY_PORT=8080 INGEST_PORT=8081 ENRICH_PORT=8082 KAFKA_PORT=9092 POSTGRES_PORT=5432
#   QUERY_MANAGEMENT_PORT=9080 INGEST_MANAGEMENT_PORT=9081 ENRICH_MANAGEMENT_PORT=9082   (health, metrics, OpenAPI, Swagger UI)
#   BUCKET_DIR=<repo>/bucket   NOTES_DATA_DIR=<repo>/.local   NOTES_JAVA_OPTS="-XX:+UseSerialGC -Xmx384m"
#   NOTES_JFR_DIR=<dir>                    record each service with Java Flight Recorder into <dir>/<service>.jfr
#   KAFKA_BOOTSTRAP_SERVERS=host:port      use your Kafka; no broker is started
#   QUARKUS_DATASOURCE_JDBC_URL=jdbc:...   use your PostgreSQL (with QUARKUS_DATASOURCE_USERNAME/_PASSWORD); none is started
#   PIPELINE_INGEST_ADMIN_PASSWORD=...     ingest-service's admin password (default: generated into .local/)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

QUERY_PORT=${QUERY_PORT:-8080}
INGEST_PORT=${INGEST_PORT:-8081}
ENRICH_PORT=${ENRICH_PORT:-8082}
QUERY_MANAGEMENT_PORT=${QUERY_MANAGEMENT_PORT:-9080}
INGEST_MANAGEMENT_PORT=${INGEST_MANAGEMENT_PORT:-9081}
ENRICH_MANAGEMENT_PORT=${ENRICH_MANAGEMENT_PORT:-9082}
KAFKA_PORT=${KAFKA_PORT:-9092}
POSTGRES_PORT=${POSTGRES_PORT:-5432}
DATA_DIR=${NOTES_DATA_DIR:-$ROOT/.local}
BUCKET_DIR=${BUCKET_DIR:-$ROOT/bucket}
# The serial collector (one core's worth of work each; BENCHMARKS.md has its cost). A 128 MB heap is too small:
# ingest-service ran out of it under a drop of 10,000 memos (BENCHMARKS.md), so the heap stays at 384 MB.
JAVA_OPTS=${NOTES_JAVA_OPTS:--XX:+UseSerialGC -Xmx384m}
LOG_DIR="$DATA_DIR/logs"
SERVICES=(query-service enrich-service ingest-service)

pids=()
infra_pid=""

say() { printf '%s\n' "$*"; }
fail() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The HTTP status of GET http://127.0.0.1:$1$2, or nothing; needs no curl.
http_status() {
  local status
  status=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
             printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3
             head -n 1 <&3) 2>/dev/null | awk '{print $2}') || true
  printf '%s' "$status"
}

# TERM, then up to 20 s for them to exit, then KILL.
stop_processes() {
  [ $# -gt 0 ] || return 0
  kill -TERM "$@" 2>/dev/null || true
  for _ in $(seq 1 40); do
    alive=0
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive -eq 0 ] && break
    sleep 0.5
  done
  kill -KILL "$@" 2>/dev/null || true
}

stop_all() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    say "Stopping the pipeline..."
    # The services first, and Kafka and PostgreSQL only once they have exited: a consumer that closes while the
    # broker is up leaves its group at once, but one cut off by the broker's stop stays a member until its session
    # times out (45 s), and after a restart its group consumed nothing until then.
    services=()
    for pid in "${pids[@]}"; do [ "$pid" != "$infra_pid" ] && services+=("$pid"); done
    stop_processes "${services[@]}"
    [ -n "$infra_pid" ] && stop_processes "$infra_pid"
    wait 2>/dev/null || true
    say "Stopped."
  fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

command -v java >/dev/null || fail "java is not on the PATH: install a JDK 17 or newer"
java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
[ "${java_major%%.*}" -ge 17 ] 2>/dev/null || fail "Java 17 or newer is needed; java on the PATH is ${java_major:-unknown}"

start_kafka=yes; [ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ] && start_kafka=no
start_postgres=yes; [ -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ] && start_postgres=no

check_port() {
  if port_taken "$1"; then
    fail "port $1 ($2) is already in use by another program. Stop that program, or pick another port: $3=<port> deploy/local/run.sh"
  fi
}
check_port "$QUERY_PORT" "query-service" QUERY_PORT
check_port "$INGEST_PORT" "ingest-service" INGEST_PORT
check_port "$ENRICH_PORT" "enrich-service" ENRICH_PORT
check_port "$QUERY_MANAGEMENT_PORT" "query-service's management interface" QUERY_MANAGEMENT_PORT
check_port "$INGEST_MANAGEMENT_PORT" "ingest-service's management interface" INGEST_MANAGEMENT_PORT
check_port "$ENRICH_MANAGEMENT_PORT" "enrich-service's management interface" ENRICH_MANAGEMENT_PORT
[ $start_kafka = yes ] && check_port "$KAFKA_PORT" "Kafka" KAFKA_PORT
[ $start_postgres = yes ] && check_port "$POSTGRES_PORT" "PostgreSQL" POSTGRES_PORT

# Build what is missing or older than its sources.
artifacts=(pipeline-infra/target/lib)
for service in "${SERVICES[@]}"; do artifacts+=("$service/target/quarkus-app/quarkus-run.jar"); done
needs_build=no
for artifact in "${artifacts[@]}"; do
  if [ ! -e "$artifact" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src -newer "$artifact" -print -quit 2>/dev/null)" ]; then
    needs_build=yes
  fi
done
if [ $needs_build = yes ]; then
  say "Building the services (the first build downloads dependencies and takes a few minutes)..."
  ./mvnw -B -q package -DskipTests || fail "the build failed; see the output above"
fi

mkdir -p "$DATA_DIR" "$LOG_DIR" "$BUCKET_DIR"
# Absolute: the services run from their own directories (see below).
DATA_DIR=$(cd "$DATA_DIR" && pwd); LOG_DIR="$DATA_DIR/logs"; BUCKET_DIR=$(cd "$BUCKET_DIR" && pwd)
if [ -n "${NOTES_JFR_DIR:-}" ]; then mkdir -p "$NOTES_JFR_DIR"; NOTES_JFR_DIR=$(cd "$NOTES_JFR_DIR" && pwd); fi

if [ $start_kafka = yes ] || [ $start_postgres = yes ]; then
  infra_args=(--data "$DATA_DIR")
  if [ $start_kafka = yes ]; then infra_args+=(--kafka-port "$KAFKA_PORT"); else infra_args+=(--no-kafka); fi
  if [ $start_postgres = yes ]; then infra_args+=(--postgres-port "$POSTGRES_PORT"); else infra_args+=(--no-postgres); fi
  say "Starting Kafka and PostgreSQL (data in $DATA_DIR)..."
  : > "$LOG_DIR/infra.log"
  java -Xmx512m -cp "pipeline-infra/target/classes:pipeline-infra/target/lib/*" \
    dev.notespipeline.infra.LocalStack "${infra_args[@]}" >> "$LOG_DIR/infra.log" 2>&1 &
  infra_pid=$!
  pids+=("$infra_pid")
  for _ in $(seq 1 240); do
    grep -q '^READY' "$LOG_DIR/infra.log" && break
    if ! kill -0 "$infra_pid" 2>/dev/null; then
      grep -h '^ERROR' "$LOG_DIR/infra.log" >&2 || tail -n 20 "$LOG_DIR/infra.log" >&2
      fail "Kafka/PostgreSQL did not start; the whole log is $LOG_DIR/infra.log"
    fi
    sleep 0.5
  done
  grep -q '^READY' "$LOG_DIR/infra.log" || fail "Kafka/PostgreSQL did not start within 2 minutes; see $LOG_DIR/infra.log"
fi

if [ $start_kafka = yes ]; then export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"; fi
if [ $start_postgres = yes ]; then
  # The embedded server trusts local connections; this password is not a secret.
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/notes"
  export QUARKUS_DATASOURCE_USERNAME=postgres
  export QUARKUS_DATASOURCE_PASSWORD=postgres
fi
export PIPELINE_BUCKET_URL="file:$BUCKET_DIR"
# ingest-service's admin (POST /api/ingest/rescan): your password if you give one, else one made for this stack.
if [ -z "${PIPELINE_INGEST_ADMIN_PASSWORD:-}" ]; then
  password_file="$DATA_DIR/ingest-admin-password"
  [ -s "$password_file" ] || (umask 077; head -c 18 /dev/urandom | base64 > "$password_file")
  PIPELINE_INGEST_ADMIN_PASSWORD=$(cat "$password_file")
  export PIPELINE_INGEST_ADMIN_PASSWORD
  admin_note="user admin, password in $password_file"
else
  admin_note="user admin, the password you gave"
fi

# The public (http) or management port of a service.
port_of() {
  case "$1:$2" in
    query-service:http) echo "$QUERY_PORT" ;;
    enrich-service:http) echo "$ENRICH_PORT" ;;
    ingest-service:http) echo "$INGEST_PORT" ;;
    query-service:management) echo "$QUERY_MANAGEMENT_PORT" ;;
    enrich-service:management) echo "$ENRICH_MANAGEMENT_PORT" ;;
    ingest-service:management) echo "$INGEST_MANAGEMENT_PORT" ;;
  esac
}

# On this machine the API documentation is welcome; production leaves Swagger UI off.
export QUARKUS_SWAGGER_UI_ENABLED=true
# The page's memo preview: query-service asks the other two on the ports they get here.
export QUERY_PREVIEW_INGEST_URL="http://127.0.0.1:$INGEST_PORT"
export QUERY_PREVIEW_ENRICH_URL="http://127.0.0.1:$ENRICH_PORT"

# Starts $1 (from its own directory, as its class archive needs: the JVM ignores an archive whose class path,
# quarkus-run.jar relative, differs) with the JVM options after it; its pid in $service_pid.
launch() {
  local service=$1 log=$2; shift 2
  (cd "$service/target/quarkus-app" && QUARKUS_HTTP_PORT=$(port_of "$service" http) \
    QUARKUS_MANAGEMENT_PORT=$(port_of "$service" management) exec java "$@" -jar quarkus-run.jar) > "$log" 2>&1 &
  service_pid=$!
}

# Waits until $1 (pid $2) is ready; false when it died or took 2 minutes.
await_ready() {
  for _ in $(seq 1 240); do
    if [ "$(http_status "$(port_of "$1" management)" /q/health/ready)" = 200 ]; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then return 1; fi
    sleep 0.5
  done
  return 1
}

for service in "${SERVICES[@]}"; do
  say "Starting $service on port $(port_of "$service" http) (management $(port_of "$service" management))..."
  app="$service/target/quarkus-app"
  # shellcheck disable=SC2206 # JAVA_OPTS holds several options
  jvm_opts=($JAVA_OPTS)
  # The start-up class archive (AppCDS), made by a real start of these very jars with this JDK and these options:
  # the service is started once with -XX:ArchiveClassesAtExit against the same Kafka, PostgreSQL and bucket (an empty
  # bucket would have ingest delete every note it knows), stopped (SIGTERM) when ready, and the JVM writes every class
  # the start-up loaded. The archive Quarkus's build makes (quarkus.package.jar.appcds.enabled) stops after static
  # init and so misses two thirds of the classes (the Kafka clients, Jackson, Flyway, Hibernate's queries: 5,603 of
  # ingest's 17,375 came from it);
  # measured on 2026-12-02, each service alone, medians of 5 starts: query-service 5.0 -> 4.0 s, enrich-service
  # 4.2 -> 3.95 s, ingest-service 7.0 -> 6.7 s ("started in"). A later build makes the jar newer: recorded again.
  if [ ! "$app/app-cds-trained.jsa" -nt "$app/quarkus-run.jar" ]; then
    say "  (first start of this build: recording its class archive, once)"
    rm -f "$app/app-cds-trained.jsa"
    launch "$service" "$LOG_DIR/$service-cds-training.log" "${jvm_opts[@]}" -XX:ArchiveClassesAtExit=app-cds-trained.jsa
    pids+=("$service_pid")
    await_ready "$service" "$service_pid" || say "  $service did not become ready while recording its class archive; see $LOG_DIR/$service-cds-training.log"
    kill -TERM "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
    unset 'pids[-1]'
  fi
  service_opts=(-Xlog:gc:file="$LOG_DIR/$service-gc.log":uptime:filecount=2,filesize=10m)
  if [ "$app/app-cds-trained.jsa" -nt "$app/quarkus-run.jar" ]; then service_opts+=(-XX:SharedArchiveFile=app-cds-trained.jsa); fi
  if [ -n "${NOTES_JFR_DIR:-}" ]; then
    service_opts+=(-XX:StartFlightRecording=filename="$NOTES_JFR_DIR/$service.jfr",dumponexit=true)
  fi
  launch "$service" "$LOG_DIR/$service.log" "${jvm_opts[@]}" "${service_opts[@]}"
  pids+=("$service_pid")
  if ! await_ready "$service" "$service_pid"; then
    tail -n 30 "$LOG_DIR/$service.log" >&2
    fail "$service did not become ready; the whole log is $LOG_DIR/$service.log"
  fi
done

cat <<INFO

The notes pipeline is running.
  Drop Markdown notes into:  $BUCKET_DIR
  Talks, web page and API:   http://localhost:$QUERY_PORT/   (try /api/talks?topic=azure, /api/topics)
  API documentation:         http://localhost:$QUERY_MANAGEMENT_PORT/q/swagger-ui   (enrich's: port $ENRICH_MANAGEMENT_PORT)
  ingest-service:            http://localhost:$INGEST_PORT/api/ingest/notes   (rescan: $admin_note)
  enrich-service:            http://localhost:$ENRICH_PORT/api/taxonomy
  Health and metrics:        /q/health and /q/metrics on ports $QUERY_MANAGEMENT_PORT, $INGEST_MANAGEMENT_PORT, $ENRICH_MANAGEMENT_PORT
  Kafka:                     $KAFKA_BOOTSTRAP_SERVERS
  PostgreSQL:                $QUARKUS_DATASOURCE_JDBC_URL
  Logs:                      $LOG_DIR
Press Ctrl-C to stop.
INFO

# In the foreground until Ctrl-C, or until one of the processes dies.
set +e
wait -n "${pids[@]}"
status=$?
say "A process of the pipeline exited (status $status); see $LOG_DIR. Stopping the rest."
exit 1
