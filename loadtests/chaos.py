"""Fault drills on the local served graph: bounded load, injected faults, figures as JSON.

Starts an embedded local Ray with the app of ``configs/serve/local.yaml`` (free HTTP port; job
store and artifacts in a temp dir, as benchmarks/serving_bench.py does), trains one face LoRA
through HTTP, then runs the drills (``--drills``; run in the order a, b, e, d, c):

a. **kill_diffusion**: clients send ``POST /v1/generate`` in a closed loop; the Diffusion
   replica's process is SIGKILLed (its PID from Ray's state API). Reported: the requests that
   failed (by status; those in flight at the kill apart), the seconds until a generate that
   started after the kill succeeds. Goals: failures <= those in flight, recovery <= 60 s.
b. **overload**: the unloaded latency (one client), the saturated throughput, then requests sent
   open-loop at 3x that rate for a bounded time. Reported: statuses, p99 of the rejections
   (goal <= 50 ms, only 503/429; by error type), p99 of the admitted against the unloaded p99
   (goal <= 2x), replicas that died (OOM-killed: goal none). Latency runs from a request's send
   to its response; the sender's lag behind the open-loop schedule is reported apart
   (``client_lag``), so a busy load generator shows instead of passing for server time. The
   rejections answered while a Diffusion replica was starting (``ReplicaWatch``: the
   autoscaler's second one) are reported apart from the steady ones, with the replica timeline.
e. **client_gone**: a long generate (150 steps) whose client gives up after a few seconds;
   Serve cancels the request down to the Diffusion replica, whose engine stops at the next
   denoising step. Reported: the replica's ``cancelled`` counter, the seconds from the client
   leaving until a short generate succeeds (a replica still busy with the abandoned work would
   take the whole long generate).
d. **kill_trainer**: a training job is started and the LoraTrainer replica SIGKILLed mid-job.
   The job must resume from its checkpoint (serve/runner.py: the lapsed lease is taken over) and
   succeed (with ``--compare``, its LoRA is compared with an uninterrupted run's); one that ends
   otherwise is reported ``"resumed": false`` with its state and error type.
c. **restart**: a training job is started, the whole app is shut down (``serve.shutdown``) and
   deployed again on the same job store and artifacts. Every finished LoRA and job state must be
   kept and generate work again; the interrupted job must resume and succeed (reported as in d).

``--short`` runs a few seconds of each (the test suite, tests/serve/test_chaos.py); the full
mode is for the command line. Prints one JSON object on stdout; nothing is asserted here.

    .venv/bin/python loadtests/chaos.py [--short] [--drills kill_diffusion,overload,...]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import shutil
import signal
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `serve`, `servekit` when run as a script

from facechain.client import ApiError, Client  # noqa: E402
from serve.cli import deploy  # noqa: E402
from serve.harness import json_stdout, local_graph  # noqa: E402
from servekit.status import serve_status  # noqa: E402

logger = logging.getLogger("facechain.chaos")

APP = "facechain"
FACES = ROOT / "tests" / "fixtures" / "faces"
PHOTOS = ("obama.jpg", "obama2.jpg", "obama3.jpg")
DRILLS = ("kill_diffusion", "overload", "client_gone", "kill_trainer", "restart")
TERMINAL = ("succeeded", "failed", "cancelled")
REJECTED = (429, 503)

PROFILES = {
    # seconds of steady load before the kill, longest wait for recovery, overload seconds,
    # training steps of the drill jobs; clients: kill_diffusion's steady load (within the local
    # config's admission gate, one diffusion request at a time: none of it is refused as
    # overloaded before the kill)
    "short": {"before_kill_s": 3.0, "recovery_wait_s": 90.0, "baseline_n": 4, "calibrate_s": 4.0,
              "overload_s": 5.0, "train_steps": 12, "clients": 1, "give_up_s": 3.0},
    "full": {"before_kill_s": 10.0, "recovery_wait_s": 120.0, "baseline_n": 12, "calibrate_s": 15.0,
             "overload_s": 30.0, "train_steps": 30, "clients": 1, "give_up_s": 5.0},
}


def pct(values: list[float], q: float) -> float | None:
    return round(float(np.percentile(np.asarray(values, float), q)), 1) if values else None


@dataclass
class Sample:
    started: float  # time.monotonic() when the request was sent
    ended: float    # ... when its whole response was in
    status: int     # 0: no HTTP answer (connection error, client timeout)
    due: float | None = None  # open loop: when it was meant to be sent (started - due: client lag)
    error: str | None = None  # a rejection's error type (``overloaded`` ...; ``text``: not JSON)
    retry_after: bool = False  # a Retry-After header came with it

    @property
    def ms(self) -> float:
        return (self.ended - self.started) * 1000

    @property
    def lag_ms(self) -> float:
        """Time between the request being due and sent: the load generator's own delay, never
        counted in ``ms``."""
        return 0.0 if self.due is None else (self.started - self.due) * 1000


def post_generate(api: Client, body: dict, due: float | None = None) -> Sample:
    started = time.monotonic()
    error, retry_after = None, False
    try:
        api.generate(**body)
        status = 200
    except ApiError as exc:
        status = exc.status
        if status in REJECTED:
            retry_after = "retry-after" in exc.headers
            # not the API's JSON error: e.g. the proxy's own 503 (the Ingress queue is full)
            error = exc.code if exc.body is not None else "text"
    except httpx.HTTPError:
        status = 0
    return Sample(started, time.monotonic(), status, due, error, retry_after)


def counts(values: list) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[str(v)] = out.get(str(v), 0) + 1
    return dict(sorted(out.items()))


def statuses(samples: list[Sample]) -> dict[str, int]:
    out: dict[str, int] = {}
    for s in samples:
        out[str(s.status)] = out.get(str(s.status), 0) + 1
    return dict(sorted(out.items()))


class ClosedLoop:
    """``clients`` threads sending generate one after the other (``think_s`` between, and
    ``backoff_s`` after a 503/429 rejection, as a client told to retry later waits)."""

    def __init__(self, base_url: str, body: dict, clients: int, think_s: float = 0.05,
                 backoff_s: float = 0.0):
        self.base_url, self.body, self.clients, self.think_s = base_url, body, clients, think_s
        self.backoff_s = backoff_s
        self.samples: list[Sample] = []
        self.in_flight: dict[int, float] = {}  # thread -> start of its request
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._run, args=(i,), daemon=True)
                         for i in range(clients)]

    def _run(self, i: int) -> None:
        with Client(self.base_url, timeout=200) as api:
            while not self._stop.is_set():
                with self._lock:
                    self.in_flight[i] = time.monotonic()
                sample = post_generate(api, self.body)
                with self._lock:
                    self.in_flight.pop(i, None)
                    self.samples.append(sample)
                rejected = sample.status in REJECTED
                self._stop.wait(max(self.think_s, self.backoff_s) if rejected else self.think_s)

    def __enter__(self) -> ClosedLoop:
        for t in self._threads:
            t.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout=300)


# -- Ray state -----------------------------------------------------------------------------------


def _actors(state: str) -> list[dict]:
    """Actor records of the GCS in ``state`` (``ALIVE``, ``DEAD``). ``ray.util.state`` answers
    through the dashboard, which the local graph runs without, so this reads the GCS's actor
    table as ``ray.util.state.list_actors`` would (class name, PID, death cause)."""
    from ray._private import state as gcs_state

    return list(gcs_state.actors(actor_state_name=state).values())


def replica_actors(deployment: str, state: str = "ALIVE") -> list[dict]:
    """Serve replica actors of ``deployment`` (class ``ServeReplica:<app>:<deployment>``)."""
    return [a for a in _actors(state)
            if str(a["ActorClassName"]).endswith(f":{APP}:{deployment}")]


def kill_replica(deployment: str) -> int:
    """SIGKILL the process of one live replica of ``deployment``; returns its PID."""
    [actor, *_] = replica_actors(deployment)
    os.kill(int(actor["Pid"]), signal.SIGKILL)
    return int(actor["Pid"])


def dead_replicas() -> dict[str, str]:
    """actor id -> death cause of every dead Serve replica."""
    return {a["ActorID"]: str(a["DeathCause"])[:300] for a in _actors("DEAD")
            if str(a["ActorClassName"]).startswith("ServeReplica:")}


class ReplicaWatch:
    """Samples a deployment's replica states (:func:`servekit.status.serve_status`: ``serve.status()``
    costs the sampling process ~0.25 s of CPU per call) every ``every_s`` in a thread:
    when replicas were starting, so figures can be split into steady and scaling periods."""

    def __init__(self, deployment: str, every_s: float = 0.5):
        self.deployment, self.every_s = deployment, every_s
        self.samples: list[tuple[float, int, int]] = []  # (monotonic, running, starting)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                dep = serve_status().applications[APP].deployments[self.deployment]
                states = {str(getattr(k, "value", k)): int(v)
                          for k, v in dep.replica_states.items()}
                self.samples.append((time.monotonic(), states.get("RUNNING", 0),
                                     states.get("STARTING", 0) + states.get("UPDATING", 0)))
            except Exception:  # noqa: BLE001 - a missed sample is only a gap
                pass
            self._stop.wait(self.every_s)

    def __enter__(self) -> ReplicaWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(10)

    def scaling(self, start: float, end: float, margin_s: float = 1.0) -> bool:
        """Whether a replica was starting (or the running count changed) around [start, end]."""
        near = [x for x in self.samples if start - margin_s <= x[0] <= end + margin_s]
        return any(st for _, _, st in near) or len({r for _, r, _ in near}) > 1

    def timeline(self, origin: float) -> list[list]:
        """``[[seconds from origin, running, starting], ...]`` at every change."""
        out: list[list] = []
        for t, running, starting in self.samples:
            if not out or out[-1][1:] != [running, starting]:
                out.append([round(t - origin, 1), running, starting])
        return out


# -- HTTP helpers --------------------------------------------------------------------------------


def start_training(api: Client, steps: int, seed: int) -> dict:
    accepted = api.create_lora([FACES / n for n in PHOTOS], {"steps": steps, "seed": seed})
    return accepted.model_dump()


def wait_job(api: Client, job_id: str, timeout_s: float, until=None) -> dict:
    """Poll a job until it is terminal (or ``until(job)``); the last state seen (JSON). Errors
    and a server that is down (a drill's restart) are polled through."""
    deadline = time.monotonic() + timeout_s
    job: dict = {}
    while time.monotonic() < deadline:
        try:
            job = api.get_job(job_id).model_dump(mode="json")
            if job["state"] in TERMINAL or (until is not None and until(job)):
                return job
        except (ApiError, httpx.HTTPError):
            pass
        time.sleep(0.25)
    return job


def wait_http(base_url: str, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    with Client(base_url, timeout=5) as api:
        while time.monotonic() < deadline:
            try:
                api.health()
                return
            except (ApiError, httpx.HTTPError):
                pass
            time.sleep(0.5)
    raise TimeoutError(f"{base_url} not answering")


# -- drills --------------------------------------------------------------------------------------


def drill_kill_diffusion(base_url: str, body: dict, p: dict) -> dict:
    """(a) SIGKILL the Diffusion replica under a steady generate load."""
    with ClosedLoop(base_url, body, p["clients"]) as load:
        time.sleep(p["before_kill_s"])
        with load._lock:
            t_kill = time.monotonic()
            in_flight = len(load.in_flight)
        pid = kill_replica("Diffusion")
        logger.info("killed Diffusion replica pid %d (%d requests in flight)", pid, in_flight)
        recovered_at = None
        deadline = t_kill + p["recovery_wait_s"]
        while time.monotonic() < deadline:
            with load._lock:
                ok_after = [s for s in load.samples if s.started > t_kill and s.status == 200]
            if ok_after:
                recovered_at = min(s.ended for s in ok_after)
                break
            time.sleep(0.1)
        time.sleep(min(3.0, p["before_kill_s"]))  # a little steady load after recovery
    samples = load.samples
    before = [s for s in samples if s.ended <= t_kill]
    spanning = [s for s in samples if s.started <= t_kill < s.ended]
    after = [s for s in samples if s.started > t_kill]
    failed = [s for s in samples if s.status != 200 and s.ended > t_kill]
    unexpected = [s for s in samples if s.status not in (200, *REJECTED)]
    return {
        "clients": p["clients"], "killed_pid": pid, "requests": len(samples),
        "before_kill": statuses(before), "in_flight_at_kill": in_flight,
        "in_flight_outcome": statuses(spanning), "after_kill": statuses(after),
        "failed": len(failed), "failed_in_flight": sum(s.status != 200 for s in spanning),
        "failed_after_kill": sum(s.status != 200 for s in after),
        "unexpected_statuses": statuses(unexpected),
        "recovery_s": round(recovered_at - t_kill, 2) if recovered_at else None,
        "recovered": recovered_at is not None,
        "goals": {"failed_le_in_flight": len(failed) <= in_flight,
                  "recovery_le_60s": recovered_at is not None and recovered_at - t_kill <= 60},
    }


PROXY_LATENCY = "ray_serve_http_request_latency_ms"
"""Serve's proxy histogram of HTTP request latency (labels include ``status_code``)."""


def proxy_latency_buckets(metrics_url: str | None, status: str) -> dict[float, float]:
    """Cumulative bucket counts ``{le: count}`` of :data:`PROXY_LATENCY` for ``status`` from the
    node's metrics export (all routes and proxies summed); empty when it cannot be read."""
    if not metrics_url:
        return {}
    from prometheus_client.parser import text_string_to_metric_families

    try:
        text = httpx.get(metrics_url, timeout=10).text
    except httpx.HTTPError:
        return {}
    buckets: dict[float, float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == f"{PROXY_LATENCY}_bucket" and sample.labels.get("status_code") == status:
                le = float(sample.labels["le"])
                buckets[le] = buckets.get(le, 0.0) + sample.value
    return buckets


def bucket_figures(before: dict[float, float], after: dict[float, float],
                   within_ms: float = 50.0) -> dict:
    """What a histogram counted between two scrapes: ``n``, the fraction at most ``within_ms``
    (a bucket bound of Serve's defaults) and the p99 interpolated linearly within its bucket
    (as Prometheus's ``histogram_quantile``)."""
    delta = sorted((le, after[le] - before.get(le, 0.0)) for le in after)
    n = delta[-1][1] if delta else 0.0
    if n <= 0:
        return {"n": 0, f"le_{within_ms:g}ms_fraction": None, "p99_ms": None}
    within = next((c for le, c in delta if le >= within_ms), n)
    rank, lower, below = 0.99 * n, 0.0, 0.0
    p99 = None
    for le, count in delta:
        if count >= rank:
            p99 = lower if le == float("inf") else lower + (le - lower) * (rank - below) / max(count - below, 1e-9)
            break
        lower, below = le, count
    return {"n": int(n), f"le_{within_ms:g}ms_fraction": round(within / n, 3),
            "p99_ms": None if p99 is None else round(p99, 1)}


def drill_overload(base_url: str, body: dict, p: dict, metrics_url: str | None = None) -> dict:
    """(b) 3x the saturated rate, open loop, for a bounded time. With ``metrics_url`` (the
    node's metrics export) the rejections' latency as Serve's proxy measured it is reported
    beside the client's (``rejected_at_proxy``: without the load generator's own delays)."""
    dead_before = set(dead_replicas())
    with Client(base_url, timeout=200) as api:
        post_generate(api, body)  # warm
        baseline = [post_generate(api, body) for _ in range(p["baseline_n"])]
    base_ok = [s.ms for s in baseline if s.status == 200]
    # saturated: more clients than the local admission gate lets in; a rejected client waits
    # a little (a 0-s retry storm would measure the storm, not the server)
    with ClosedLoop(base_url, body, clients=4, think_s=0.0, backoff_s=0.1) as load:
        time.sleep(p["calibrate_s"])
    ok = [s for s in load.samples if s.status == 200]
    capacity = len(ok) / p["calibrate_s"] if ok else 1.0 / (max(base_ok or [1000]) / 1000)
    rate = 3.0 * capacity
    samples: list[Sample] = []
    lock = threading.Lock()
    # 128 sender threads, 256 connections: a thread never waits for a connection; the delay
    # between a request's due time and its send (no free thread, a busy client) is measured
    # apart (``client_lag``) and never counted as server latency (``ms`` starts at the send)
    limits = httpx.Limits(max_connections=256, max_keepalive_connections=256)
    with httpx.Client(timeout=200, limits=limits) as http, \
            ThreadPoolExecutor(max_workers=128) as pool, ReplicaWatch("Diffusion") as watch:
        api = Client(base_url, http=http)

        def one(due: float) -> None:
            s = post_generate(api, body, due)
            with lock:
                samples.append(s)

        proxy_before = proxy_latency_buckets(metrics_url, "503")
        started = time.monotonic()
        sent = 0
        while time.monotonic() - started < p["overload_s"]:
            due = int((time.monotonic() - started) * rate) + 1
            for k in range(sent, due):
                pool.submit(one, started + k / rate)
            sent = due
            time.sleep(0.01)
    if metrics_url:
        time.sleep(2.5)  # the proxy exports its histogram every second
    proxy_rejected = bucket_figures(proxy_before, proxy_latency_buckets(metrics_url, "503"))
    admitted = [s.ms for s in samples if s.status == 200]
    rejected = [s.ms for s in samples if s.status in REJECTED]
    lag = [s.lag_ms for s in samples]
    other = [s for s in samples if s.status not in (200, *REJECTED)]
    died = {k: v for k, v in dead_replicas().items() if k not in dead_before}
    oom = {k: v for k, v in died.items() if "oom" in v.lower() or "memory" in v.lower()}
    base_p99 = pct(base_ok, 99)
    admitted_p99 = pct(admitted, 99)
    ratio = round(admitted_p99 / base_p99, 2) if admitted_p99 and base_p99 else None
    rejected_p99 = pct(rejected, 99)
    # rejections answered while a Diffusion replica started (the autoscaler's second one loads
    # its models on the same cores) apart from the steady ones
    scaling = [s.ms for s in samples if s.status in REJECTED and watch.scaling(s.started, s.ended)]
    steady = [s.ms for s in samples if s.status in REJECTED
              and not watch.scaling(s.started, s.ended)]
    return {
        "unloaded": {"n": len(base_ok), "p50_ms": pct(base_ok, 50), "p99_ms": base_p99},
        "capacity_rps": round(capacity, 3), "calibration_statuses": statuses(load.samples),
        "offered_rps": round(rate, 3),
        "seconds": p["overload_s"], "sent": len(samples), "statuses": statuses(samples),
        "admitted": {"n": len(admitted), "p50_ms": pct(admitted, 50), "p99_ms": admitted_p99},
        "rejected": {"n": len(rejected), "p50_ms": pct(rejected, 50), "p99_ms": rejected_p99,
                     "by_error": counts([s.error for s in samples if s.status in REJECTED]),
                     "with_retry_after": sum(s.retry_after for s in samples
                                             if s.status in REJECTED)},
        "rejected_at_proxy": proxy_rejected,
        "rejected_steady": {"n": len(steady), "p50_ms": pct(steady, 50), "p99_ms": pct(steady, 99)},
        "rejected_while_replicas_start": {"n": len(scaling), "p50_ms": pct(scaling, 50),
                                          "p99_ms": pct(scaling, 99)},
        "diffusion_replicas": watch.timeline(started),
        "client_lag": {"p50_ms": pct(lag, 50), "p99_ms": pct(lag, 99), "max_ms": pct(lag, 100)},
        "admitted_p99_over_unloaded_p99": ratio,
        "unexpected_statuses": statuses(other),
        "replicas_died": len(died), "oom_killed": len(oom),
        "goals": {"only_503_429_rejections": not other,
                  "rejections_p99_le_50ms": rejected_p99 is None or rejected_p99 <= 50,
                  "admitted_p99_le_2x_unloaded": ratio is not None and ratio <= 2.0,
                  "no_oom": not oom},
    }


def diffusion_stats() -> dict:
    from ray import serve

    handle = serve.get_deployment_handle("Diffusion", app_name=APP)
    return handle.stats.remote().result(timeout_s=60)


def drill_client_gone(base_url: str, body: dict, p: dict) -> dict:
    """(e) A long generate abandoned by its client stops at the next denoising step."""
    long_body = {**body, "steps": 150, "width": 512, "height": 512, "num_images": 2, "top_k": 1}
    with Client(base_url, timeout=200) as api:
        short = post_generate(api, body)
        before = diffusion_stats().get("cancelled", 0)
        t0 = time.monotonic()
        try:
            with Client(base_url, timeout=p["give_up_s"]) as impatient:
                impatient.generate(**long_body)
            gave_up = False
        except httpx.TimeoutException:
            gave_up = True
        t_gone = time.monotonic()
        after_gone = post_generate(api, body)
        deadline = time.monotonic() + 30
        cancelled = diffusion_stats().get("cancelled", 0) - before
        while cancelled < 1 and time.monotonic() < deadline:
            time.sleep(0.5)
            cancelled = diffusion_stats().get("cancelled", 0) - before
    return {"gave_up_after_s": round(t_gone - t0, 2), "client_gave_up": gave_up,
            "short_generate_ms": round(short.ms), "next_generate_status": after_gone.status,
            "next_generate_ms": round(after_gone.ms), "engine_cancelled": cancelled,
            "goals": {"diffusion_cancelled": cancelled >= 1,
                      "next_generate_ok": after_gone.status == 200}}


def _interrupted_outcome(job: dict, extra: dict) -> dict:
    """The report of a job interrupted by a fault: resumed (and succeeded), or not, with why."""
    state = job.get("state")
    if state == "succeeded":
        return {"resumed": True, "state": state, **extra}
    return {"resumed": False, "state": state,
            "job_error": (job.get("error") or {}).get("type"), **extra}


def _lora_weights(artifacts: Path, lora_id: str) -> dict:
    """The weights of the local tenant's LoRA ``lora_id`` (its public id, as the API gives it:
    stored under the tenant-scoped id)."""
    from safetensors.numpy import load_file

    from facechain.diffusion.lora_io import read_lora
    from serve.auth import LOCAL_TENANT
    from servekit.loras import lora_dir
    from servekit.storage import ArtifactStore, scoped_id

    stored = scoped_id(LOCAL_TENANT, lora_id)
    return load_file(str(read_lora(lora_dir(ArtifactStore(artifacts), stored)).weights_file))


def drill_kill_trainer(base_url: str, artifacts: Path, p: dict, compare: bool) -> dict:
    """(d) SIGKILL the LoraTrainer replica while a job trains."""
    with Client(base_url, timeout=60) as api:
        accepted = start_training(api, p["train_steps"], seed=11)
        job_id = accepted["job_id"]
        running = wait_job(api, job_id, 300, until=lambda j: j["state"] == "running"
                           and (j["progress"] or {}).get("step", 0) >= 2)
        if running.get("state") != "running":
            return {"error": f"job never ran: {running.get('state')}", "job_id": job_id}
        step_at_kill = running["progress"]["step"]
        t_kill = time.monotonic()
        pid = kill_replica("LoraTrainer")
        logger.info("killed LoraTrainer pid %d at step %d", pid, step_at_kill)
        job = wait_job(api, job_id, 600)
        out = _interrupted_outcome(job, {"job_id": job_id, "killed_pid": pid,
                                         "step_at_kill": step_at_kill,
                                         "total_steps": p["train_steps"],
                                         "seconds_to_terminal": round(time.monotonic() - t_kill, 1)})
        if out.get("resumed") and compare:
            reference = start_training(api, p["train_steps"], seed=11)
            ref_job = wait_job(api, reference["job_id"], 900)
            if ref_job.get("state") == "succeeded":
                a = _lora_weights(artifacts, accepted["lora_id"])
                b = _lora_weights(artifacts, reference["lora_id"])
                out["max_abs_diff_vs_uninterrupted"] = max(
                    float(np.abs(a[k].astype(np.float64) - b[k]).max()) for k in a) \
                    if a.keys() == b.keys() else None
    return out


def drill_restart(base_url: str, config: dict, body: dict, jobs: list[str], p: dict) -> dict:
    """(c) serve.shutdown + deploy again on the same job store and artifacts."""
    from ray import serve

    with Client(base_url, timeout=60) as api:
        loras_before = sorted(api.list_loras())
        states_before = {j: api.get_job(j).state for j in jobs}
        interrupted = start_training(api, p["train_steps"] * 4, seed=13)
        running = wait_job(api, interrupted["job_id"], 300,
                           until=lambda j: j["state"] == "running")
    t0 = time.monotonic()
    serve.shutdown()
    deploy(config)
    wait_http(base_url)
    restart_s = round(time.monotonic() - t0, 1)
    with Client(base_url, timeout=200) as api:
        loras_after = sorted(api.list_loras())
        states_after = {j: api.get_job(j).state for j in jobs}
        generate = post_generate(api, body)
        job = wait_job(api, interrupted["job_id"], 600)
    return {
        "restart_s": restart_s, "loras_before": len(loras_before), "loras_after": len(loras_after),
        "loras_kept": set(loras_before) <= set(loras_after),
        "jobs_kept": states_before == states_after, "job_states": states_after,
        "generate_after_restart": generate.status, "generate_after_restart_ms": round(generate.ms),
        "interrupted_job": _interrupted_outcome(job, {"job_id": interrupted["job_id"],
                                                      "state_at_shutdown": running.get("state")}),
        "goals": {"finished_kept": set(loras_before) <= set(loras_after)
                  and states_before == states_after, "generate_ok": generate.status == 200},
    }


# -- main ----------------------------------------------------------------------------------------


def run_drills(graph, drills: list[str], p: dict, compare: bool = False) -> dict:
    """Train the drills' first LoRA on a running local graph (``serve.harness.LocalGraph``, in
    this process's Ray) and run ``drills`` on it; the figures (``train_s``, ``drills``). The
    graph is left running, restarted if ``restart`` ran."""
    result: dict = {}
    base_url, artifacts = graph.base_url, graph.artifacts
    with Client(base_url, timeout=60) as api:
        t0 = time.perf_counter()
        first = start_training(api, steps=3, seed=1)
        job = wait_job(api, first["job_id"], 900)
        if job.get("state") != "succeeded":
            raise RuntimeError(f"training failed: {job}")
        result["train_s"] = round(time.perf_counter() - t0, 1)
    jobs = [first["job_id"]]
    body = {"lora_id": first["lora_id"], "num_images": 1, "top_k": 1, "steps": 3,
            "width": 64, "height": 64, "seed": 7}
    result["drills"] = {}
    for name in drills:
        logger.info("drill %s ...", name)
        t0 = time.perf_counter()
        try:
            if name == "kill_diffusion":
                out = drill_kill_diffusion(base_url, body, p)
            elif name == "overload":
                out = drill_overload(base_url, body, p, graph.metrics_url)
            elif name == "client_gone":
                out = drill_client_gone(base_url, body, p)
            elif name == "kill_trainer":
                out = drill_kill_trainer(base_url, artifacts, p, compare)
            else:
                out = drill_restart(base_url, graph.config, body, jobs, p)
        except Exception as exc:  # a drill that cannot run is a figure too
            logger.exception("drill %s failed", name)
            out = {"error": f"{type(exc).__name__}: {exc}"}
        out["drill_s"] = round(time.perf_counter() - t0, 1)
        result["drills"][name] = out
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", action="store_true", help="a few seconds of each drill")
    parser.add_argument("--drills", default=",".join(DRILLS), help=f"comma list of {DRILLS}")
    parser.add_argument("--config", default=str(ROOT / "configs" / "serve" / "local.yaml"))
    parser.add_argument("--compare", action="store_true", help="(kill_trainer) compare a resumed "
                        "job's LoRA with an uninterrupted run's")
    args = parser.parse_args(argv)
    drills = [d for d in args.drills.split(",") if d]
    unknown = set(drills) - set(DRILLS)
    if unknown:
        parser.error(f"unknown drills {sorted(unknown)}")
    p = PROFILES["short" if args.short else "full"]
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # a log line per request: load-side CPU
    os.environ.setdefault("FACECHAIN_ROOT", str(ROOT))

    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="facechain-chaos-"))
    result: dict = {"mode": "short" if args.short else "full", "profile": p,
                    "machine": {"cpus": os.cpu_count(), "platform": platform.platform()}}
    try:
        with json_stdout(), local_graph(args.config, tmp) as graph:
            result["deploy_s"] = graph.deploy_s
            result.update(run_drills(graph, drills, p, args.compare))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
