"""A Diffusion deployment instance as a replica builds it, on a test's fake base model, and tiny
LoRA folders for it (shared by the Diffusion deployment tests)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import torch
from safetensors.torch import save_file

from deployments import diffusion as diffusion_module
from deployments.diffusion import Diffusion
from facechain.diffusion.lora_io import WEIGHTS_NAME


def diffusion_replica(monkeypatch, tmp_path: Path, base, *, multiplexed: bool = True, **init):
    """``Diffusion`` built on ``base`` (its registry answers ``base`` for every role), artifacts in
    ``tmp_path``, other ``__init__`` arguments from ``init``. ``multiplexed``: stand in for the replica context the multiplexer reads and for
    the controller it reports its model ids to (looking that up would start a local Ray in this
    process, and a later test's ray.init would then fail)."""
    if multiplexed:
        import ray.serve.multiplex as multiplex

        monkeypatch.setattr(multiplex, "_get_internal_replica_context", lambda: SimpleNamespace(
            app_name="facechain", deployment="Diffusion", replica_id="test-replica"))
        monkeypatch.setattr(multiplex, "_get_global_client", lambda: SimpleNamespace(
            record_request_routing_info=lambda info: None))
    monkeypatch.setattr(diffusion_module, "setup_model_process", lambda threads: None)
    registry = SimpleNamespace(build=lambda role, **options: base)
    monkeypatch.setattr(diffusion_module.ModelRegistry, "load",
                        classmethod(lambda cls, name: registry))
    return Diffusion.func_or_class(artifacts=str(tmp_path / "artifacts"), **init)


def write_lora(folder: Path) -> Path:
    """A LoRA weights file of one zero adapter pair in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    save_file({"unet.down_blocks.0.attentions.0.to_q.lora_A.weight": torch.zeros(2, 4),
               "unet.down_blocks.0.attentions.0.to_q.lora_B.weight": torch.zeros(4, 2)},
              str(folder / WEIGHTS_NAME))
    return folder
