#!/usr/bin/env bash
# One load test against a fresh local graph, end to end (`make loadtest`):
#   1. start `facechain serve` in the background on free ports (HTTP and Ray metrics), with its job
#      store and artifacts under $LOADTEST_OUT/serve;
#   2. wait (bounded) until GET /readyz answers 200;
#   3. run `facechain loadtest` against it (Locust headless; the report folder is $LOADTEST_OUT:
#      Locust's CSVs and HTML, summary.json, report.html, the PNG plots, replicas.csv);
#   4. stop the server (SIGTERM, bounded wait, then SIGKILL of its process group) on any exit.
# Exit status: the load test's (non-zero when a request really failed), or 1 when the server never
# got ready.
#
# Environment (all optional):
#   LOADTEST_SCENARIO (generate), LOADTEST_SHAPE (step), LOCUST_USERS (6: the step's peak),
#   LOCUST_SPAWN_RATE (2), LOCUST_RUN_TIME (200s), LOADTEST_ARGS (more `facechain loadtest` flags)
#   LOADTEST_THINK_S (1: one user then leaves a Diffusion replica mostly idle, six saturate it, so
#   the step load scales Diffusion up and back down)
#   LOADTEST_OUT (out/loadtest), LOADTEST_CONFIG (configs/serve/local.yaml)
#   LOADTEST_PORT, LOADTEST_METRICS_PORT (default: free ports)
#   LOADTEST_READY_TIMEOUT_S (900: 17 replicas loading models on 2 cores take minutes)
#   LOADTEST_STOP_TIMEOUT_S (90)
#   FACECHAIN_LORA_OPTIONS ('{"steps": 5}': short trainings) and the other FACECHAIN_* knobs of
#   loadtests/locustfile.py (FACECHAIN_STEPS, FACECHAIN_NUM_IMAGES ...).
set -euo pipefail

cd "$(dirname "$0")/.."
PY=.venv/bin/python
SCENARIO=${LOADTEST_SCENARIO:-generate}
SHAPE=${LOADTEST_SHAPE:-step}
USERS=${LOCUST_USERS:-6}
SPAWN_RATE=${LOCUST_SPAWN_RATE:-2}
RUN_TIME=${LOCUST_RUN_TIME:-200s}
OUT=${LOADTEST_OUT:-out/loadtest}
CONFIG=${LOADTEST_CONFIG:-configs/serve/local.yaml}
READY_TIMEOUT_S=${LOADTEST_READY_TIMEOUT_S:-900}
STOP_TIMEOUT_S=${LOADTEST_STOP_TIMEOUT_S:-90}
export FACECHAIN_LORA_OPTIONS=${FACECHAIN_LORA_OPTIONS:-'{"steps": 5}'}

free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=${LOADTEST_PORT:-$(free_port)}
METRICS_PORT=${LOADTEST_METRICS_PORT:-$(free_port)}
HOST="http://127.0.0.1:$PORT"

mkdir -p "$OUT/serve"
SERVER_LOG="$OUT/server.log"

# Own session, so the server and every process it starts can be found by its process group.
setsid .venv/bin/facechain serve --config "$CONFIG" --port "$PORT" --metrics-port "$METRICS_PORT" \
    --set "job_store=$OUT/serve/jobs.sqlite3" --set "artifacts=$OUT/serve/artifacts" \
    >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

stop_server() {
    local rc=$?
    trap - EXIT INT TERM
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "stopping the server (pid $SERVER_PID) ..."
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        local waited=0
        while kill -0 "$SERVER_PID" 2>/dev/null && [ "$waited" -lt "$STOP_TIMEOUT_S" ]; do
            sleep 1
            waited=$((waited + 1))
        done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "server still up after ${STOP_TIMEOUT_S}s: SIGKILL to its process group" >&2
        fi
    fi
    # Whatever the server left in its process group (Ray's own processes) goes too.
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    exit "$rc"
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "server: $HOST (metrics :$METRICS_PORT, log $SERVER_LOG); waiting for /readyz (<= ${READY_TIMEOUT_S}s) ..."
started=$SECONDS
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$HOST/readyz")" = "200" ]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "the server exited before it was ready; last lines of $SERVER_LOG:" >&2
        tail -n 30 "$SERVER_LOG" >&2
        exit 1
    fi
    if [ $((SECONDS - started)) -ge "$READY_TIMEOUT_S" ]; then
        echo "not ready after ${READY_TIMEOUT_S}s; last lines of $SERVER_LOG:" >&2
        tail -n 30 "$SERVER_LOG" >&2
        exit 1
    fi
    sleep 2
done
echo "ready after $((SECONDS - started))s; facechain loadtest: $SCENARIO, $SHAPE, -u $USERS -r $SPAWN_RATE -t $RUN_TIME"

# shellcheck disable=SC2086 # LOADTEST_ARGS is a list of flags
.venv/bin/facechain loadtest --host "$HOST" --out "$OUT" --scenario "$SCENARIO" --shape "$SHAPE" \
    --users "$USERS" --spawn-rate "$SPAWN_RATE" --duration "$RUN_TIME" \
    --think-s "${LOADTEST_THINK_S:-1}" --lora-options "$FACECHAIN_LORA_OPTIONS" ${LOADTEST_ARGS:-}
