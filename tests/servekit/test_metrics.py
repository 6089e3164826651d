"""servekit.metrics: metric definitions, lazy objects, recording helpers, scrape parsing.

Everything except the last test runs without a Ray cluster: Ray's metric objects can be created
and recorded before ``ray.init`` (values are dropped). The slow test starts a local Ray and reads
the values back from the node's metrics agent, which pins the exported names.
"""

from __future__ import annotations

import os
import re
import time
import uuid

import pytest

from serve.jobs import JobState
from servekit import metrics

PROM_NAME = re.compile(r"^[a-zA-Z_][a-zA-Z0-9_]*$")  # no ':' (Ray warns it will be an error)
PROM_LABEL = re.compile(r"^[a-zA-Z_][a-zA-Z0-9_]*$")
RESERVED_TAGS = {"deployment", "replica", "application"}  # added by Ray Serve in a replica

# Two samples as Ray 2.60's agent exports them (OpenTelemetry exporter), from a real scrape.
EXPOSITION = """\
# HELP ray_facechain_photos_rejected_total Uploaded photos rejected
# TYPE ray_facechain_photos_rejected_total counter
ray_facechain_photos_rejected_total{Component="core_worker",NodeAddress="192.0.2.2",application="facechain",deployment="Ingress",reason="no_face",replica="a1"} 2.0
ray_facechain_photos_rejected_total{Component="core_worker",NodeAddress="192.0.2.2",application="facechain",deployment="Ingress",reason="no_face",replica="b2"} 3.0
ray_facechain_photos_rejected_total{Component="core_worker",NodeAddress="192.0.2.2",application="facechain",deployment="Ingress",reason="blurry",replica="b2"} 1.0
# HELP ray_tasks Current number of tasks
# TYPE ray_tasks gauge
ray_tasks{State="RUNNING"} 4.0
# HELP ray_serve_deployment_replica_healthy Healthy replicas
# TYPE ray_serve_deployment_replica_healthy gauge
ray_serve_deployment_replica_healthy{deployment="Ingress"} 1.0
"""


def test_metric_names_and_tags_are_prometheus_valid():
    names = [spec.name for spec in metrics.ALL_METRICS]
    assert len(names) == len(set(names))
    for spec in metrics.ALL_METRICS:
        assert PROM_NAME.match(spec.name) and spec.name.startswith("facechain_"), spec.name
        assert not spec.name.endswith("_total"), spec.name  # Ray appends _total to counters
        assert spec.description
        for tag in spec.tag_keys:
            assert PROM_LABEL.match(tag) and not tag.startswith("__"), tag
            assert tag not in RESERVED_TAGS, (spec.name, tag)
        for name in spec.sample_names:
            assert PROM_NAME.match(name) and name.startswith("ray_facechain_")
    assert metrics.STAGE_LATENCY.name.endswith("_seconds")
    bounds = metrics.STAGE_LATENCY.boundaries
    assert list(bounds) == sorted(bounds) and bounds[0] > 0


def test_exported_names():
    assert metrics.PHOTOS_REJECTED.exported_name == "ray_facechain_photos_rejected_total"
    assert metrics.JOBS.exported_name == "ray_facechain_jobs"
    assert metrics.STAGE_LATENCY.sample_names == (
        "ray_facechain_stage_latency_seconds_bucket",
        "ray_facechain_stage_latency_seconds_count",
        "ray_facechain_stage_latency_seconds_sum",
    )


def test_metrics_create_lazily_once_per_process():
    for spec in metrics.ALL_METRICS:
        first = metrics.get_metric(spec)
        assert metrics.get_metric(spec) is first
        assert first.info["name"] == spec.name
        assert tuple(first.info["tag_keys"]) == spec.tag_keys  # no serve tags outside a replica


def test_recording_helpers_accept_their_tags_without_ray():
    metrics.observe_stage("detect", 0.012)
    with metrics.time_stage("parse"):
        pass
    metrics.record_rejected_photo("no_face", 2)
    metrics.record_rejected_photo("no_face", 0)  # nothing to count: no error
    for event in metrics.LoraEvent:
        metrics.record_lora_event(event)
    metrics.set_lora_adapters_loaded(3)
    metrics.set_job_counts("lora", {"running": 1, "queued": 2})
    metrics.record_dropped_candidate("multiple_faces")
    metrics.record_http_request("/v1/jobs/{job_id}", "get", 404)
    with pytest.raises(ValueError):
        metrics.record_lora_event("warmed")  # not a LoraEvent


class Recorder:
    def __init__(self):
        self.calls = []

    def observe(self, value, tags=None):
        self.calls.append((value, tags))

    set = inc = observe


@pytest.fixture
def fake(monkeypatch):
    """Replace the Ray objects by recorders, to check what the helpers record."""
    recorders = {spec.name: Recorder() for spec in metrics.ALL_METRICS}
    monkeypatch.setattr(metrics, "_objects", dict(recorders))
    return recorders


def test_time_stage_records_even_when_the_stage_fails(fake):
    with pytest.raises(RuntimeError), metrics.time_stage("generate"):
        time.sleep(0.01)
        raise RuntimeError("boom")
    ((seconds, tags),) = fake[metrics.STAGE_LATENCY.name].calls
    assert tags == {"stage": "generate"} and 0.01 <= seconds < 1.0


def test_job_counts_reset_states_that_emptied(fake):
    metrics.set_job_counts("lora", {"running": 2}, states=[state.value for state in JobState])
    recorded = {tags["state"]: value for value, tags in fake[metrics.JOBS.name].calls}
    assert recorded == {state.value: (2 if state is JobState.RUNNING else 0) for state in JobState}
    assert all(tags["kind"] == "lora" for _, tags in fake[metrics.JOBS.name].calls)


def test_http_and_event_tags_are_strings(fake):
    metrics.record_http_request("/v1/generate", "post", 503)
    metrics.record_lora_event(metrics.LoraEvent.EVICTION, 2)
    assert fake[metrics.HTTP_REQUESTS.name].calls == [
        (1, {"route": "/v1/generate", "method": "POST", "status": "503"})
    ]
    assert fake[metrics.LORA_ADAPTER_EVENTS.name].calls == [(2, {"event": "eviction"})]


def test_filter_families_keeps_whole_families_by_prefix():
    kept = metrics.filter_families(EXPOSITION)
    assert "ray_tasks" not in kept
    assert kept.count("ray_facechain_photos_rejected_total{") == 3
    assert "# TYPE ray_facechain_photos_rejected_total counter" in kept
    assert "ray_serve_deployment_replica_healthy" in kept
    assert metrics.filter_families(EXPOSITION, ("nothing_",)) == ""


def test_sample_total_sums_replicas_and_matches_labels():
    name = "ray_facechain_photos_rejected_total"
    assert metrics.sample_total(EXPOSITION, name) == 6.0
    assert metrics.sample_total(EXPOSITION, name, reason="no_face") == 5.0
    assert metrics.sample_total(EXPOSITION, name, reason="no_face", replica="b2") == 3.0
    assert metrics.sample_total(EXPOSITION, name, reason="glare") == 0.0
    assert metrics.sample_total(metrics.filter_families(EXPOSITION), name) == 6.0


def test_finding_the_node_agent_runs_off_the_event_loop(monkeypatch):
    """GET /metrics awaits this on the ingress's loop; the lookup (ray.nodes(), a blocking call
    to the cluster) runs in a worker thread."""
    import asyncio

    seen = []

    def lookup():
        try:
            asyncio.get_running_loop()
            seen.append("loop")
        except RuntimeError:
            seen.append("thread")
        raise LookupError("stop before any HTTP")

    monkeypatch.setattr(metrics, "node_metrics_url", lookup)
    with pytest.raises(LookupError):
        asyncio.run(metrics.scrape_node_metrics())
    assert seen == ["thread"]


@pytest.mark.slow
def test_values_recorded_in_a_ray_worker_reach_the_node_agent(monkeypatch):
    """End to end through Ray: an actor records with the helpers; the node's agent exports them
    under the documented names within a few seconds."""
    import asyncio

    import ray

    started = not ray.is_initialized()
    if started:
        # for this cluster only (monkeypatch): a later test's Ray keeps its own settings
        monkeypatch.setenv("RAY_AUTH_MODE", os.environ.get("RAY_AUTH_MODE", "disabled"))
        # Ray reads its system config from RAY_<exact name>, lower case included.
        monkeypatch.setenv("RAY_metrics_report_interval_ms", "500")
        ray.init(address="local", num_cpus=1, include_dashboard=False, log_to_driver=False)
    try:

        # labels unique to this run: an earlier cluster in the same session (its agent may
        # outlive ray.shutdown for a moment) can never contribute to the sums below
        probe = uuid.uuid4().hex[:8]
        route, reason, stage = f"/v1/probe-{probe}", f"probe_{probe}", f"probe-{probe}"

        @ray.remote(num_cpus=0)
        class Worker:
            def record(self):
                from servekit import metrics as m

                m.record_rejected_photo(reason, 2)
                m.record_http_request(route, "POST", 200)
                m.observe_stage(stage, 0.03)
                return True

        worker = Worker.remote()
        assert ray.get(worker.record.remote())
        url = metrics.node_metrics_url()
        assert url.startswith("http://") and url.endswith("/metrics")

        deadline, text = time.monotonic() + 40, ""
        while time.monotonic() < deadline:
            text = asyncio.run(metrics.scrape_node_metrics())
            if metrics.sample_total(text, "ray_facechain_http_requests_total", route=route) >= 1:
                break
            time.sleep(0.5)
        assert metrics.sample_total(text, "ray_facechain_photos_rejected_total", reason=reason) == 2
        assert (
            metrics.sample_total(
                text, "ray_facechain_http_requests_total", route=route, method="POST", status="200"
            )
            == 1
        )
        assert metrics.sample_total(text, "ray_facechain_stage_latency_seconds_count", stage=stage) == 1
        assert not re.search(r"^ray_tasks", text, re.M)  # filtered to our families
        ray.kill(worker)
    finally:
        if started:
            ray.shutdown()
