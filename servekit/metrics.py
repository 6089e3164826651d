"""Application metrics of the served graph, exported through Ray's metrics agent.

Every metric is a ``ray.serve.metrics`` object (Counter / Gauge / Histogram). Recording one in a
replica sends the value to the Ray metrics agent of that node, which serves the Prometheus text
format for *all* processes of the node on Ray's metrics-export port; Prometheus scrapes that port
on every node and aggregates replicas with ``sum by (...)``. Inside a replica Serve adds the tags
``deployment``, ``replica`` and ``application`` by itself (they are reserved: never pass them).

Names. Ray prefixes application metrics with ``ray_`` and counters get ``_total``, so
``facechain_photos_rejected`` is scraped as ``ray_facechain_photos_rejected_total`` and the stage
histogram as ``ray_facechain_stage_latency_seconds_{bucket,count,sum}``
(:attr:`MetricSpec.exported_name`). Ray 2.60's histogram ``_sum`` is an approximation (each
observation counts as the midpoint of its bucket): use ``histogram_quantile`` over ``_bucket``.

Where to scrape (:data:`METRICS_EXPORT_PORT`, 8080, KubeRay's default):
- cluster: ``ray start --metrics-export-port=8080`` on every node (KubeRay does this and names the
  container port ``metrics``); ``configs/prometheus.yml`` scrapes it.
- embedded local Ray: ``ray.init(address="local", _metrics_export_port=8080)``; without it the
  port is random (``serve run`` without a running cluster does that).
- ``GET /metrics`` on the ingress: :func:`scrape_node_metrics` fetches the agent of the ingress's
  own node (found with ``ray.nodes()``, so any port works) and keeps the ``ray_facechain_*`` and
  ``ray_serve_*`` families. One node's view: exactly what a single-node run and its tests need;
  a multi-node cluster is scraped per node by Prometheus instead.

Why a proxy and not an in-process registry: each replica is its own process, so a
``prometheus_client`` registry in the ingress would only ever hold the ingress's own samples.
The Ray agent is the one place where every replica's values meet.

Export delay: workers push to the agent every ``metrics_report_interval_ms`` (10 s by default;
measured: a counter appeared 9.4 s after ``inc()``). Start the local Ray with
``_system_config={"metrics_report_interval_ms": 1000}`` (or ``RAY_metrics_report_interval_ms=1000``
in the environment) and a value shows up within ~1 s (measured 0.26 s); a test should still poll
(:func:`sample_total` on successive scrapes) rather than read once.

Objects are created lazily, one per process (Ray binds the serve tags at construction, so they must
be created inside the replica, not at import time). Creating and recording work without
``ray.init`` (values are then dropped), so the library and unit tests can call these freely.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

logger = logging.getLogger(__name__)

__all__ = [
    "ADMISSIONS",
    "ADMISSION_IN_FLIGHT",
    "ALL_METRICS",
    "CANDIDATES_DROPPED",
    "CONTENT_TYPE",
    "DEPLOYMENT_REPLICAS",
    "HTTP_REQUESTS",
    "JOBS",
    "LATENCY_BUCKETS_S",
    "LORA_HIT_RATE_PROMQL",
    "DIFFUSION_RECOMPILES",
    "LORA_ADAPTERS_LOADED",
    "LORA_ADAPTER_EVENTS",
    "METRICS_EXPORT_PORT",
    "PHOTOS_REJECTED",
    "SCRAPE_PREFIXES",
    "STAGE_CALLS",
    "STAGE_LATENCY",
    "LoraEvent",
    "MetricSpec",
    "deployment_replicas_text",
    "filter_families",
    "format_deployment_replicas",
    "get_metric",
    "node_metrics_url",
    "observe_stage",
    "record_admission",
    "record_dropped_candidate",
    "record_http_request",
    "record_lora_event",
    "record_rejected_photo",
    "record_stage_call",
    "live_replicas",
    "running_replicas",
    "sample_total",
    "scrape_node_metrics",
    "set_diffusion_recompiles",
    "set_job_counts",
    "set_lora_adapters_loaded",
    "time_stage",
]

METRICS_EXPORT_PORT = 8080
"""Ray's metrics-export port in every config of this project (KubeRay's default)."""

EXPORT_PREFIX = "ray_"
"""Ray's namespace for application metrics in the Prometheus output."""

SCRAPE_PREFIXES: tuple[str, ...] = ("ray_facechain_", "ray_serve_")
"""Families kept by ``GET /metrics``: ours and Ray Serve's own request/replica metrics."""

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
"""Prometheus text exposition content type, for the ``/metrics`` response."""

# Seconds. From a 5 ms CPU stage up to a 30 min LoRA training.
LATENCY_BUCKETS_S: tuple[float, ...] = (
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0,
    600.0, 1800.0,
)  # fmt: skip

Kind = Literal["counter", "gauge", "histogram"]


@dataclass(frozen=True)
class MetricSpec:
    """One application metric: its Ray name, type, help text and tag keys."""

    name: str
    kind: Kind
    description: str
    tag_keys: tuple[str, ...] = ()
    boundaries: tuple[float, ...] | None = None

    @property
    def exported_name(self) -> str:
        """The family name Prometheus sees (``ray_`` prefix, ``_total`` for counters)."""
        return EXPORT_PREFIX + self.name + ("_total" if self.kind == "counter" else "")

    @property
    def sample_names(self) -> tuple[str, ...]:
        """The sample names in the exposition (a histogram has three series)."""
        if self.kind == "histogram":
            base = EXPORT_PREFIX + self.name
            return (f"{base}_bucket", f"{base}_count", f"{base}_sum")
        return (self.exported_name,)


STAGE_LATENCY = MetricSpec(
    "facechain_stage_latency_seconds",
    "histogram",
    "Wall time of one pipeline stage or deployment call (stage=detect, parse, generate, train ...)",
    ("stage",),
    LATENCY_BUCKETS_S,
)
PHOTOS_REJECTED = MetricSpec(
    "facechain_photos_rejected",
    "counter",
    "Uploaded photos rejected during preprocessing, by reason (no_face, multiple_faces ...)",
    ("reason",),
)
LORA_ADAPTER_EVENTS = MetricSpec(
    "facechain_lora_adapter_events",
    "counter",
    "Per-user LoRA adapter cache events in the Diffusion replicas (event=hit, miss, load, eviction)",
    ("event",),
)
LORA_ADAPTERS_LOADED = MetricSpec(
    "facechain_lora_adapters_loaded",
    "gauge",
    "LoRA adapters currently held in memory by this replica",
)
DIFFUSION_RECOMPILES = MetricSpec(
    "facechain_diffusion_recompiles",
    "gauge",
    "torch.compile recompiles after warm-up of this Diffusion replica's compiled networks, by "
    "network (unet, controlnet_<kind>); stays 0 while LoRA swaps work (backend compiled only)",
    ("network",),
)
JOBS = MetricSpec(
    "facechain_jobs",
    "gauge",
    "Jobs in the job store by kind (lora, talk ...) and state (queued, running, succeeded ...)",
    ("kind", "state"),
)
CANDIDATES_DROPPED = MetricSpec(
    "facechain_candidates_dropped",
    "counter",
    "Generated candidates dropped before ranking, by reason (no_face, multiple_faces, face_too_small ...)",
    ("reason",),
)
HTTP_REQUESTS = MetricSpec(
    "facechain_http_requests",
    "counter",
    "HTTP requests answered by the ingress, by route template, method and status code",
    ("route", "method", "status"),
)
STAGE_CALLS = MetricSpec(
    "facechain_stage_calls",
    "counter",
    "Deployment handle calls (hops) made by the pipelines' component runtime, by target "
    "deployment and method (the caller's own deployment is the reserved 'deployment' tag)",
    ("target", "method"),
)

LORA_HIT_RATE_PROMQL = (
    'sum(rate(ray_facechain_lora_adapter_events_total{event="hit"}[5m]))'
    ' / sum(rate(ray_facechain_lora_adapter_events_total{event=~"hit|miss"}[5m]))')
"""The warm-hit rate of face LoRAs over the Diffusion replicas, from the hit and miss counters of
:data:`LORA_ADAPTER_EVENTS` (``by (replica)`` inside both sums: per replica). Counters, not a
gauge: Prometheus sums them over replicas and windows correctly, a per-replica ratio it could
not (benchmarks/affinity_bench.py reads the same counters)."""

ADMISSIONS = MetricSpec(
    "facechain_admissions",
    "counter",
    "Expensive requests admitted or rejected (503 overloaded) by an ingress replica's admission "
    "gate, by class (diffusion, talk) and outcome (admitted, rejected)",
    ("class", "outcome"),
)
ADMISSION_IN_FLIGHT = MetricSpec(
    "facechain_admission_in_flight",
    "gauge",
    "Requests holding a slot of an ingress replica's admission gate, by class",
    ("class",),
)

ALL_METRICS: tuple[MetricSpec, ...] = (
    STAGE_LATENCY,
    PHOTOS_REJECTED,
    LORA_ADAPTER_EVENTS,
    LORA_ADAPTERS_LOADED,
    DIFFUSION_RECOMPILES,
    JOBS,
    CANDIDATES_DROPPED,
    HTTP_REQUESTS,
    STAGE_CALLS,
    ADMISSIONS,
    ADMISSION_IN_FLIGHT,
)


class LoraEvent(StrEnum):
    """What happened in a replica's LoRA adapter cache."""

    HIT = "hit"  # adapter already loaded for the request
    MISS = "miss"  # adapter had to be loaded
    LOAD = "load"  # an adapter was read from storage into memory
    EVICTION = "eviction"  # an adapter was dropped to make room


# --- lazily created metric objects (one per process) --------------------------------------------

_lock = threading.Lock()
_objects: dict[str, Any] = {}


def _build(spec: MetricSpec) -> Any:
    from ray.serve import metrics as serve_metrics

    if spec.kind == "counter":
        return serve_metrics.Counter(spec.name, description=spec.description, tag_keys=spec.tag_keys)
    if spec.kind == "gauge":
        return serve_metrics.Gauge(spec.name, description=spec.description, tag_keys=spec.tag_keys)
    return serve_metrics.Histogram(
        spec.name,
        description=spec.description,
        boundaries=list(spec.boundaries or LATENCY_BUCKETS_S),
        tag_keys=spec.tag_keys,
    )


def get_metric(spec: MetricSpec) -> Any:
    """This process's Ray metric object for ``spec``, created on first use."""
    metric = _objects.get(spec.name)
    if metric is None:
        with _lock:
            metric = _objects.get(spec.name)
            if metric is None:
                metric = _objects[spec.name] = _build(spec)
    return metric


def _tags(**values: object) -> dict[str, str]:
    return {key: str(value) for key, value in values.items()}


# --- recording helpers ---------------------------------------------------------------------------


def observe_stage(stage: str, seconds: float) -> None:
    """Record one stage's wall time in seconds."""
    get_metric(STAGE_LATENCY).observe(float(seconds), tags=_tags(stage=stage))


@contextmanager
def time_stage(stage: str) -> Iterator[None]:
    """``with time_stage("detect"): ...`` (also around ``await``); recorded even on error."""
    start = time.perf_counter()
    try:
        yield
    finally:
        observe_stage(stage, time.perf_counter() - start)


def record_rejected_photo(reason: str, count: int = 1) -> None:
    """Count photos rejected in preprocessing (``Rejection.reason``)."""
    if count > 0:
        get_metric(PHOTOS_REJECTED).inc(count, tags=_tags(reason=reason))


def record_lora_event(event: LoraEvent | str, count: int = 1) -> None:
    """Count adapter cache events; the deployment tag comes from the replica context."""
    if count > 0:
        get_metric(LORA_ADAPTER_EVENTS).inc(count, tags=_tags(event=LoraEvent(event).value))


def set_lora_adapters_loaded(count: int) -> None:
    """Set how many adapters this replica holds now."""
    get_metric(LORA_ADAPTERS_LOADED).set(int(count), tags={})


def set_diffusion_recompiles(network: str, count: int) -> None:
    get_metric(DIFFUSION_RECOMPILES).set(count, tags=_tags(network=network))


def set_job_counts(kind: str, counts: Mapping[str, int], states: Iterable[str] = ()) -> None:
    """Publish the number of jobs of ``kind`` per state. Every state of ``states`` (all the
    states a job can be in) absent from ``counts`` is set to 0, so that a state that emptied does
    not keep its last value."""
    gauge = get_metric(JOBS)
    for state in sorted(set(states) | set(counts)):
        gauge.set(int(counts.get(state, 0)), tags=_tags(kind=kind, state=state))


def record_dropped_candidate(reason: str, count: int = 1) -> None:
    """Count generated candidates dropped before ranking."""
    if count > 0:
        get_metric(CANDIDATES_DROPPED).inc(count, tags=_tags(reason=reason))


def record_stage_call(target: str, method: str) -> None:
    """Count one handle call (hop) to deployment ``target``'s ``method``."""
    get_metric(STAGE_CALLS).inc(1, tags=_tags(target=target, method=method))


def record_admission(cls: str, outcome: str, in_flight: int) -> None:
    """An admission gate's event (``admitted``, ``rejected``, ``released``): counts the first
    two, sets the class's in-flight gauge on every one."""
    if outcome in ("admitted", "rejected"):
        get_metric(ADMISSIONS).inc(1, tags=_tags(**{"class": cls, "outcome": outcome}))
    get_metric(ADMISSION_IN_FLIGHT).set(int(in_flight), tags=_tags(**{"class": cls}))


def record_http_request(route: str, method: str, status: int) -> None:
    """Count one answered request. ``route`` is the route *template* (``/v1/jobs/{job_id}``), never
    the raw path, to keep the number of series bounded."""
    get_metric(HTTP_REQUESTS).inc(1, tags=_tags(route=route, method=method.upper(), status=status))


# --- scraping --------------------------------------------------------------------------------------

_node_urls: dict[str, str] = {}


def node_metrics_url() -> str:
    """URL of the Ray metrics agent on this process's node (needs a connected Ray worker)."""
    import ray

    node_id = ray.get_runtime_context().get_node_id()
    url = _node_urls.get(node_id)
    if url is None:
        for node in ray.nodes():
            if node.get("NodeID") == node_id and node.get("Alive", True):
                port = node.get("MetricsExportPort")
                if not port:
                    raise RuntimeError(f"Ray node {node_id} exports no metrics port")
                url = _node_urls[node_id] = f"http://{node['NodeManagerAddress']}:{int(port)}/metrics"
                break
        else:
            raise RuntimeError(f"Ray node {node_id} not found in ray.nodes()")
    return url


def filter_families(text: str, prefixes: Iterable[str] = SCRAPE_PREFIXES) -> str:
    """Keep the metric families (``# HELP``/``# TYPE`` lines and samples) whose name starts with
    one of ``prefixes``; everything else (Ray's hundreds of system series) is dropped."""
    prefixes = tuple(prefixes)
    kept: list[str] = []
    for line in text.splitlines():
        if line.startswith("#"):
            parts = line.split(maxsplit=3)
            name = parts[2] if len(parts) > 2 and parts[1] in ("HELP", "TYPE") else ""
        else:
            name = line.split("{", 1)[0].split(" ", 1)[0]
        if name and name.startswith(prefixes):
            kept.append(line)
    return "\n".join(kept) + ("\n" if kept else "")


async def scrape_node_metrics(
    prefixes: Iterable[str] | None = SCRAPE_PREFIXES, timeout_s: float = 5.0, url: str | None = None
) -> str:
    """Fetch this node's Prometheus text from the Ray metrics agent (for ``GET /metrics``).

    ``prefixes=None`` returns everything. Raises ``httpx.HTTPError`` when the agent is down.
    """
    import httpx

    url = url or await asyncio.to_thread(node_metrics_url)  # ray.nodes() blocks: not on the loop
    async with httpx.AsyncClient(timeout=timeout_s) as client:
        response = await client.get(url)
        response.raise_for_status()
    return response.text if prefixes is None else filter_families(response.text, prefixes)


def sample_total(text: str, name: str, **labels: str) -> float:
    """Sum of the samples called ``name`` whose labels include ``labels`` (all replicas summed).

    ``sample_total(text, "ray_facechain_http_requests_total", route="/v1/faces", status="200")``.
    Returns 0.0 when there is none, so a test can poll until the value moves.
    """
    from prometheus_client.parser import text_string_to_metric_families

    total = 0.0
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == str(v) for k, v in labels.items()):
                total += sample.value
    return total


# --- replicas per deployment (Serve's own state, for GET /metrics) -----------------------------

DEPLOYMENT_REPLICAS = "facechain_deployment_replicas"
"""Gauge family that ``GET /metrics`` appends: RUNNING replicas per deployment, read from
``serve.status()`` (Serve's controller state) at scrape time. Not a Ray metric (a Ray gauge in a
replica gets its ``deployment`` tag forced to that replica's own), hence no ``ray_`` prefix."""

REPLICAS_CACHE_S = 1.0
"""How long one ``serve.status()`` answer serves scrapes (a load tester polls every second)."""

_replicas_cache: tuple[float, dict[str, dict[str, int]]] | None = None


def running_replicas(status: Any) -> dict[str, dict[str, int]]:
    """``{application: {deployment: RUNNING replicas}}`` from a ``serve.status()`` answer."""
    out: dict[str, dict[str, int]] = {}
    for app_name, app in status.applications.items():
        for name, deployment in app.deployments.items():
            states = {str(getattr(k, "value", k)): int(v) for k, v in deployment.replica_states.items()}
            out.setdefault(app_name, {})[name] = states.get("RUNNING", 0)
    return out


def format_deployment_replicas(replicas: Mapping[str, Mapping[str, int]]) -> str:
    """Prometheus text of :data:`DEPLOYMENT_REPLICAS` for ``{application: {deployment: n}}``."""
    lines = [f"# HELP {DEPLOYMENT_REPLICAS} RUNNING replicas per deployment (serve.status())",
             f"# TYPE {DEPLOYMENT_REPLICAS} gauge"]
    for app_name in sorted(replicas):
        for name, count in sorted(replicas[app_name].items()):
            lines.append(f'{DEPLOYMENT_REPLICAS}{{application="{app_name}",deployment="{name}"}} '
                         f"{int(count)}")
    return "\n".join(lines) + "\n"


async def live_replicas(max_age_s: float = REPLICAS_CACHE_S) -> dict[str, dict[str, int]] | None:
    """:func:`running_replicas` of the live ``serve.status()``, cached ``max_age_s``; None when
    this process is not connected to Ray or the controller does not answer."""
    global _replicas_cache
    now = time.monotonic()
    if _replicas_cache is not None and now - _replicas_cache[0] < max_age_s:
        return _replicas_cache[1]
    import ray

    if not ray.is_initialized():  # serve.status() would start a Ray of its own
        return None
    from servekit.status import serve_status

    try:
        status = await asyncio.to_thread(serve_status)  # a blocking controller call
    except Exception as exc:  # noqa: BLE001 - callers go on without the figure
        logger.warning("Serve's status failed: %s", exc)
        return None
    replicas = running_replicas(status)
    _replicas_cache = (time.monotonic(), replicas)
    return replicas


async def deployment_replicas_text(max_age_s: float = REPLICAS_CACHE_S) -> str:
    """:func:`format_deployment_replicas` of :func:`live_replicas`; empty without it (the rest of
    the scrape is still served)."""
    replicas = await live_replicas(max_age_s)
    return "" if replicas is None else format_deployment_replicas(replicas)
