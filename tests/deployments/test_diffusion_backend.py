"""The Diffusion deployment builds the backend its config names (no Ray cluster): the serve
configs' ``diffusion`` args parse, an unknown backend is a ConfigError before anything loads, a
compiled replica exports its recompile count."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml

pytest.importorskip("ray.serve")

from deployments import diffusion as diffusion_module  # noqa: E402
from facechain.diffusion.accelerate import Backend, BackendConfig  # noqa: E402
from facechain.errors import ConfigError  # noqa: E402
from servekit import metrics  # noqa: E402

from .replicas import diffusion_replica  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def _app_args(name: str) -> dict:
    config = yaml.safe_load((ROOT / "configs/serve" / name).read_text())
    return config["applications"][0]["args"]


def test_local_config_runs_eager_torch_and_the_cluster_compiles_within_a_budget():
    assert BackendConfig.parse(_app_args("local.yaml").get("diffusion")).backend is Backend.TORCH
    cluster = BackendConfig.parse(_app_args("gpu-cluster.yaml")["diffusion"])
    assert cluster.backend is Backend.COMPILED and cluster.gpu_memory_gb
    assert cluster.warmup  # the served size compiles at start, not in the first request


def test_build_app_refuses_an_unknown_backend():
    from serve.app import build_app

    with pytest.raises(ConfigError, match="vulkan"):
        build_app({"diffusion": {"backend": "vulkan"}})


def test_replica_refuses_an_unknown_backend_before_loading(monkeypatch, tmp_path):
    loaded = []
    monkeypatch.setattr(diffusion_module.ModelRegistry, "load",
                        classmethod(lambda cls, name: loaded.append(name)))
    monkeypatch.setattr(diffusion_module, "setup_model_process", lambda threads: None)
    with pytest.raises(ConfigError, match="vulkan"):
        diffusion_module.Diffusion.func_or_class(artifacts=str(tmp_path), diffusion={"backend": "vulkan"})
    assert loaded == []


class _Recorder:
    def __init__(self):
        self.calls = []

    def set(self, value, tags=None):
        self.calls.append((value, tags))


def test_compiled_replica_reports_its_backend_and_recompiles(monkeypatch, tmp_path, one_torch_thread):
    from facechain.diffusion.base_model import load_base_model

    recorder = _Recorder()
    monkeypatch.setattr(metrics, "_objects", {metrics.DIFFUSION_RECOMPILES.name: recorder})
    replica = diffusion_replica(monkeypatch, tmp_path, load_base_model("builtin:tiny-sd15", device="cpu"),
                                multiplexed=False,
                                diffusion={"backend": "compiled", "slots": 1, "target_rank": 4})
    stats = asyncio.run(replica.stats())
    assert stats["backend"] == "compiled" and stats["recompiles"] == {"unet": 0}
    assert recorder.calls == [(0, {"network": "unet"})]  # exported from the start, not from a first recompile

