"""An adapter loaded while a generation runs is added between two of its denoising steps (real
tiny pipeline, real peft injection), and that generation's image is the one it makes alone."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import torch

from facechain.diffusion.engine import AdapterRef, DiffusionEngine, DiffusionRequest
from tests.diffusion.test_engine_lora_loading import RANK, TARGETS, _facechain_lora

WAIT_S = 60.0  # bound for a thread to get scheduled on a loaded machine
ROUNDING = 1  # grey levels: same weights, same seed, same process


@pytest.fixture(scope="module")
def engine(tiny_base):
    return DiffusionEngine(tiny_base)


@pytest.fixture(scope="module")
def loras(engine, tiny_base, tmp_path_factory) -> list:
    modules = {n: (m.in_features, m.out_features) for n, m in engine.pipe.unet.named_modules()
               if isinstance(m, torch.nn.Linear) and n.endswith(TARGETS)}
    gen = torch.Generator().manual_seed(0)
    out = []
    for i in range(2):
        weights = {name: (torch.randn(RANK, fi, generator=gen) / fi ** 0.5,
                          torch.randn(fo, RANK, generator=gen) * 0.3)
                   for name, (fi, fo) in modules.items()}
        out.append(_facechain_lora(tiny_base, weights, 8.0, tmp_path_factory.mktemp(f"lora{i}")))
    return out


def test_a_load_during_a_generation_runs_between_its_steps_and_leaves_its_image(
        engine, loras, monkeypatch):
    own = AdapterRef.face("own", loras[0].path)
    request = DiffusionRequest(prompt="a portrait", adapters=(own,), steps=6, width=64,
                               height=64, seed=3)
    [alone] = engine(request)
    newcomer = AdapterRef.face("newcomer", loras[1].path)
    loaded, unet_calls, loaded_by_call = threading.Event(), [], {}
    real_forward = engine.pipe.unet.forward

    def load() -> None:
        engine.preload(newcomer, hold=True)
        loaded.set()

    def forward(*args, **kwargs):
        unet_calls.append(1)
        if len(unet_calls) == 2:  # during step 2: another request's load comes in
            threading.Thread(target=load, daemon=True).start()
            for _ in range(int(WAIT_S / 0.005)):
                if engine._step_jobs:
                    break
                threading.Event().wait(0.005)
        if len(unet_calls) == 4:  # the load finished while this generation still runs
            loaded_by_call[4] = loaded.wait(WAIT_S)
        return real_forward(*args, **kwargs)

    monkeypatch.setattr(engine.pipe.unet, "forward", forward)
    [during] = engine(request)
    assert loaded_by_call == {4: True}
    assert newcomer.adapter_name in engine.held_adapters()
    assert int(np.abs(alone.astype(int) - during.astype(int)).max()) <= ROUNDING
    monkeypatch.setattr(engine.pipe.unet, "forward", real_forward)
    # the newcomer works as a loaded adapter: its image differs from the first LoRA's
    [other] = engine(DiffusionRequest(prompt="a portrait", adapters=(newcomer,), steps=6,
                                      width=64, height=64, seed=3))
    assert np.abs(other.astype(int) - alone.astype(int)).mean() > ROUNDING
