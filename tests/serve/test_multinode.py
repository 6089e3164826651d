"""configs/serve/gpu-cluster.yaml on a real two-node Ray cluster on one host (loadtests/multinode.py).

The slow test runs the script's short form: two ``ray start`` nodes with their own temp dirs and
ports (never a global ``ray stop``), the cluster config with the cpu-two-node override, the
worker stopped under a generate load. Asserted: model replicas on both nodes, the Ingress, the
job runner and every holder of the job store on the head, requests served by both nodes, generate
answering 200 again after the stop, no 5xx but 503. Timings stay in the JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from serve.cli import load_config

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "configs/serve/gpu-cluster.yaml"
OVERRIDE = ROOT / "configs/serve/overrides/cpu-two-node.yaml"
STATE_RESOURCE = "facechain_state"


def _nodes() -> dict:
    sys.path.insert(0, str(ROOT))
    from loadtests.multinode import NODES

    return NODES


def test_the_overridden_graph_fits_the_head_alone_and_only_the_head_has_the_state_resource():
    """The worker's replicas must have somewhere to go when it stops: the head."""
    nodes = _nodes()
    (app,) = load_config(CONFIG, override_files=[OVERRIDE])["applications"]
    cpus = gpus = state = 0.0
    for dep in app["deployments"]:
        n = dep["autoscaling_config"]["max_replicas"]
        options = dep["ray_actor_options"]
        cpus += n * options.get("num_cpus", 1)
        gpus += n * options.get("num_gpus", 0)
        state += n * options.get("resources", {}).get(STATE_RESOURCE, 0)
    head = nodes["head"]
    assert cpus <= head["num_cpus"] and gpus <= head["num_gpus"]
    assert 0 < state <= head["resources"][STATE_RESOURCE]
    assert STATE_RESOURCE not in nodes["worker"]["resources"]
    # The override's header documents the same `ray start` resources.
    header = OVERRIDE.read_text()
    for name, spec in nodes.items():
        line = next(x for x in header.splitlines() if x.lstrip("# ").startswith(f"{name}:"))
        assert f"--num-cpus={spec['num_cpus']}" in line and f"--num-gpus={spec['num_gpus']}" in line
        for key, value in spec["resources"].items():
            assert yaml.safe_load(line.split("--resources=")[1].strip("'")) == {key: value}


@pytest.fixture(scope="module")
def report() -> dict:
    pytest.importorskip("ray.serve")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FACECHAIN_ROOT": str(ROOT)}
    proc = subprocess.run([sys.executable, str(ROOT / "loadtests" / "multinode.py"), "--short"],
                          capture_output=True, text=True, timeout=900, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-4000:]
    out = json.loads(proc.stdout)
    assert "error" not in out, (out["error"], proc.stderr[-4000:])
    return out


@pytest.mark.slow
def test_two_nodes_the_worker_stopped_under_load(report):
    placement = report["placement"]
    assert report["model_replicas_by_node"]["head"] > 0
    assert report["model_replicas_by_node"]["worker"] > 0
    # Head-pinned: the Ingress (facechain_state), its job runner and the job store's holders.
    assert placement["Ingress"] == {"head": 1} and report["job_runner"]["nodes"] == ["head"]
    holders = report["job_store"]["opened_by"]
    assert holders and {h["node"] for h in holders} == {"head"}
    assert placement["ServeController"] == {"head": 1}
    assert set(placement["ProxyActor"]) == {"head", "worker"}  # proxy_location: EveryNode

    drill = report["drill"]
    served = drill["served_before_stop"]
    assert served["head"]["model_requests"] > 0 and served["worker"]["model_requests"] > 0
    assert drill["stop"]["processes"] > 0 and "raylet" in drill["stop"]["process_kinds"]
    assert drill["statuses_before_stop"].get("200", 0) > 0
    assert drill["recovered"] and drill["statuses_after_stop"].get("200", 0) > 0
    assert drill["node_dead_after_s"] is not None
    assert drill["unexpected_5xx"] == {}
    assert sum(n.get("worker", 0) for n in drill["lost"]["replicas"].values()) == \
        report["model_replicas_by_node"]["worker"]
    assert not any("worker" in nodes for nodes in drill["placement_after"].values())
