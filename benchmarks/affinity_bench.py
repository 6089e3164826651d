"""LoRA-affinity routing and the cost of a user's first request, on the tiny profile.

Top-level keys of the JSON (issue 11 contracts):

- ``affinity_hit_rate``: warm-hit rate of face LoRAs under a Zipf(1.1) mix of 50 users over 2
  Diffusion replicas of the served graph (``configs/serve/local.yaml`` with Diffusion's
  ``num_replicas`` overridden to 2 in memory, :func:`with_diffusion_replicas`), each holding
  ``MAX_USER_ADAPTERS`` (8) face LoRAs. Requests go one after the other straight to the
  Diffusion handle with their LoRA's storage id as multiplexed model id (as
  ``servekit.adapters.ServedComponents.diffuse`` routes them), 2 steps at 64 px. Hits and misses
  are the replicas' own counters (``ray_facechain_lora_adapter_events_total{event="hit"|"miss"}``
  scraped from Ray's metrics agent), deltas over the measured part of the sequence. Routed by
  the deployment's own request router (``servekit.loras.LoraAffinityRouter``); the same sequence
  under Serve's built-in multiplexed routing (``PowerOfTwoChoicesRequestRouter``, a config
  override and a redeploy, fresh LoRA ids) is ``serve_default_routing``, measured last in the
  same run from a Ray task (a process caches its router per deployment, so the driver's handle
  would keep the first one).
- ``pooled_lru_hit_rate``: one LRU of 16 slots on the same sequence (simulated);
  ``random_routing_hit_rate``: each request to a uniformly random one of 2 LRUs of 8 (simulated,
  fixed seed). The first ``warmup`` requests fill the caches and are not counted, in the
  simulations as on the replicas.
- ``cold_lora_ms``: the first request for a LoRA a replica does not hold, on an idle replica:
  ``Diffusion.load_adapter`` through the handle for never-seen ids (copies of the trained LoRA's
  folder under fresh ids), median; includes the multiplexer evicting its LRU adapter and the
  handle hop.
- ``reload_per_request_ratio``: FaceChain's own serving style (every request builds the whole
  pipeline: ``from_pretrained`` of the base model, ``load_lora_weights``, generate, discard; in
  this process, one torch thread as a replica runs) over ours (the same request to a warm served
  replica), medians.

Also measured: the warm switch (generations alternating two loaded adapters against one
adapter repeated, in-process engine) as a fraction of one generation; an adapter load while a
generation runs against one on an idle engine (the engine runs loads between denoising steps,
``facechain.diffusion.engine``); and ``@serve.batch`` with several users' adapters (below).

``@serve.batch`` and adapter mixing. One pipeline call runs one active adapter set (peft's
``set_adapters`` is state of the whole UNet), so a batch never mixes adapters:
``DiffusionEngine.run_batch`` splits a ``serve.batch`` batch into one pipeline call per adapter
set (``batch_key``). ``batch_mixing`` measures what a batch of 4 requests costs when they share
one adapter (one call of 4) and when they are 2 users (two calls of 2), against 4 single calls.
Measured (2 cores shared with other jobs, tiny model, 64 px, 2 steps, medians of 3): one user
127 ms, two users 199 ms (two calls of 2), four single calls 345 ms; the split batch is still
1.7x the single calls, so batching stays on and adapter-homogeneous. Mixing two users in one call
would need per-sample adapters in the UNet, which diffusers' ``set_adapters`` does not offer.

The hit-rate metric: the counters above, per replica (Serve's ``replica`` tag); Prometheus
computes the rate (:data:`servekit.metrics.LORA_HIT_RATE_PROMQL`), no gauge.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/affinity_bench.py [--requests 220] [--warmup 50]

Prints one JSON object on stdout; no timing asserts.
"""

from __future__ import annotations

import argparse
import copy
import json
import logging
import os
import platform
import random
import shutil
import sys
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `serve`, `deployments`, `servekit` when run as a script

logger = logging.getLogger("facechain.bench.affinity")

APP = "facechain"
USERS = 50
ZIPF_S = 1.1
REPLICAS = 2
SLOTS = 8  # deployments.diffusion.MAX_USER_ADAPTERS (checked in main)
EVENTS = "ray_facechain_lora_adapter_events_total"


# -- the request mix and the two simulated baselines -------------------------------------------


def zipf_sequence(users: int, n: int, s: float = ZIPF_S, seed: int = 0) -> list[int]:
    """``n`` user indices in ``0..users-1``; user ``k`` (0 = most popular) is drawn with
    probability proportional to ``1 / (k + 1) ** s`` (a Zipf law truncated to ``users``)."""
    if users < 1 or n < 0:
        raise ValueError("users must be >= 1 and n >= 0")
    weights = 1.0 / np.arange(1, users + 1, dtype=float) ** s
    rng = np.random.default_rng(seed)
    return rng.choice(users, size=n, p=weights / weights.sum()).tolist()


def _lru_access(cache: OrderedDict, key, slots: int) -> bool:
    """One access to an LRU of ``slots``: True on a hit; a miss inserts (evicting the LRU)."""
    if key in cache:
        cache.move_to_end(key)
        return True
    cache[key] = None
    if len(cache) > slots:
        cache.popitem(last=False)
    return False


def _rate(hits: Sequence[bool], warmup: int) -> float:
    counted = hits[warmup:]
    return sum(counted) / len(counted) if counted else 0.0


def pooled_lru_hits(sequence: Sequence, slots: int) -> list[bool]:
    """Hit or miss of each request in one LRU of ``slots`` entries."""
    cache: OrderedDict = OrderedDict()
    return [_lru_access(cache, key, slots) for key in sequence]


def random_routing_hits(sequence: Sequence, replicas: int, slots: int, seed: int = 0,
                        choices: Sequence[int] | None = None) -> list[bool]:
    """Hit or miss of each request sent to a random one of ``replicas`` LRUs of ``slots``
    (``choices``: the replica of each request, instead of drawing them with ``seed``)."""
    if choices is None:
        rng = random.Random(seed)
        choices = [rng.randrange(replicas) for _ in sequence]
    caches = [OrderedDict() for _ in range(replicas)]
    return [_lru_access(caches[r], key, slots) for key, r in zip(sequence, choices, strict=True)]


def placed_hits(sequence: Sequence, replicas: int, slots: int) -> list[bool]:
    """Hit or miss of each request routed by :func:`servekit.loras.place_lora` with an exact
    record of the replicas' LRUs (one caller, requests one at a time): the
    :class:`servekit.loras.LoraAffinityRouter` policy."""
    from servekit.loras import place_lora

    caches = {r: OrderedDict() for r in range(replicas)}
    hits = []
    for t, key in enumerate(sequence):
        [r] = place_lora(key, list(caches), caches, {}, slots)[:1]
        hits.append(key in caches[r])
        caches[r].pop(key, None)
        caches[r][key] = float(t)
        if len(caches[r]) > slots:
            caches[r].popitem(last=False)
    return hits


def pooled_lru_hit_rate(sequence: Sequence, slots: int, warmup: int = 0) -> float:
    return _rate(pooled_lru_hits(sequence, slots), warmup)


def random_routing_hit_rate(sequence: Sequence, replicas: int, slots: int, warmup: int = 0,
                            seed: int = 0) -> float:
    return _rate(random_routing_hits(sequence, replicas, slots, seed), warmup)


# -- the served graph ------------------------------------------------------------------------------


def with_diffusion_replicas(config: dict, replicas: int) -> dict:
    """A copy of a Serve config dict (``serve.cli.load_config``) whose Diffusion deployment
    runs ``replicas`` replicas (fixed: no autoscaling)."""
    config = copy.deepcopy(config)
    found = False
    for application in config.get("applications", []):
        for deployment in application.get("deployments", []):
            if deployment.get("name") == "Diffusion":
                deployment.pop("autoscaling_config", None)
                deployment["num_replicas"] = replicas
                found = True
    if not found:
        raise ValueError("the config has no Diffusion deployment")
    return config


SERVE_DEFAULT_ROUTER = "ray.serve._private.request_router:PowerOfTwoChoicesRequestRouter"


def with_diffusion_router(config: dict, router: str) -> dict:
    """A copy of a Serve config dict whose Diffusion deployment uses request router ``router``
    (an import path) instead of the deployment's own."""
    config = copy.deepcopy(config)
    for application in config.get("applications", []):
        for deployment in application.get("deployments", []):
            if deployment.get("name") == "Diffusion":
                deployment["request_router_config"] = {"request_router_class": router}
    return config


def lora_events(metrics_url: str) -> dict[str, dict[str, float]]:
    """The replicas' adapter events from Ray's metrics agent: event -> replica -> count."""
    import httpx
    from prometheus_client.parser import text_string_to_metric_families

    text = httpx.get(metrics_url, timeout=10).text
    out: dict[str, dict[str, float]] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == EVENTS and sample.labels.get("deployment") == "Diffusion":
                per = out.setdefault(sample.labels.get("event", ""), {})
                replica = sample.labels.get("replica", "")
                per[replica] = per.get(replica, 0.0) + sample.value
    return out


def _total(events: dict, event: str) -> float:
    return sum(events.get(event, {}).values())


def _events_delta(metrics_url: str, before: dict, expected: int, timeout_s: float = 60) -> dict:
    """Poll until the hits and misses since ``before`` add up to ``expected`` (metrics reach
    the agent about every second)."""
    deadline = time.monotonic() + timeout_s
    while True:
        now = lora_events(metrics_url)
        delta = {e: {r: v - before.get(e, {}).get(r, 0.0) for r, v in per.items()}
                 for e, per in now.items()}
        seen = _total(delta, "hit") + _total(delta, "miss")
        if seen >= expected or time.monotonic() > deadline:
            return delta
        time.sleep(0.5)


def _request(prompt: str, adapters: tuple, steps: int, size: int, seed: int = 7):
    from facechain.diffusion.engine import DiffusionRequest

    return DiffusionRequest(prompt=prompt, adapters=adapters, steps=steps, width=size,
                            height=size, seed=seed, num_images=1)


def _face(store, storage_id: str):
    from facechain.diffusion.engine import AdapterRef
    from servekit.loras import lora_dir

    return AdapterRef.face(storage_id, lora_dir(store, storage_id))


def copy_loras(store, source_id: str, n: int) -> list[str]:
    """``n`` storage ids whose folders are copies of ``source_id``'s (distinct adapters to the
    replicas, which load each from disk)."""
    from serve.auth import LOCAL_TENANT
    from servekit.loras import LORAS, lora_dir
    from servekit.storage import new_id, scoped_id

    ids = []
    for _ in range(n):
        storage_id = scoped_id(LOCAL_TENANT, new_id())
        store.put_dir(LORAS, storage_id, lora_dir(store, source_id))
        ids.append(storage_id)
    return ids


def served_affinity(handle, store, user_ids: list[str], sequence: list[int], warmup: int,
                    metrics_url: str, steps: int, size: int) -> dict:
    """The sequence through the Diffusion handle, one request at a time; hit rate of the
    measured part from the replicas' counters."""
    def call(user: int) -> None:
        storage_id = user_ids[user]
        request = _request(f"portrait of user {user}", (_face(store, storage_id),), steps, size)
        handle.options(multiplexed_model_id=storage_id).diffuse.remote(request).result(
            timeout_s=300)

    started = time.perf_counter()
    for user in sequence[:warmup]:
        call(user)
    time.sleep(2.5)  # let the warm-up's last events reach the agent
    before = lora_events(metrics_url)
    measured = sequence[warmup:]
    t0 = time.perf_counter()
    for user in measured:
        call(user)
    wall = time.perf_counter() - t0
    delta = _events_delta(metrics_url, before, len(measured))
    hits, misses = _total(delta, "hit"), _total(delta, "miss")
    per_replica = {r: {"hit": int(delta.get("hit", {}).get(r, 0)),
                       "miss": int(delta.get("miss", {}).get(r, 0))}
                   for r in sorted(set(delta.get("hit", {})) | set(delta.get("miss", {})))}
    return {"router": _router_class(handle),
            "hit_rate": round(hits / (hits + misses), 4) if hits + misses else None,
            "hits": int(hits), "misses": int(misses), "requests": len(measured),
            "loads": int(_total(delta, "load")), "evictions": int(_total(delta, "eviction")),
            "per_replica": per_replica, "measured_s": round(wall, 1),
            "seconds": round(time.perf_counter() - started, 1)}


def _affinity_task(artifacts: str, user_ids: list[str], sequence: list[int], warmup: int,
                   metrics_url: str, steps: int, size: int) -> dict:
    """:func:`served_affinity` in a Ray task: its own process, so its own handle and router."""
    from ray import serve

    from servekit.storage import ArtifactStore

    return served_affinity(serve.get_deployment_handle("Diffusion", app_name=APP),
                           ArtifactStore(artifacts), user_ids, sequence, warmup, metrics_url,
                           steps, size)


def _router_class(handle) -> str | None:
    """The request router class this process's handle routes with (Serve internals, 2.60)."""
    router = getattr(getattr(handle, "_router", None), "_asyncio_router", None)
    request_router = getattr(router, "request_router", None)
    return type(request_router).__name__ if request_router is not None else None


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _median_ms(values: list[float]) -> float:
    return _ms(float(np.median(values)))


def served_cold_loads(handle, store, source_id: str, n: int) -> dict:
    """``load_adapter`` for ``n`` never-seen LoRA ids on idle replicas, one after the other."""
    ids = copy_loras(store, source_id, n)
    times = []
    for storage_id in ids:
        t0 = time.perf_counter()
        handle.options(multiplexed_model_id=storage_id).load_adapter.remote().result(timeout_s=300)
        times.append(time.perf_counter() - t0)
    return {"n": n, "median_ms": _median_ms(times), "min_ms": _ms(min(times)),
            "max_ms": _ms(max(times))}


def served_warm(handle, store, storage_id: str, n: int, steps: int, size: int) -> list[float]:
    """Seconds of ``n`` requests for one loaded LoRA through the handle (after one warm-up)."""
    request = _request("portrait", (_face(store, storage_id),), steps, size)
    routed = handle.options(multiplexed_model_id=storage_id)
    routed.diffuse.remote(request).result(timeout_s=300)
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        routed.diffuse.remote(request).result(timeout_s=300)
        times.append(time.perf_counter() - t0)
    return times


# -- in-process engine measurements --------------------------------------------------------------


def _tiny_engine():
    from facechain.diffusion.base_model import load_base_model
    from facechain.diffusion.engine import DiffusionEngine

    return DiffusionEngine(load_base_model("builtin:tiny-sd15", device="cpu"))


def reload_per_request(store, storage_id: str, n: int, steps: int, size: int) -> list[float]:
    """FaceChain's serving style, per request: a fresh base model and pipeline
    (``from_pretrained``), the LoRA loaded, one generation, everything dropped."""
    import gc

    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        engine = _tiny_engine()
        engine(_request("portrait", (_face(store, storage_id),), steps, size))
        del engine
        gc.collect()
        times.append(time.perf_counter() - t0)
    return times


def _not_in(names: list[str], *refs) -> str:
    """The least recently used of ``names`` that is none of ``refs``."""
    keep = {r.adapter_name for r in refs}
    return next(n for n in names if n not in keep)


def engine_measurements(store, source_id: str, n: int, steps: int, size: int) -> dict:
    """Warm switch, loads idle and during a generation, and batch mixing, on one in-process
    engine holding ``SLOTS`` adapters (a full replica)."""
    engine = _tiny_engine()
    ids = copy_loras(store, source_id, SLOTS + 2 * n + 2)
    refs = [_face(store, i) for i in ids]
    for ref in refs[:SLOTS]:
        engine.preload(ref, hold=True)
    a, b = refs[0], refs[1]

    def gen(ref) -> float:
        t0 = time.perf_counter()
        engine(_request("portrait", (ref,), steps, size))
        return time.perf_counter() - t0

    gen(a), gen(b)  # first calls build what they need
    same, switching = [], []
    for _ in range(n):
        same += [gen(a), gen(a)]
    for _ in range(n):
        switching += [gen(b), gen(a)]
    one_gen = float(np.median(same))
    switch_cost = float(np.median(switching)) - one_gen

    fresh = iter(refs[SLOTS:])
    idle = []
    for _ in range(n):  # as the multiplexer does: evict the LRU, load the newcomer
        ref = next(fresh)
        engine.evict(_not_in(engine.held_adapters(), a, b))
        t0 = time.perf_counter()
        engine.preload(ref, hold=True)
        idle.append(time.perf_counter() - t0)

    long_steps = max(20, 10 * steps)
    during, gen_s = [], []
    for _ in range(n):
        ref = next(fresh)
        engine.evict(_not_in(engine.held_adapters(), a, b))
        started = threading.Event()
        real_forward = engine.pipe.unet.forward

        def forward(*args, _real=real_forward, _started=started, **kwargs):
            _started.set()
            return _real(*args, **kwargs)

        engine.pipe.unet.forward = forward
        box: dict = {}

        def generate(_box=box):
            t0 = time.perf_counter()
            engine(_request("portrait", (a,), long_steps, size))
            _box["s"] = time.perf_counter() - t0

        worker = threading.Thread(target=generate)
        worker.start()
        started.wait(300)
        t0 = time.perf_counter()
        engine.preload(ref, hold=True)
        during.append(time.perf_counter() - t0)
        worker.join()
        del engine.pipe.unet.forward  # back to the class's forward
        gen_s.append(box["s"])

    mixing = batch_mixing(engine, a, b, steps, size)
    return {
        "one_generation_ms": _ms(one_gen),
        "warm_switch_ms": _ms(switch_cost),
        "warm_switch_fraction": round(switch_cost / one_gen, 4),
        "load_idle_ms": _median_ms(idle),
        "load_while_generating_ms": _median_ms(during),
        "running_generation_ms": _median_ms(gen_s),
        "running_generation_steps": long_steps,
        "adapters_held": SLOTS,
        "batch_mixing": mixing,
    }


def batch_mixing(engine, a, b, steps: int, size: int, repeats: int = 3) -> dict:
    """4 txt2img requests: one user (one pipeline call of 4), two users (two calls of 2, as
    ``run_batch`` splits them), and 4 single calls; medians of ``repeats``."""
    def reqs(refs):
        return [_request(f"portrait {k}", (ref,), steps, size, seed=k) for k, ref in enumerate(refs)]

    def timed(fn) -> float:
        values = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            fn()
            values.append(time.perf_counter() - t0)
        return float(np.median(values))

    one_user = timed(lambda: engine.run_batch(reqs([a, a, a, a])))
    two_users = timed(lambda: engine.run_batch(reqs([a, b, a, b])))
    singles = timed(lambda: [engine(r) for r in reqs([a, b, a, b])])
    return {"requests": 4, "one_user_batch_ms": _ms(one_user),
            "two_user_batch_ms": _ms(two_users), "four_single_calls_ms": _ms(singles),
            "two_user_speedup_over_singles": round(singles / two_users, 3),
            "one_user_speedup_over_singles": round(singles / one_user, 3)}


# -- the whole measurement -------------------------------------------------------------------------


def measure(*, artifacts: Path, lora_id: str, metrics_url: str, app_name: str = APP,
            requests: int = 220, warmup: int = 50, steps: int = 2, size: int = 64,
            repeats: int = 5, seed: int = 0) -> dict:
    """All figures against a running app whose Diffusion deployment has ``REPLICAS`` replicas
    (deploy with :func:`with_diffusion_replicas`), ``lora_id`` a trained LoRA's storage id in
    ``artifacts``, ``metrics_url`` Ray's metrics agent of the node."""
    import torch
    from ray import serve

    from servekit.storage import ArtifactStore

    torch.set_num_threads(1)  # as each replica runs
    store = ArtifactStore(artifacts)
    handle = serve.get_deployment_handle("Diffusion", app_name=app_name)
    sequence = zipf_sequence(USERS, requests, ZIPF_S, seed)
    users = copy_loras(store, lora_id, USERS)
    result: dict = {"params": {"users": USERS, "zipf_s": ZIPF_S, "replicas": REPLICAS,
                               "slots_per_replica": SLOTS, "requests": requests,
                               "warmup": warmup, "steps": steps, "size": size,
                               "distinct_users_in_sequence": len(set(sequence))}}
    logger.info("affinity: %d requests through the Diffusion handle ...", requests)
    affinity = served_affinity(handle, store, users, sequence, warmup, metrics_url, steps, size)
    pooled = pooled_lru_hit_rate(sequence, REPLICAS * SLOTS, warmup)
    random_rate = random_routing_hit_rate(sequence, REPLICAS, SLOTS, warmup, seed)
    result.update(
        affinity_hit_rate=affinity["hit_rate"],
        pooled_lru_hit_rate=round(pooled, 4),
        random_routing_hit_rate=round(random_rate, 4),
        affinity_over_pooled=round(affinity["hit_rate"] / pooled, 4) if affinity["hit_rate"] else None,
        affinity=affinity)
    logger.info("cold loads ...")
    cold = served_cold_loads(handle, store, lora_id, repeats)
    result["cold_lora_ms"] = cold["median_ms"]
    result["cold_lora"] = cold
    logger.info("served warm vs reload per request ...")
    warm = served_warm(handle, store, users[0], repeats, steps, size)
    reload = reload_per_request(store, users[0], repeats, steps, size)
    result["reload_per_request_ratio"] = round(float(np.median(reload) / np.median(warm)), 2)
    result["reload_per_request"] = {"reload_median_ms": _median_ms(reload),
                                    "served_warm_median_ms": _median_ms(warm), "n": repeats}
    logger.info("engine: warm switch, load during a generation, batch mixing ...")
    result["engine"] = engine_measurements(store, lora_id, repeats, steps, size)
    result["warm_switch_fraction"] = result["engine"]["warm_switch_fraction"]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default=str(ROOT / "configs" / "serve" / "local.yaml"))
    parser.add_argument("--requests", type=int, default=220, help="Zipf requests (with warm-up)")
    parser.add_argument("--warmup", type=int, default=50, help="requests not counted")
    parser.add_argument("--steps", type=int, default=2)
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    os.environ.setdefault("FACECHAIN_ROOT", str(ROOT))

    import httpx

    from benchmarks.serving_bench import train_loras
    from deployments.diffusion import MAX_USER_ADAPTERS
    from serve.auth import LOCAL_TENANT
    from serve.cli import deploy
    from serve.harness import json_stdout, local_graph
    from servekit.storage import ArtifactStore, scoped_id

    if MAX_USER_ADAPTERS != SLOTS:
        raise RuntimeError(f"MAX_USER_ADAPTERS is {MAX_USER_ADAPTERS}, the issue measures {SLOTS}")
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="facechain-affinity-bench-"))
    result: dict = {"machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                                "python": platform.python_version()},
                    "config": f"{args.config} with Diffusion num_replicas={REPLICAS}"}
    import ray

    try:
        with json_stdout(), local_graph(
                args.config, tmp, edit=lambda c: with_diffusion_replicas(c, REPLICAS)) as graph:
            result["deploy_s"] = graph.deploy_s
            artifacts, metrics_url = graph.artifacts, graph.metrics_url
            with httpx.Client(base_url=graph.base_url, timeout=300) as client:
                logger.info("training one LoRA through HTTP ...")
                [trained] = train_loras(client, seeds=[1], steps=3)
            result["training_s"] = trained["seconds_from_queued"]
            lora_id = scoped_id(LOCAL_TENANT, trained["lora_id"])
            result.update(measure(artifacts=artifacts, lora_id=lora_id, metrics_url=metrics_url,
                                  requests=args.requests, warmup=args.warmup, steps=args.steps,
                                  size=args.size, repeats=args.repeats))
            logger.info("redeploying with Serve's own multiplexed routing ...")
            deploy(with_diffusion_router(graph.config, SERVE_DEFAULT_ROUTER))
            # a process caches its router per deployment: a fresh process routes by the new config
            try:
                result["serve_default_routing"] = ray.get(ray.remote(num_cpus=0)(
                    _affinity_task).remote(
                    str(artifacts), copy_loras(ArtifactStore(artifacts), lora_id, USERS),
                    zipf_sequence(USERS, args.requests, ZIPF_S, 0), args.warmup, metrics_url,
                    args.steps, args.size), timeout=300)
            except Exception as exc:  # the contract figures above stand without it
                result["serve_default_routing"] = {"error": f"{type(exc).__name__}: {exc}"}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
