"""What serving costs and buys: the local Ray Serve graph against the library, on the tiny profile.

Starts an embedded local Ray with the app of ``configs/serve/local.yaml`` (free HTTP and metrics
ports; job store and artifacts in a temp dir), trains two face LoRAs through HTTP
(``POST /v1/loras`` with ``{"steps": 3}``, polling ``/v1/jobs/{id}``), then measures in the same run:

1. **HTTP vs library**, side by side: ``POST /v1/generate`` against the same call in-process
   (``facechain.pipelines.generate.generate`` with ``LocalComponents()`` on the LoRA folder, same
   parameters and seed, one torch thread as the replicas run), at 64 and 128 px and N = 1 and 4
   candidates. The two are interleaved request by request so background load hits both alike.
   Ratio = HTTP median / library median; ``overhead_ratio`` is the 64 px, N = 4 one and
   ``overhead_ratio_table`` all four (``{"64": {"1": r, "4": r}, "128": {...}}``).
2. **Hops per generate**: the ingress counts every deployment handle call it makes in
   ``facechain_stage_calls_total{target, method}``; the benchmark reads that counter from the
   ingress's ``GET /metrics`` before and after one generate of N = 1, 4 and 10 candidates
   (polling until the value settles: replicas export every second) and prints the deltas as
   ``hops_per_generate`` (with the per ``target.method`` breakdown in ``hops_detail``). Fusion
   and embedding run only on candidates with a usable face: the tiny model's 64 px candidates
   have none, so there the count is diffuse + template detect + detect_many.
3. **Throughput** at 1, 2, 4, 8 concurrent clients (threads, one ``httpx.Client`` each, no think
   time) at a steady state: each level runs until the Diffusion replicas (Serve's status)
   have held still with none starting for 6 s (the autoscaler's answer to that load; at most
   90 s), then counts what completes in the next ``--window-s`` (15 s): ok requests/s, latency
   p50/p90, the replicas running; 503s (the admission gate) counted apart and retried after a
   short back-off. Beside each served level, the same level in-process: the library pipeline
   (``agenerate`` with one shared ``LocalComponents``, as the ingress shares its components)
   driven by that many concurrent callers on one event loop, in this process, on the same cores
   while the served graph idles, counted over the same window after one warm-up generation per
   caller. ``saturation_throughput_ratio`` = the best served requests/s over the levels / the
   best in-process requests/s over the same levels (each side at its own saturation point).
4. **LoRA warm vs cold**: cold = the first request for a LoRA id the Diffusion replica has not
   loaded: the second trained LoRA, then fresh ids (copies of its folder in the artifact store,
   so the replica loads each from disk; after ``MAX_USER_ADAPTERS`` of them the multiplexer evicts
   LRU ones); warm = repeated requests for a loaded LoRA. Interleaved cold, warm, cold, ... The
   Diffusion replica's adapter counters are reported to show the loads really happened.
5. **FaceChain's serving style**: upstream builds every pipeline inside each request; here a
   fresh ``LocalComponents`` per request (all models loaded, used once, dropped) against the warm
   served graph, interleaved; ``reload_per_request_ratio`` = its median / ours.
6. **LoRA affinity** (``--no-affinity`` skips it): ``benchmarks/affinity_bench.py`` in a child
   process, on its own graph with 2 Diffusion replicas; ``affinity_hit_rate``,
   ``pooled_lru_hit_rate``, ``random_routing_hit_rate``, ``cold_lora_ms`` and
   ``warm_switch_fraction`` copied to the top level, its whole JSON under ``affinity_bench``
   (where ``reload_per_request_ratio`` is the diffusion-only form of 5).

Prints one JSON object on stdout (Ray's own log lines go to stderr meanwhile); no timing asserts
(the numbers depend on the machine and its load).

    .venv/bin/python benchmarks/serving_bench.py [--requests 6] [--config configs/serve/local.yaml]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `serve`, `deployments`, `servekit` when run as a script

from serve.auth import LOCAL_TENANT  # noqa: E402
from serve.harness import json_stdout, local_graph  # noqa: E402
from serve.schemas import GenerateRequest  # noqa: E402
from servekit.loras import LORAS, lora_dir  # noqa: E402
from servekit.metrics import STAGE_CALLS  # noqa: E402
from servekit.status import serve_status  # noqa: E402
from servekit.storage import ArtifactStore, new_id, scoped_id  # noqa: E402

logger = logging.getLogger("facechain.bench.serving")

FACES = ROOT / "tests" / "fixtures" / "faces"
PHOTOS = ("obama.jpg", "obama2.jpg", "obama3.jpg")
APP = "facechain"
CONCURRENCY = (1, 2, 4, 8)
SIZES = (64, 128)  # px, the side-by-side table
TABLE_CANDIDATES = (1, 4)
HOP_CANDIDATES = (1, 4, 10)
REJECTED_BACKOFF_S = 0.2
SETTLE_HOLD_S = 6.0  # a throughput level starts counting once the Diffusion replicas held this long
MAX_SETTLE_S = 90.0  # ... or after this much load at the level (a replica that never starts)


def summarize(ms: list[float]) -> dict:
    """n, median, p90, mean and min of latencies in milliseconds."""
    if not ms:
        return {"n": 0}
    a = np.asarray(ms, dtype=float)
    return {"n": len(ms), "median_ms": round(float(np.median(a)), 1),
            "p90_ms": round(float(np.percentile(a, 90)), 1), "mean_ms": round(float(a.mean()), 1),
            "min_ms": round(float(a.min()), 1)}


def train_loras(client: httpx.Client, seeds: list[int], steps: int, timeout_s: float = 900) -> list[dict]:
    """Queue one training per seed (all at once; the runner trains one at a time) and wait."""
    files = [("photos", (n, (FACES / n).read_bytes(), "image/jpeg")) for n in PHOTOS]
    jobs = []
    for seed in seeds:
        r = client.post("/v1/loras", files=files,
                        data={"options": json.dumps({"steps": steps, "seed": seed})})
        r.raise_for_status()
        jobs.append({**r.json(), "queued_at": time.perf_counter()})
    deadline = time.monotonic() + timeout_s
    pending = list(jobs)
    while pending:
        if time.monotonic() > deadline:
            raise TimeoutError(f"training jobs not done after {timeout_s:.0f}s: {pending}")
        for job in list(pending):
            state = client.get(job["status_url"]).json()
            if state["state"] in ("succeeded", "failed", "cancelled"):
                if state["state"] != "succeeded":
                    raise RuntimeError(f"training job {job['job_id']} {state['state']}: {state['error']}")
                job["seconds_from_queued"] = round(time.perf_counter() - job["queued_at"], 2)
                pending.remove(job)
        time.sleep(0.5)
    return [{"lora_id": j["lora_id"], "job_id": j["job_id"],
             "seconds_from_queued": j["seconds_from_queued"]} for j in jobs]


def timed_post(client: httpx.Client, body: dict) -> tuple[int, float]:
    started = time.perf_counter()
    r = client.post("/v1/generate", json=body)
    ms = (time.perf_counter() - started) * 1000
    if r.status_code not in (200, 503):
        raise RuntimeError(f"POST /v1/generate answered {r.status_code}: {r.text[:300]}")
    return r.status_code, ms


class Library:
    """The in-process side: one ``LocalComponents`` (models built once) and the LoRA folders."""

    def __init__(self, artifacts: Path):
        import torch

        from facechain.pipelines.generate import TemplateFaces
        from facechain.pipelines.runtime import LocalComponents

        torch.set_num_threads(1)  # as each replica runs
        self.store = ArtifactStore(artifacts)
        self.components = LocalComponents()
        self.template_faces = TemplateFaces()  # as the ingress keeps one beside its components

    def call(self, body: dict):
        """(params, folder, lora id) of what the ingress would run for ``body``."""
        params = GenerateRequest(**body).to_params()  # exactly what the ingress passes the pipeline
        folder = lora_dir(self.store, scoped_id(LOCAL_TENANT, body["lora_id"]))
        return params, folder, body["lora_id"]

    async def agenerate(self, body: dict):
        from facechain.pipelines.generate import agenerate

        params, folder, lora_id = self.call(body)
        return await agenerate(folder, params, self.components, lora_id=lora_id,
                               template_faces=self.template_faces)

    def timed(self, body: dict) -> float:
        started = time.perf_counter()
        asyncio.run(self.agenerate(body))
        return (time.perf_counter() - started) * 1000


def http_vs_library(client: httpx.Client, library: Library, body: dict, n: int) -> dict:
    """The same generation through HTTP and in-process, interleaved, after one warm-up each."""
    warm_http, warm_lib = timed_post(client, body)[1], library.timed(body)  # models, the adapter
    http_ms, lib_ms = [], []
    for _ in range(n):
        status, ms = timed_post(client, body)
        if status == 200:
            http_ms.append(ms)
        lib_ms.append(library.timed(body))
    h, lib = summarize(http_ms), summarize(lib_ms)
    return {"http": h, "library": lib,
            "first_call_ms": {"http": round(warm_http, 1), "library": round(warm_lib, 1)},
            "overhead_ratio": round(h["median_ms"] / lib["median_ms"], 3),
            "overhead_ms": round(h["median_ms"] - lib["median_ms"], 1)}


def side_by_side(client: httpx.Client, library: Library, body: dict, n: int) -> dict:
    """:func:`http_vs_library` at each size x candidate count; keys ``"<size>px_n<N>"``."""
    rows = {}
    for size in SIZES:
        for k in TABLE_CANDIDATES:
            rows[f"{size}px_n{k}"] = http_vs_library(
                client, library, {**body, "num_images": k, "top_k": k, "width": size,
                                  "height": size}, n)
    return rows


def stage_calls(client: httpx.Client) -> dict[str, float]:
    """``facechain_stage_calls_total`` from the ingress's ``/metrics``, by ``target.method``."""
    from prometheus_client.parser import text_string_to_metric_families

    out: dict[str, float] = {}
    for family in text_string_to_metric_families(client.get("/metrics").text):
        for sample in family.samples:
            if sample.name == STAGE_CALLS.exported_name:
                key = f"{sample.labels.get('target')}.{sample.labels.get('method')}"
                out[key] = out.get(key, 0.0) + sample.value
    return out


def settled_calls(client: httpx.Client, before: dict[str, float], timeout_s: float = 30.0,
                  poll_s: float = 0.5, stable_polls: int = 4) -> dict[str, float]:
    """The counter once it moved past ``before`` and held still for ``stable_polls`` reads
    (replicas export every second)."""
    deadline = time.monotonic() + timeout_s
    last, same = None, 0
    while time.monotonic() < deadline:
        now = stage_calls(client)
        if now != before:
            same = same + 1 if now == last else 0
            if same >= stable_polls:
                return now
        last = now
        time.sleep(poll_s)
    raise TimeoutError(f"facechain_stage_calls_total did not settle in {timeout_s:.0f}s")


def hops_per_generate(client: httpx.Client, body: dict) -> tuple[dict, dict]:
    """Handle calls the ingress made for one generate of N candidates, from the counter delta:
    ``({"1": n, ...}, {"1": {"FaceDetection.detect_many": 1, ...}, ...})``."""
    timed_post(client, {**body, "num_images": 1, "top_k": 1})  # settle any earlier traffic
    before = settled_calls(client, {})
    totals, detail = {}, {}
    for k in HOP_CANDIDATES:
        status, _ = timed_post(client, {**body, "num_images": k, "top_k": k})
        if status != 200:
            raise RuntimeError(f"generate of {k} candidates answered {status}")
        after = settled_calls(client, before)
        delta = {key: after.get(key, 0.0) - before.get(key, 0.0) for key in after}
        detail[str(k)] = {key: int(v) for key, v in sorted(delta.items()) if v}
        totals[str(k)] = int(sum(delta.values()))
        before = after
    return totals, detail


def diffusion_replicas() -> dict[str, int]:
    """The Diffusion deployment's replicas by state, from Serve's status (this process is the
    graph's Ray driver; :func:`servekit.status.serve_status`, which costs this process ~1 ms per
    poll where ``serve.status()`` costs ~0.2 s of CPU beside the graph it measures)."""
    app = serve_status().applications.get("facechain")
    deployment = app.deployments.get("Diffusion") if app else None
    return dict(deployment.replica_states) if deployment else {}


def settled(timeline: list[tuple[float, dict[str, int]]], since: float, hold_s: float) -> bool:
    """Whether the replica states sampled in ``timeline`` have been the same, with none
    starting, for the last ``hold_s`` seconds (and at least since ``since``)."""
    if not timeline or timeline[-1][0] - since < hold_s:
        return False
    now, last = timeline[-1]
    if set(last) - {"RUNNING"}:
        return False
    return all(states == last for t, states in timeline if t >= now - hold_s)


def throughput(base_url: str, body: dict, clients: int, window_s: float,
               settle_s: float = SETTLE_HOLD_S, max_settle_s: float = MAX_SETTLE_S) -> dict:
    """``clients`` closed-loop threads (no think time) at a steady state: they run until the
    Diffusion replicas have held still, none starting, for ``settle_s`` (the autoscaler reacts to
    this load; at most ``max_settle_s``), then for ``window_s`` more; the figures count what
    completed inside that window. A 503 is counted and retried after ``REJECTED_BACKOFF_S`` (a
    client backing off, not hammering)."""
    stop = threading.Event()
    lock = threading.Lock()
    done: list[tuple[float, int, float]] = []  # (ended, status, ms)

    def worker(_: int) -> None:
        with httpx.Client(base_url=base_url, timeout=300) as c:
            while not stop.is_set():
                status, ms = timed_post(c, body)
                with lock:
                    done.append((time.perf_counter(), status, ms))
                if status != 200:
                    time.sleep(REJECTED_BACKOFF_S)

    started = time.perf_counter()
    timeline: list[tuple[float, dict[str, int]]] = []
    with ThreadPoolExecutor(max_workers=clients) as pool:
        futures = [pool.submit(worker, i) for i in range(clients)]
        while time.perf_counter() - started < max_settle_s:
            timeline.append((time.perf_counter(), diffusion_replicas()))
            if settled(timeline, started, settle_s):
                break
            time.sleep(0.5)
        window_start = time.perf_counter()
        time.sleep(window_s)
        window_end = time.perf_counter()
        replicas = diffusion_replicas()
        stop.set()
        for f in futures:
            f.result()
    in_window = [(status, ms) for ended, status, ms in done if window_start <= ended < window_end]
    ok_ms = [ms for status, ms in in_window if status == 200]
    rejected_ms = [ms for status, ms in in_window if status != 200]
    s = summarize(ok_ms)
    return {"clients": clients, "settle_s": round(window_start - started, 1),
            "window_s": round(window_end - window_start, 2),
            "diffusion_replicas": replicas.get("RUNNING", 0),
            "ok": len(ok_ms), "rejected_503": len(rejected_ms),
            "rejection_rate": round(len(rejected_ms) / len(in_window), 3) if in_window else 0.0,
            "ok_requests_per_s": round(len(ok_ms) / (window_end - window_start), 3),
            "p50_ms": s.get("median_ms"), "p90_ms": s.get("p90_ms"),
            "rejected_median_ms": summarize(rejected_ms).get("median_ms")}


def library_throughput(library: Library, body: dict, clients: int, window_s: float) -> dict:
    """``clients`` concurrent callers of the library pipeline on one event loop (closed loop, no
    think time): one warm-up generation each, then what completes in ``window_s``."""
    done: list[tuple[float, float]] = []  # (ended, ms)

    async def drive() -> tuple[float, float]:
        window: list[float] = []

        async def worker() -> None:
            while not window or time.perf_counter() < window[0] + window_s:
                started = time.perf_counter()
                await library.agenerate(body)
                done.append((time.perf_counter(), (time.perf_counter() - started) * 1000))

        async def clock() -> None:
            while len(done) < clients:  # every caller through one generation: the warm-up
                await asyncio.sleep(0.01)
            window.append(time.perf_counter())

        await asyncio.gather(clock(), *(worker() for _ in range(clients)))
        return window[0], window[0] + window_s

    window_start, window_end = asyncio.run(drive())
    ms = [m for ended, m in done if window_start <= ended < window_end]
    s = summarize(ms)
    return {"clients": clients, "ok": len(ms), "window_s": round(window_end - window_start, 2),
            "ok_requests_per_s": round(len(ms) / (window_end - window_start), 3),
            "p50_ms": s.get("median_ms"), "p90_ms": s.get("p90_ms")}


def diffusion_stats() -> dict:
    from ray import serve

    handle = serve.get_deployment_handle("Diffusion", app_name=APP)
    stats = handle.stats.remote().result(timeout_s=60)
    for key in ("loaded", "held", "multiplexed"):  # adapter names -> how many
        stats[key] = len(stats.get(key, []))
    return stats


def cold_vs_warm(client: httpx.Client, artifacts: Path, body: dict, cold_lora: str, n: int) -> dict:
    """Cold: first request per never-loaded LoRA id (``cold_lora``, then copies of its folder under
    fresh ids); warm: ``cold_lora`` again once loaded. Same parameters and seed for both."""
    before = diffusion_stats()
    cold_ids = [cold_lora]
    store = ArtifactStore(artifacts)
    for _ in range(n - 1):
        copy_id = new_id()
        store.put_dir(LORAS, scoped_id(LOCAL_TENANT, copy_id),  # loopback tenant's storage ids
                      lora_dir(store, scoped_id(LOCAL_TENANT, cold_lora)))
        cold_ids.append(copy_id)
    cold_ms, warm_ms = [], []
    for lora_id in cold_ids:
        status, ms = timed_post(client, {**body, "lora_id": lora_id})
        if status == 200:
            cold_ms.append(ms)
        status, ms = timed_post(client, {**body, "lora_id": cold_lora})
        if status == 200:
            warm_ms.append(ms)
    after = diffusion_stats()
    c, w = summarize(cold_ms), summarize(warm_ms)
    return {"cold": c, "warm": w,
            "cold_minus_warm_median_ms": round(c["median_ms"] - w["median_ms"], 1),
            "adapter_loads": after["adapter_loads"] - before["adapter_loads"],
            "adapter_hits": after["adapter_hits"] - before["adapter_hits"],
            "adapter_evictions": after["adapter_evictions"] - before["adapter_evictions"],
            "adapters_loaded_at_end": after["loaded"]}


def reload_per_request(client: httpx.Client, library: Library, body: dict, n: int) -> dict:
    """FaceChain's own serving style against ours, same request, interleaved: upstream's
    ``GenPortrait`` builds its pipelines inside each call (``from_pretrained`` of the base model,
    the LoRA, and the face quality / fusion / recognition pipelines), so here each request gets a
    fresh ``LocalComponents`` (every model loaded again, then dropped) in this process; ours is
    the same ``POST /v1/generate`` to the warm served graph."""
    import gc

    from facechain.pipelines.generate import agenerate
    from facechain.pipelines.runtime import LocalComponents

    params, folder, lora_id = library.call(body)
    reload_ms, served_ms = [], []
    for _ in range(n):
        started = time.perf_counter()
        asyncio.run(agenerate(folder, params, LocalComponents(), lora_id=lora_id))
        gc.collect()
        reload_ms.append((time.perf_counter() - started) * 1000)
        status, ms = timed_post(client, body)
        if status == 200:
            served_ms.append(ms)
    r, w = summarize(reload_ms), summarize(served_ms)
    return {"reload_per_request": r, "served_warm": w,
            "ratio": round(r["median_ms"] / w["median_ms"], 2) if w["n"] else None}


AFFINITY_KEYS = ("affinity_hit_rate", "pooled_lru_hit_rate", "random_routing_hit_rate",
                 "cold_lora_ms", "warm_switch_fraction")


def affinity(config: str) -> dict:
    """benchmarks/affinity_bench.py in its own process (its own graph, 2 Diffusion replicas: one
    graph per process): its headline keys at the top level, its whole JSON under
    ``affinity_bench``."""
    logger.info("affinity_bench.py (LoRA routing, cold loads) ...")
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "affinity_bench.py"),
                           "--config", config], capture_output=True, text=True, timeout=1800,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    if proc.returncode != 0:
        return {"affinity_bench": {"error": proc.stderr[-2000:]}}
    bench = json.loads(proc.stdout)
    return {**{k: bench.get(k) for k in AFFINITY_KEYS}, "affinity_bench": bench}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=6,
                        help="requests per measurement (per side / per concurrency level)")
    parser.add_argument("--config", default=str(ROOT / "configs" / "serve" / "local.yaml"))
    parser.add_argument("--num-images", type=int, default=4,
                        help="candidates per request (throughput, cold vs warm)")
    parser.add_argument("--steps", type=int, default=5, help="denoising steps per request")
    parser.add_argument("--size", type=int, default=64, help="image width and height")
    parser.add_argument("--window-s", type=float, default=15.0,
                        help="seconds each throughput level is counted, after it settled")
    parser.add_argument("--no-affinity", action="store_true",
                        help="skip benchmarks/affinity_bench.py (its own graph, ~6 min)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    os.environ.setdefault("FACECHAIN_ROOT", str(ROOT))

    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="facechain-serving-bench-"))
    result: dict = {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version()},
        "params": {"num_images": args.num_images, "steps": args.steps, "size": args.size,
                   "style": "headshot", "seed": 7, "requests": args.requests,
                   "config": str(args.config), "training_steps": 3},
    }
    try:
        with json_stdout(), local_graph(args.config, tmp) as graph, \
                httpx.Client(base_url=graph.base_url, timeout=300) as client:
            result["deploy_s"] = graph.deploy_s
            logger.info("training two LoRAs through HTTP ...")
            loras = train_loras(client, seeds=[1, 2], steps=3)
            result["training"] = loras
            body = {"lora_id": loras[0]["lora_id"], "style": "headshot",
                    "num_images": args.num_images, "top_k": args.num_images,
                    "steps": args.steps, "width": args.size, "height": args.size, "seed": 7}
            library = Library(graph.artifacts)
            result.update(measure(client, library, graph.artifacts, body, loras, args.requests,
                                  args.window_s))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if not args.no_affinity:
        result.update(affinity(args.config))
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=2))
    return 0


def measure(client: httpx.Client, library: Library, artifacts: Path, body: dict,
            loras: list[dict], requests: int, window_s: float = 15.0) -> dict:
    """Every measurement against the deployed app; the top-level keys of the JSON."""
    result: dict = {}
    logger.info("HTTP vs library, side by side ...")
    table = side_by_side(client, library, body, requests)
    result["http_vs_library"] = table
    result["overhead_ratio_table"] = {
        str(size): {str(k): table[f"{size}px_n{k}"]["overhead_ratio"] for k in TABLE_CANDIDATES}
        for size in SIZES}
    result["overhead_ratio"] = result["overhead_ratio_table"]["64"]["4"]
    logger.info("hops per generate ...")
    try:
        result["hops_per_generate"], result["hops_detail"] = hops_per_generate(
            client, {**body, "width": 64, "height": 64})
    except TimeoutError as exc:  # an app without the counter
        result["hops_per_generate"], result["hops_detail"] = None, str(exc)
    logger.info("LoRA cold vs warm ...")
    result["lora_cold_vs_warm"] = cold_vs_warm(client, artifacts, body, loras[1]["lora_id"],
                                               requests)
    logger.info("FaceChain's per-request pipelines against ours ...")
    reload = reload_per_request(client, library, body, max(3, requests // 2))
    result["reload_per_request"] = reload
    result["reload_per_request_ratio"] = reload["ratio"]
    logger.info("throughput, served and in-process ...")
    served, local = [], []
    for c in CONCURRENCY:
        served.append(throughput(str(client.base_url), body, c, window_s))
        local.append(library_throughput(library, body, c, window_s))
    result["throughput"] = served
    result["library_throughput"] = local
    best_served = max(level["ok_requests_per_s"] for level in served)
    best_local = max(level["ok_requests_per_s"] for level in local)
    result["saturation_throughput_ratio"] = round(best_served / best_local, 3)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
