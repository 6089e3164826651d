"""``facechain loadtest``: Locust headless against a running server, and its report folder.

Steps: wait (bounded) for the server's GET /readyz; for the ``generate``/``zipf`` scenarios, train
the LoRAs they use (unless ``--lora-ids`` names existing ones); sample the replicas per deployment
from GET /metrics every second into ``replicas.csv`` while Locust runs (``python -m locust``, a
subprocess, with ``loadtests/locustfile.py`` and its ``FacechainShape``); then build the report
(:mod:`loadtests.report`): Locust's CSVs and HTML (``locust_*.csv``, ``locust.html``),
``summary.json``, ``report.html`` and the PNG plots. ``--compare A B`` only writes the page that
puts two report folders side by side.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from . import report

logger = logging.getLogger("facechain.loadtest")

HERE = Path(__file__).resolve().parent
LOCUSTFILE = HERE / "locustfile.py"
PHOTOS_DIR = HERE.parent / "tests" / "fixtures" / "faces"
TRAINING_PHOTOS = ("obama.jpg", "obama2.jpg", "obama3.jpg")
REPLICAS_METRIC = "facechain_deployment_replicas"
TARGET_METRIC = "ray_serve_autoscaling_target_replicas"
OUTPUTS = ("summary.json", "report.html", "locust.html", report.REPLICAS_CSV, *report.PLOTS.values())

def step_plan(args: argparse.Namespace) -> list[tuple[int, float]]:
    """The stages of ``--shape step``: ``--steps`` if given, else 1 user for 20% of the duration,
    ``--users`` for 40%, 1 user for the last 40% (up, then back down)."""
    if args.steps:
        return args.steps
    d = args.duration
    return [(1, round(0.2 * d, 1)), (args.users, round(0.4 * d, 1)), (1, round(d - 0.6 * d, 1))]


def wait_ready(api, timeout_s: float) -> None:
    """GET /readyz (a :class:`facechain.client.Client`) until ready, at most ``timeout_s``."""
    import httpx

    from facechain.client import ApiError

    deadline = time.monotonic() + timeout_s
    last = "no answer"
    while True:
        try:
            ready = api.ready()
            if ready.ready:
                return
            last = f"not ready: {', '.join(ready.unready)}"
        except (ApiError, httpx.HTTPError) as exc:
            last = repr(exc)
        if time.monotonic() > deadline:
            raise SystemExit(f"the server at {api.base_url} is not ready after {timeout_s:.0f}s: {last}")
        time.sleep(1.0)


def train_loras(api, count: int, options: dict, timeout_s: float = 900) -> list[str]:
    """Train ``count`` LoRAs on the fixture photos (one at a time: one trainer replica), through
    a :class:`facechain.client.Client`; their ids. A 429/503 is retried until ``timeout_s``."""
    from facechain.client import ApiError, JobTimeoutError, ServiceUnavailableError, TooManyRequestsError

    photos = [PHOTOS_DIR / n for n in TRAINING_PHOTOS]
    ids = []
    for i in range(count):
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                accepted = api.create_lora(photos, {"seed": i + 1, **options})
                break
            except (TooManyRequestsError, ServiceUnavailableError) as exc:
                if time.monotonic() > deadline:
                    raise SystemExit(f"POST /v1/loras answered {exc}") from None
                time.sleep(2.0)
            except ApiError as exc:
                raise SystemExit(f"POST /v1/loras answered {exc}") from None
        try:
            job = api.wait(accepted.job_id, timeout=max(1.0, deadline - time.monotonic()))
        except JobTimeoutError:
            raise SystemExit(f"training job {accepted.job_id} not done after {timeout_s:.0f}s") from None
        if job.state != "succeeded":
            raise SystemExit(f"training job {accepted.job_id} {job.state}: {job.error}")
        ids.append(accepted.lora_id)
        print(f"trained LoRA {i + 1}/{count}: {accepted.lora_id}", flush=True)
    return ids


def parse_replicas(text: str) -> dict[str, tuple[int, int | None]]:
    """``{deployment: (running, target)}`` from a GET /metrics answer (target None when Serve
    exported none for it: a deployment without autoscaling)."""
    from prometheus_client.parser import text_string_to_metric_families

    running: dict[str, int] = {}
    target: dict[str, int] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            name = sample.labels.get("deployment")
            if name is None:
                continue
            if sample.name == REPLICAS_METRIC:
                running[name] = running.get(name, 0) + int(sample.value)
            elif sample.name == TARGET_METRIC:
                target[name] = int(sample.value)
    return {name: (n, target.get(name)) for name, n in sorted(running.items())}


class ReplicaSampler(threading.Thread):
    """GET /metrics every ``interval_s``; one replicas.csv row per deployment and sample."""

    def __init__(self, host: str, headers: dict, path: Path, interval_s: float = 1.0) -> None:
        super().__init__(daemon=True, name="replica-sampler")
        self.host, self.headers, self.path, self.interval_s = host, headers, path, interval_s
        self.stop_event = threading.Event()
        self.samples = 0
        self.errors: list[str] = []

    def run(self) -> None:
        import httpx

        start = time.time()
        with httpx.Client(base_url=self.host, headers=self.headers, timeout=5.0) as client, \
                self.path.open("w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(report.REPLICAS_COLUMNS)
            while not self.stop_event.is_set():
                t = time.time()
                try:
                    r = client.get("/metrics")
                    r.raise_for_status()
                    for name, (running, target) in parse_replicas(r.text).items():
                        writer.writerow([f"{t:.3f}", f"{t - start:.3f}", name, running,
                                         "" if target is None else target])
                    f.flush()
                    self.samples += 1
                except Exception as exc:  # noqa: BLE001 - a missed sample is recorded, not fatal
                    if len(self.errors) < 20:
                        self.errors.append(f"{t - start:.1f}s: {exc!r}"[:300])
                self.stop_event.wait(max(0.0, self.interval_s - (time.time() - t)))

    def stop(self) -> None:
        self.stop_event.set()
        self.join(timeout=10)


def locust_env(args: argparse.Namespace, lora_ids: list[str]) -> dict[str, str]:
    """The FACECHAIN_* environment of the locustfile for these arguments."""
    env = {"FACECHAIN_SCENARIO": args.scenario, "FACECHAIN_SHAPE": args.shape,
           "FACECHAIN_USERS": str(args.users), "FACECHAIN_SPAWN_RATE": str(args.spawn_rate),
           "FACECHAIN_DURATION_S": str(args.duration), "FACECHAIN_RATE": str(args.rate),
           "FACECHAIN_THINK_S": str(args.think_s), "FACECHAIN_ZIPF_S": str(args.zipf_s),
           "FACECHAIN_LORA_IDS": ",".join(lora_ids)}
    if args.shape == "step":
        env["FACECHAIN_STEPS_PLAN"] = ",".join(f"{u}:{s:g}" for u, s in step_plan(args))
    if args.api_key:
        env["FACECHAIN_API_KEY"] = args.api_key
    if args.lora_options is not None:
        env["FACECHAIN_LORA_OPTIONS"] = json.dumps(args.lora_options)
    return env


def planned_seconds(args: argparse.Namespace) -> float:
    return sum(s for _, s in step_plan(args)) if args.shape == "step" else args.duration


def run(args: argparse.Namespace) -> int:
    """``facechain loadtest``; Locust's exit status (1 when a request really failed)."""
    if args.compare:
        out = Path(args.out) if args.out else Path(args.compare[1]).parent
        path = report.compare(Path(args.compare[0]), Path(args.compare[1]), out)
        print(path)
        return 0
    from facechain.client import ApiError, Client

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for old in list(out.glob(f"{report.PREFIX}_*.csv")) + [out / name for name in OUTPUTS]:
        old.unlink(missing_ok=True)
    host = args.host.rstrip("/")
    headers = {"Authorization": f"Bearer {args.api_key}"} if args.api_key else {}
    trained: list[str] = []
    with Client(host, args.api_key, timeout=300) as client:
        wait_ready(client, args.ready_timeout)
        lora_ids = list(args.lora_ids or [])
        if args.scenario != "journey" and not lora_ids:
            count = args.loras if args.scenario == "zipf" else 1
            trained = lora_ids = train_loras(client, count, args.lora_options or {"steps": 5})
        sampler = ReplicaSampler(host, headers, out / report.REPLICAS_CSV)
        cmd = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", host,
               "--csv", str(out / report.PREFIX), "--csv-full-history", "--html", str(out / "locust.html"),
               "--only-summary", "--loglevel", args.loglevel]
        env = {**os.environ, **locust_env(args, lora_ids)}
        started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        print(f"Locust: scenario {args.scenario}, shape {args.shape}, {planned_seconds(args):g}s "
              f"against {host}; report in {out}", flush=True)
        sampler.start()
        try:
            rc = subprocess.run(cmd, env=env, timeout=planned_seconds(args) + 180).returncode
        except subprocess.TimeoutExpired:
            print("Locust ran past its planned time + 180 s: stopped", file=sys.stderr)
            rc = 124
        finally:
            sampler.stop()
        if trained and not args.keep_loras:
            for lora_id in trained:
                try:
                    client.delete_lora(lora_id)
                except ApiError as exc:
                    logger.warning("could not delete LoRA %s: %s", lora_id, exc)
    meta = {"scenario": args.scenario, "shape": args.shape, "host": host, "users": args.users,
            "spawn_rate": args.spawn_rate, "duration_s": planned_seconds(args), "started_at": started,
            "steps": step_plan(args) if args.shape == "step" else None,
            "rate": args.rate if args.shape == "open" else None,
            "loras": len(lora_ids) if args.scenario != "journey" else None,
            "open_loop": "custom arrival loop (OpenLoopUser)" if args.shape == "open" else None,
            "replica_samples": sampler.samples, "replica_sample_errors": sampler.errors,
            "locust_exit_code": rc}
    summary = report.build_report(out, {k: v for k, v in meta.items() if v is not None}, args.window)
    from .summary import format_text

    print(format_text(summary))
    for name, entry in summary["replicas"].items():
        if entry["min"] != entry["max"] or name == "Diffusion":
            print(f"replicas {name}: {entry['min']}..{entry['max']}, timeline {entry['timeline']}")
    print(f"stable (all figures): {summary['stable']}; report: {out / 'report.html'}")
    return rc
