#!/usr/bin/env bash
# One Locust load test against a fresh local graph, end to end (`make loadtest`):
#   1. start `facechain serve` in the background on free ports (HTTP and Ray metrics), with its job
#      store and artifacts under $LOADTEST_OUT/serve;
#   2. wait (bounded) until GET /readyz answers 200;
#   3. run Locust headless for a bounded time, CSVs to $LOADTEST_OUT/locust_*.csv;
#   4. print loadtests/summary.py (text + JSON, also written to $LOADTEST_OUT/summary.json);
#   5. stop the server (SIGTERM, bounded wait, then SIGKILL of its process group) on any exit.
# Exit status: Locust's (non-zero when a request failed), or 1 when the server never got ready.
#
# Environment (all optional):
#   LOCUST_USERS (4), LOCUST_SPAWN_RATE (2), LOCUST_RUN_TIME (60s)
#   LOADTEST_OUT (out/loadtest), LOADTEST_CONFIG (configs/serve/local.yaml)
#   LOADTEST_PORT, LOADTEST_METRICS_PORT (default: free ports)
#   LOADTEST_READY_TIMEOUT_S (900: 13 replicas loading models on 2 cores take minutes)
#   LOADTEST_STOP_TIMEOUT_S (90)
#   FACECHAIN_LORA_OPTIONS ('{"steps": 5}': trainings short enough for a 60 s run on a CPU)
#   and the other FACECHAIN_* knobs of loadtests/locustfile.py.
set -euo pipefail

cd "$(dirname "$0")/.."
PY=.venv/bin/python
USERS=${LOCUST_USERS:-4}
SPAWN_RATE=${LOCUST_SPAWN_RATE:-2}
RUN_TIME=${LOCUST_RUN_TIME:-60s}
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
rm -f "$OUT"/locust_*.csv "$OUT/summary.json"
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
echo "ready after $((SECONDS - started))s; Locust: -u $USERS -r $SPAWN_RATE -t $RUN_TIME"

locust_rc=0
.venv/bin/locust -f loadtests/locustfile.py --headless -u "$USERS" -r "$SPAWN_RATE" -t "$RUN_TIME" \
    --host "$HOST" --csv "$OUT/locust" --only-summary || locust_rc=$?

"$PY" loadtests/summary.py --csv-prefix "$OUT/locust" --json "$OUT/summary.json"
exit "$locust_rc"
