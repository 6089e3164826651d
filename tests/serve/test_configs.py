"""Deployment configs: the Ray Serve YAMLs, the KubeRay RayService, Prometheus, Grafana, Docker.

Ray's schemas ignore unknown keys (pydantic's default), so a misspelt option would be dropped
silently; these tests also check every key against the schema's fields.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import ray
import yaml
from ray.serve.config import AutoscalingConfig
from ray.serve.schema import (
    DeploymentSchema,
    HTTPOptionsSchema,
    RayActorOptionsSchema,
    ServeApplicationSchema,
    ServeDeploySchema,
)

from facechain.diffusion.accelerate import BackendConfig, memory_fraction
from serve.app import AppArgs
from serve.cli import OverrideError, load_config, merge_override
from servekit.metrics import ALL_METRICS, METRICS_EXPORT_PORT

ROOT = Path(__file__).resolve().parents[2]
SERVE_CONFIGS = {"local": ROOT / "configs/serve/local.yaml", "gpu": ROOT / "configs/serve/gpu-cluster.yaml"}
OVERRIDES = ROOT / "configs/serve/overrides"
# config -> override files applied to it (loadtests/multinode.py runs this one)
OVERRIDDEN = {"gpu+cpu-two-node": ("gpu", [OVERRIDES / "cpu-two-node.yaml"])}
RAYSERVICE = ROOT / "configs/kuberay/rayservice.yaml"
PROMETHEUS = ROOT / "configs/prometheus.yml"
DASHBOARD = ROOT / "configs/grafana/facechain-dashboard.json"
DOCKERFILE = ROOT / "Dockerfile"

DEPLOYMENTS = {
    "Ingress", "Rotation", "FaceDetection", "HumanParsing", "SkinRetouching", "FaceAttributes",
    "Tagging", "FaceQuality", "FaceRecognition", "FaceFusion", "Conditions", "Diffusion",
    "LoraTrainer", "GarmentSegmentation", "TextToSpeech", "FaceRestoration", "TalkingHead",
}  # fmt: skip
APP_ARGS = {"models", "job_store", "artifacts", "max_upload_mb", "max_photos", "request_timeout_s", "device",
            "diffusion"}
AUTH_ARGS = {"api_keys", "metrics_public", "quotas", "max_request_mb", "max_concurrent",
             "max_waiting"}  # optional
STATE_RESOURCE = "facechain_state"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


def app_of(config: dict) -> dict:
    (app,) = config["applications"]
    return app


def deployments_of(config: dict) -> dict[str, dict]:
    return {d["name"]: d for d in app_of(config)["deployments"]}


@pytest.fixture(scope="module", params=sorted(SERVE_CONFIGS) + sorted(OVERRIDDEN))
def serve_config(request) -> dict:
    if request.param in OVERRIDDEN:
        base, files = OVERRIDDEN[request.param]
        return load_config(SERVE_CONFIGS[base], override_files=files)
    return load(SERVE_CONFIGS[request.param])


@pytest.fixture(scope="module")
def local() -> dict:
    return load(SERVE_CONFIGS["local"])


@pytest.fixture(scope="module")
def gpu() -> dict:
    return load(SERVE_CONFIGS["gpu"])


@pytest.fixture(scope="module")
def rayservice() -> dict:
    docs = [d for d in yaml.safe_load_all(RAYSERVICE.read_text()) if d]
    (service,) = [d for d in docs if d.get("kind") == "RayService"]
    service["_claims"] = {d["metadata"]["name"] for d in docs if d.get("kind") == "PersistentVolumeClaim"}
    return service


def unknown_keys(values: dict, model) -> set[str]:
    return set(values) - set(model.model_fields)


# --- Ray Serve config files ---------------------------------------------------------------------


def test_serve_config_validates_with_ray_schema(serve_config):
    schema = ServeDeploySchema.model_validate(serve_config)
    app = schema.applications[0]
    assert (app.name, app.route_prefix, app.import_path) == ("facechain", "/", "serve.app:build_app")


def test_serve_config_has_no_unknown_keys(serve_config):
    assert not unknown_keys(serve_config, ServeDeploySchema)
    assert not unknown_keys(serve_config["http_options"], HTTPOptionsSchema)
    app = app_of(serve_config)
    assert not unknown_keys(app, ServeApplicationSchema)
    for dep in app["deployments"]:
        assert not unknown_keys(dep, DeploymentSchema), dep["name"]
        assert not unknown_keys(dep["ray_actor_options"], RayActorOptionsSchema), dep["name"]
        if "autoscaling_config" in dep:
            assert not unknown_keys(dep["autoscaling_config"], AutoscalingConfig), dep["name"]
            AutoscalingConfig(**dep["autoscaling_config"])  # ranges (min <= initial <= max ...)


def test_serve_config_names_exactly_the_graph_deployments(serve_config):
    names = [d["name"] for d in app_of(serve_config)["deployments"]]
    assert len(names) == len(set(names))
    assert set(names) == DEPLOYMENTS


def test_serve_config_args_and_timeouts(serve_config):
    args = app_of(serve_config)["args"]
    assert APP_ARGS <= set(args) <= APP_ARGS | AUTH_ARGS
    AppArgs(**args)  # every arg is one the builder takes
    assert args["device"] in ("auto", "cpu", "cuda")
    assert args["max_upload_mb"] > 0 and args["max_photos"] > 0
    # The app answers (504, API error shape) before the proxy cuts the request (408).
    assert 0 < args["request_timeout_s"] < serve_config["http_options"]["request_timeout_s"]


def test_the_ingress_gate_admits_no_more_diffusion_work_than_the_replicas_take(serve_config):
    """The admission gate (per Ingress replica, per running Diffusion replica) is set, valid, and
    no wider than one Diffusion replica's ongoing slots (beyond that, admitted requests would only
    wait in its queue); an autoscaled Diffusion asks for a replica before its gate is full
    (refused requests never reach it, so a full gate must already be above the target)."""
    from serve.limits import Admission

    args = app_of(serve_config)["args"]
    admission = Admission.from_args(args["max_concurrent"], args.get("max_waiting"))
    diffusion = deployments_of(serve_config)["Diffusion"]
    gate = admission.gates["diffusion"]
    assert gate.per_replica + gate.max_waiting <= diffusion["max_ongoing_requests"]
    autoscaling = diffusion.get("autoscaling_config")
    if autoscaling:
        assert autoscaling["target_ongoing_requests"] < gate.per_replica + gate.max_waiting
    assert "talk" in admission.gates


def test_every_queue_is_bounded(serve_config):
    """Overload must answer 503 at once, never wait in an unbounded queue."""
    for dep in app_of(serve_config)["deployments"]:
        assert dep["max_ongoing_requests"] >= 1, dep["name"]
        assert dep["max_queued_requests"] >= 1, dep["name"]  # -1 would mean unbounded
        target = dep.get("autoscaling_config", {}).get("target_ongoing_requests")
        if target is not None:
            assert target <= dep["max_ongoing_requests"], dep["name"]


def test_local_is_cpu_only_one_replica_each_but_diffusion_and_fits_two_cores(local):
    assert app_of(local)["args"]["device"] == "cpu"
    at_min = at_max = 0.0
    for dep in deployments_of(local).values():
        options = dep["ray_actor_options"]
        assert not options.get("num_gpus"), dep["name"]
        assert not options.get("resources"), dep["name"]
        assert 0 < options["num_cpus"] < 1, dep["name"]
        if dep["name"] == "Diffusion":
            scaling = dep["autoscaling_config"]
            assert "num_replicas" not in dep
            assert (scaling["min_replicas"], scaling["max_replicas"]) == (1, 2)
            assert scaling.get("initial_replicas", 1) == 1
            # visible within a few minutes of step load
            assert scaling["upscale_delay_s"] <= 30 and scaling["downscale_delay_s"] <= 60
            low, high = scaling["min_replicas"], scaling["max_replicas"]
        else:
            assert dep["num_replicas"] == 1 and "autoscaling_config" not in dep, dep["name"]
            low = high = 1
        at_min += low * options["num_cpus"]
        at_max += high * options["num_cpus"]
    assert at_min <= 2.0  # schedulable where Ray detects only 2 CPUs (`serve run` on a laptop)
    assert at_max <= 4.0  # the embedded local Ray's num_cpus = max(4, cores)
    # the budget comment states the sums
    text = SERVE_CONFIGS["local"].read_text()
    assert f"{at_min:.2f} logical CPUs" in text and f"{at_max:.2f} with two" in text


def test_gpu_cluster_resources(gpu):
    deps = deployments_of(gpu)
    assert app_of(gpu)["args"]["device"] == "cuda"

    diffusion = deps["Diffusion"]
    share = diffusion["ray_actor_options"]["num_gpus"]
    assert 0 < share < 1  # fractional: replicas share a GPU ...
    # ... so each caps its own memory within its share of the smallest GPU the layout names (24 GB)
    budget = BackendConfig.parse(app_of(gpu)["args"]["diffusion"]).gpu_memory_gb
    assert 0 < memory_fraction(budget, 24 * 10**9) <= share

    assert deps["LoraTrainer"]["ray_actor_options"]["num_gpus"] == 1
    assert 0 < deps["FaceFusion"]["ray_actor_options"]["num_gpus"] < 1
    for dep in deps.values():
        assert "num_replicas" not in dep and "autoscaling_config" in dep, dep["name"]
    # The job store stays on one host: the Ingress is pinned by the head-only resource.
    assert deps["Ingress"]["ray_actor_options"]["resources"] == {STATE_RESOURCE: 1}


def test_gpu_memory_comment_states_no_isolation():
    text = SERVE_CONFIGS["gpu"].read_text()
    assert "do NOT isolate memory" in text and "gpu_memory_gb" in text and "ESTIMATE" in text


# --- Override files (serve/cli.py: load_config(override_files=...), --override) ---------------


def _base() -> dict:
    return {"proxy_location": "EveryNode", "http_options": {"host": "0.0.0.0", "port": 8000},
            "applications": [{
                "name": "a", "args": {"device": "cuda", "quotas": {"loras": 100, "jobs": 4}},
                "deployments": [
                    {"name": "D", "max_ongoing_requests": 2,
                     "ray_actor_options": {"num_cpus": 2, "num_gpus": 0.5}},
                    {"name": "E", "ray_actor_options": {"num_cpus": 1}}]},
                {"name": "b", "route_prefix": "/b", "deployments": [{"name": "D"}]}]}


def test_override_merges_named_items_by_name_and_replaces_scalars():
    base = _base()
    snapshot = json.dumps(base, sort_keys=True)
    merged = merge_override(base, {
        "http_options": {"host": "127.0.0.1"},
        "applications": [{"name": "a", "args": {"device": "cpu", "quotas": {"jobs": 1}},
                          "deployments": [{"name": "D", "ray_actor_options": {"num_cpus": 0.1}}]}]})
    assert json.dumps(base, sort_keys=True) == snapshot  # the base is not modified
    assert merged["http_options"] == {"host": "127.0.0.1", "port": 8000}
    a, b = merged["applications"]
    assert (a["name"], b) == ("a", base["applications"][1])  # order kept, b untouched
    assert a["args"] == {"device": "cpu", "quotas": {"loras": 100, "jobs": 1}}
    d, e = a["deployments"]
    assert d == {"name": "D", "max_ongoing_requests": 2,
                 "ray_actor_options": {"num_cpus": 0.1, "num_gpus": 0.5}}
    assert e == base["applications"][0]["deployments"][1]


def test_override_null_deletes_and_other_lists_are_replaced():
    base = _base()
    base["applications"][0]["runtime_env"] = {"pip": ["a", "b"]}
    merged = merge_override(base, {"applications": [{
        "name": "a", "runtime_env": {"pip": ["c"]}, "args": {"quotas": None},
        "deployments": [{"name": "D", "max_ongoing_requests": None}]}]})
    app = merged["applications"][0]
    assert app["runtime_env"] == {"pip": ["c"]}
    assert app["args"] == {"device": "cuda"}
    assert "max_ongoing_requests" not in app["deployments"][0]


@pytest.mark.parametrize("override, match", [
    ({"applications": [{"name": "a", "deployments": [{"name": "Diffusionn"}]}]},
     r"applications\[a\]\.deployments: no deployment named 'Diffusionn' .*known: D, E"),
    ({"applications": [{"name": "zz"}]}, r"applications: no application named 'zz'"),
    ({"applications": [{"name": "b", "deployments": [{"num_replicas": 2}]}]},
     r"applications\[b\]\.deployments: every item needs a 'name'"),
])
def test_override_naming_what_the_config_lacks_is_an_error(override, match):
    with pytest.raises(OverrideError, match=match):
        merge_override(_base(), override)


def test_load_config_applies_override_files_in_order_then_the_app_args(tmp_path):
    first, second = tmp_path / "1.yaml", tmp_path / "2.yaml"
    first.write_text("applications:\n- name: facechain\n  args: {device: cpu, max_photos: 4}\n")
    second.write_text("applications:\n- name: facechain\n  args: {max_photos: 6}\n")
    config = load_config(SERVE_CONFIGS["gpu"], port=9100, override_files=[first, second],
                         overrides={"job_store": "/tmp/j.sqlite3"})
    args = app_of(config)["args"]
    assert (args["device"], args["max_photos"], args["job_store"]) == ("cpu", 6, "/tmp/j.sqlite3")
    assert config["http_options"]["port"] == 9100
    bad = tmp_path / "bad.yaml"
    bad.write_text("applications:\n- name: facechain\n  deployments: [{name: Nope}]\n")
    with pytest.raises(OverrideError, match=r"bad\.yaml: .*no deployment named 'Nope'"):
        load_config(SERVE_CONFIGS["gpu"], override_files=[bad])
    bad.write_text("applications: [\n")
    with pytest.raises(OverrideError, match=r"bad\.yaml: not YAML"):
        load_config(SERVE_CONFIGS["gpu"], override_files=[bad])
    bad.write_text("- just a list\n")
    with pytest.raises(OverrideError, match="a mapping"):
        load_config(SERVE_CONFIGS["gpu"], override_files=[bad])


def test_cpu_two_node_override_keeps_the_cluster_layout(gpu):
    """Device and sizes change; the layout (head-pinned Ingress, GPU requests) does not."""
    config = load_config(SERVE_CONFIGS["gpu"], override_files=OVERRIDDEN["gpu+cpu-two-node"][1])
    deps, gpu_deps = deployments_of(config), deployments_of(gpu)
    assert app_of(config)["args"]["device"] == "cpu"
    assert config["proxy_location"] == gpu["proxy_location"]
    assert deps["Ingress"]["ray_actor_options"] == gpu_deps["Ingress"]["ray_actor_options"]
    assert [n for n, d in deps.items() if STATE_RESOURCE in d["ray_actor_options"].get(
        "resources", {})] == ["Ingress"]
    for name, dep in deps.items():
        assert dep["ray_actor_options"].get("num_gpus") == \
            gpu_deps[name]["ray_actor_options"].get("num_gpus"), name
        scaling = dep["autoscaling_config"]
        assert scaling["max_replicas"] <= gpu_deps[name]["autoscaling_config"]["max_replicas"]
    assert deps["Diffusion"]["autoscaling_config"]["min_replicas"] == 2  # one per node


# --- KubeRay ------------------------------------------------------------------------------------


def test_rayservice_serve_config_equals_gpu_cluster_yaml(rayservice, gpu):
    assert rayservice["apiVersion"] == "ray.io/v1"
    embedded = yaml.safe_load(rayservice["spec"]["serveConfigV2"])
    assert embedded["applications"] == gpu["applications"]
    assert embedded == gpu  # http_options and proxy_location too
    ServeDeploySchema.model_validate(embedded)


def _custom_resources(params: dict) -> dict:
    # KubeRay's format: a JSON object inside a quoted string, '"{\"name\": 1}"'.
    raw = params.get("resources", '"{}"')
    return json.loads(json.loads(raw))


def test_rayservice_cluster(rayservice, gpu):
    cluster = rayservice["spec"]["rayClusterConfig"]
    assert cluster["rayVersion"] == ray.__version__

    head = cluster["headGroupSpec"]
    (worker,) = cluster["workerGroupSpecs"]
    head_pod, worker_pod = head["template"], worker["template"]
    (head_container,) = head_pod["spec"]["containers"]
    (worker_container,) = worker_pod["spec"]["containers"]

    assert head_container["image"] == worker_container["image"]
    assert worker_container["resources"]["limits"]["nvidia.com/gpu"] in ("1", 1)
    assert worker["minReplicas"] <= worker["replicas"] <= worker["maxReplicas"]

    # The Ingress's custom resource exists on the head only; the head runs no model replicas.
    ingress = deployments_of(gpu)["Ingress"]["ray_actor_options"]
    assert _custom_resources(head["rayStartParams"])[STATE_RESOURCE] >= 1 + 1  # replicas + runner
    assert STATE_RESOURCE not in _custom_resources(worker["rayStartParams"])
    assert ingress["num_cpus"] == 0 and head["rayStartParams"]["num-cpus"] == "0"

    # Metrics: the documented port, exported and annotated on every pod.
    for group, pod, container in ((head, head_pod, head_container), (worker, worker_pod, worker_container)):
        assert group["rayStartParams"]["metrics-export-port"] == str(METRICS_EXPORT_PORT)
        annotations = pod["metadata"]["annotations"]
        assert annotations["prometheus.io/scrape"] == "true"
        assert annotations["prometheus.io/port"] == str(METRICS_EXPORT_PORT)
        assert {"containerPort": METRICS_EXPORT_PORT, "name": "metrics"} in container["ports"]

    # Volumes: the job store path on the head's own volume, artifacts mounted everywhere.
    args = app_of(gpu)["args"]
    head_mounts = {m["mountPath"] for m in head_container["volumeMounts"]}
    worker_mounts = {m["mountPath"] for m in worker_container["volumeMounts"]}
    assert str(Path(args["job_store"]).parent) in head_mounts
    assert args["artifacts"] in head_mounts and args["artifacts"] in worker_mounts
    claims = {
        v["persistentVolumeClaim"]["claimName"]
        for pod in (head_pod, worker_pod)
        for v in pod["spec"]["volumes"]
        if "persistentVolumeClaim" in v
    }
    assert claims <= rayservice["_claims"]


def test_local_serves_loopback_without_keys_and_the_cluster_requires_keys(local, gpu, rayservice):
    assert "api_keys" not in app_of(local)["args"] and local["http_options"]["host"] == "127.0.0.1"
    key_file = app_of(gpu)["args"]["api_keys"]
    assert key_file.startswith("/") and not app_of(gpu)["args"]["metrics_public"]
    head = rayservice["spec"]["rayClusterConfig"]["headGroupSpec"]
    (head_container,) = head["template"]["spec"]["containers"]
    mounts = {m["mountPath"]: m for m in head_container["volumeMounts"]}
    assert mounts[str(Path(key_file).parent)]["readOnly"] is True  # the Ingress runs on the head
    volumes = {v["name"]: v for v in head["template"]["spec"]["volumes"]}
    assert volumes[mounts[str(Path(key_file).parent)]["name"]]["secret"]["secretName"]


def test_ray_dashboard_is_loopback_and_ray_auth_is_token_on_the_cluster(rayservice):
    cluster = rayservice["spec"]["rayClusterConfig"]
    assert cluster["headGroupSpec"]["rayStartParams"]["dashboard-host"] == "127.0.0.1"
    pods = [cluster["headGroupSpec"]["template"]] + [g["template"] for g in cluster["workerGroupSpecs"]]
    for pod in pods:
        for container in pod["spec"]["containers"]:
            env = {e["name"]: e for e in container["env"]}
            assert env["RAY_AUTH_MODE"]["value"] == "token"
            assert env["RAY_AUTH_TOKEN"]["valueFrom"]["secretKeyRef"]["key"]  # from a Secret
            assert all(p.get("containerPort") != 8265 for p in container["ports"])
    (cmd,) = re.findall(r"^CMD (.+)$", DOCKERFILE.read_text(), re.M)
    assert "--dashboard-host=127.0.0.1" in cmd and "0.0.0.0" not in cmd
    assert "8265" not in re.findall(r"^EXPOSE (.+)$", DOCKERFILE.read_text(), re.M)[0]


# --- Docker -------------------------------------------------------------------------------------


def test_dockerfile_runs_the_gpu_config():
    text = DOCKERFILE.read_text()
    assert re.search(r"^FROM \$\{CUDA_IMAGE\}", text, re.M) and "cudnn-runtime" in text
    assert "python3.11" in text
    assert '".[serve,gpu]"' in text and "-r requirements-nodeps.txt" in text
    assert "pip uninstall -y onnxruntime onnxruntime-gpu" in text  # never both installed
    exposed = {int(p) for line in re.findall(r"^EXPOSE (.+)$", text, re.M) for p in line.split()}
    assert {8000, METRICS_EXPORT_PORT} <= exposed
    (cmd,) = re.findall(r"^CMD (.+)$", text, re.M)
    assert "serve run configs/serve/gpu-cluster.yaml" in cmd
    assert f"--metrics-export-port={METRICS_EXPORT_PORT}" in cmd and STATE_RESOURCE in cmd
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert ".venv" in ignored and ".git" in ignored


# --- Prometheus and Grafana ---------------------------------------------------------------------


def test_prometheus_scrapes_the_documented_port():
    config = load(PROMETHEUS)
    targets = [
        target
        for job in config["scrape_configs"]
        for static in job.get("static_configs", [])
        for target in static["targets"]
    ]
    assert targets and all(t.rsplit(":", 1)[1] == str(METRICS_EXPORT_PORT) for t in targets)


def test_dashboard_references_every_metric_and_only_existing_ones():
    dashboard = json.loads(DASHBOARD.read_text())
    exprs = [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]
    text = "\n".join(exprs)
    for spec in ALL_METRICS:
        assert any(name in text for name in spec.sample_names), spec.name
    known = {name for spec in ALL_METRICS for name in spec.sample_names}
    used = set(re.findall(r"\bray_facechain_[a-z_]+", text))
    assert used <= known, used - known
    assert len({panel["id"] for panel in dashboard["panels"]}) == len(dashboard["panels"])
