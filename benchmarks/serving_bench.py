"""What serving costs and buys: the local Ray Serve graph against the library, on the tiny profile.

Starts an embedded local Ray with the app of ``configs/serve/local.yaml`` (free HTTP and metrics
ports; job store and artifacts in a temp dir), trains two face LoRAs through HTTP
(``POST /v1/loras`` with ``{"steps": 3}``, polling ``/v1/jobs/{id}``), then measures in the same run:

1. **HTTP vs library**: ``POST /v1/generate`` against the same call in-process
   (``facechain.pipelines.generate.generate`` with ``LocalComponents()`` on the LoRA folder, same
   parameters and seed, one torch thread as the replicas run). The two are interleaved request by
   request so background load hits both alike. Overhead ratio = HTTP median / library median.
2. **Throughput** at 1, 2, 4, 8 concurrent clients (threads, one ``httpx.Client`` each, no think
   time, ``max(requests, 2 x clients)`` successful requests per level): ok requests/s and latency
   p50/p90; 503s (backpressure) counted apart and retried after a short back-off.
3. **LoRA warm vs cold**: cold = the first request for a LoRA id the Diffusion replica has not
   loaded: the second trained LoRA, then fresh ids (copies of its folder in the artifact store,
   so the replica loads each from disk; after ``MAX_USER_ADAPTERS`` of them the multiplexer evicts
   LRU ones); warm = repeated requests for a loaded LoRA. Interleaved cold, warm, cold, ... The
   Diffusion replica's adapter counters are reported to show the loads really happened.

Prints one JSON object on stdout (Ray's own log lines go to stderr meanwhile); no timing asserts
(the numbers depend on the machine and its load).

    .venv/bin/python benchmarks/serving_bench.py [--requests 8] [--config configs/serve/local.yaml]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import shutil
import socket
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
from serve.cli import deploy, load_config, start_local_ray  # noqa: E402
from serve.schemas import GenerateRequest  # noqa: E402
from servekit.loras import LORAS, lora_dir  # noqa: E402
from servekit.storage import ArtifactStore, new_id, scoped_id  # noqa: E402

logger = logging.getLogger("facechain.bench.serving")

FACES = ROOT / "tests" / "fixtures" / "faces"
PHOTOS = ("obama.jpg", "obama2.jpg", "obama3.jpg")
APP = "facechain"
CONCURRENCY = (1, 2, 4, 8)
REJECTED_BACKOFF_S = 0.2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


def http_vs_library(client: httpx.Client, artifacts: Path, body: dict, n: int) -> dict:
    """The same generation through HTTP and in-process, interleaved, after one warm-up each."""
    import torch

    from facechain.pipelines.generate import generate
    from facechain.pipelines.runtime import LocalComponents

    torch.set_num_threads(1)  # as each replica runs
    lora_id = body["lora_id"]
    params = GenerateRequest(**body).to_params()  # exactly what the ingress passes the pipeline
    components = LocalComponents()
    folder = lora_dir(ArtifactStore(artifacts), scoped_id(LOCAL_TENANT, lora_id))

    def library() -> float:
        started = time.perf_counter()
        generate(folder, params, components, lora_id=lora_id)
        return (time.perf_counter() - started) * 1000

    warm_http, warm_lib = timed_post(client, body)[1], library()  # loads models / the adapter
    http_ms, lib_ms = [], []
    for _ in range(n):
        status, ms = timed_post(client, body)
        if status == 200:
            http_ms.append(ms)
        lib_ms.append(library())
    h, lib = summarize(http_ms), summarize(lib_ms)
    return {"http": h, "library": lib,
            "first_call_ms": {"http": round(warm_http, 1), "library": round(warm_lib, 1)},
            "overhead_ratio": round(h["median_ms"] / lib["median_ms"], 3),
            "overhead_ms": round(h["median_ms"] - lib["median_ms"], 1)}


def throughput(base_url: str, body: dict, clients: int, total: int) -> dict:
    """``clients`` closed-loop threads (no think time) until ``total`` requests succeeded; a 503
    is counted and retried after ``REJECTED_BACKOFF_S`` (a client backing off, not hammering)."""
    lock = threading.Lock()
    left = [total]
    attempts = [10 * total]  # bound: a graph that only rejects still ends
    ok_ms: list[float] = []
    rejected_ms: list[float] = []

    def worker(_: int) -> None:
        with httpx.Client(base_url=base_url, timeout=300) as c:
            while True:
                with lock:
                    if left[0] <= 0 or attempts[0] <= 0:
                        return
                    left[0] -= 1
                    attempts[0] -= 1
                status, ms = timed_post(c, body)
                with lock:
                    if status == 200:
                        ok_ms.append(ms)
                        continue
                    rejected_ms.append(ms)
                    left[0] += 1  # not done: this request is still owed
                time.sleep(REJECTED_BACKOFF_S)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(worker, range(clients)))
    wall = time.perf_counter() - started
    s = summarize(ok_ms)
    sent = len(ok_ms) + len(rejected_ms)
    return {"clients": clients, "ok": len(ok_ms), "rejected_503": len(rejected_ms),
            "rejection_rate": round(len(rejected_ms) / sent, 3) if sent else 0.0,
            "wall_s": round(wall, 2), "ok_requests_per_s": round(len(ok_ms) / wall, 3),
            "p50_ms": s.get("median_ms"), "p90_ms": s.get("p90_ms"),
            "rejected_median_ms": summarize(rejected_ms).get("median_ms")}


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=8,
                        help="requests per measurement (per side / per concurrency level)")
    parser.add_argument("--config", default=str(ROOT / "configs" / "serve" / "local.yaml"))
    parser.add_argument("--num-images", type=int, default=2)
    parser.add_argument("--steps", type=int, default=5, help="denoising steps per request")
    parser.add_argument("--size", type=int, default=64, help="image width and height")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    os.environ.setdefault("FACECHAIN_ROOT", str(ROOT))

    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="facechain-serving-bench-"))
    artifacts = tmp / "artifacts"
    port = _free_port()
    config = load_config(args.config, port=port, overrides={
        "job_store": str(tmp / "jobs.sqlite3"), "artifacts": str(artifacts)})
    result: dict = {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version()},
        "params": {"num_images": args.num_images, "steps": args.steps, "size": args.size,
                   "style": "headshot", "seed": 7, "requests": args.requests,
                   "config": str(args.config), "training_steps": 3},
    }
    # Ray's log monitor prints worker lines on the driver's stdout: send fd 1 to stderr until the
    # JSON is ready, so stdout holds exactly one JSON object.
    sys.stdout.flush()
    real_stdout = os.dup(1)
    os.dup2(2, 1)
    start_local_ray(metrics_port=_free_port(), log_to_driver=False)
    import ray
    from ray import serve

    try:
        logger.info("deploying %s on port %d ...", args.config, port)
        t0 = time.perf_counter()
        deploy(config)
        result["deploy_s"] = round(time.perf_counter() - t0, 1)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=300) as client:
            logger.info("training two LoRAs through HTTP ...")
            loras = train_loras(client, seeds=[1, 2], steps=3)
            result["training"] = loras
            body = {"lora_id": loras[0]["lora_id"], "style": "headshot",
                    "num_images": args.num_images, "top_k": args.num_images,
                    "steps": args.steps, "width": args.size, "height": args.size, "seed": 7}

            logger.info("HTTP vs library ...")
            result["http_vs_library"] = http_vs_library(client, artifacts, body, args.requests)
            logger.info("LoRA cold vs warm ...")
            result["lora_cold_vs_warm"] = cold_vs_warm(client, artifacts, body,
                                                       loras[1]["lora_id"], args.requests)
            logger.info("throughput ...")
            result["throughput"] = [
                throughput(str(client.base_url), body, c, max(args.requests, 2 * c))
                for c in CONCURRENCY]
    finally:
        serve.shutdown()
        ray.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
        sys.stdout.flush()
        os.dup2(real_stdout, 1)
        os.close(real_stdout)
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
