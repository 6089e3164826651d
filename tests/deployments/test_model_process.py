"""deployments.process / setup_model_process: the model replicas' process priority, and the
local config's worker setup hook that applies it before a replica imports torch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from ray._common.utils import load_class  # what Ray uses to import the hook

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ("import os, sys; from deployments.process import lower_priority as hook; "
          "from deployments.components import setup_model_process as s; "
          "first = hook(); assert 'torch' not in sys.modules; s(1); s(1); print(first, os.nice(0))")


def _run(value: str) -> tuple[int, int]:
    env = {**os.environ, "FACECHAIN_MODEL_NICENESS": value, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=300, check=True).stdout.split()
    return int(out[-2]), int(out[-1])


@pytest.mark.parametrize("value", ["", "0", "7", "40"])
def test_model_replicas_take_the_configured_niceness_once(value):
    start = os.nice(0)
    wanted = max(start, min(19, int(value or 0)))
    # the hook sets it without importing torch; the constructor's call then changes nothing
    assert _run(value) == (wanted, wanted)  # set once, never lowered, not stacked, capped at 19


def test_the_local_config_lowers_model_workers_from_their_start_and_not_the_ingress():
    app = yaml.safe_load((ROOT / "configs/serve/local.yaml").read_text())["applications"][0]
    hook = app["runtime_env"]["worker_process_setup_hook"]
    assert load_class(hook).__module__ == "deployments.process"
    assert int(app["runtime_env"]["env_vars"]["FACECHAIN_MODEL_NICENESS"]) > 0
    by_name = {d["name"]: d for d in app["deployments"]}
    # Serve merges a deployment's env_vars over the application's: the Ingress runs at 0
    ingress_env = by_name["Ingress"]["ray_actor_options"]["runtime_env"]["env_vars"]
    assert ingress_env["FACECHAIN_MODEL_NICENESS"] == "0"
    for name, deployment in by_name.items():
        if name != "Ingress":
            assert "runtime_env" not in deployment.get("ray_actor_options", {}), name
