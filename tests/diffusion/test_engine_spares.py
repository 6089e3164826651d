"""Evicted adapters become spares, and a cold load of the same layout is a copy into one.

A copy (diffusers ``hotswap=True``) must draw what an injection of the same file draws; a LoRA of
another layout (here another rank) is injected anew; a request without adapters still runs with
LoRA off after an eviction left a spare behind; and at most ``SPARE_ADAPTERS`` spares stay.
References come from a second engine on a BaseModel of its own (own modules), same process and
seed, so images may differ at most by one grey level of rounding.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from facechain.diffusion.engine import SPARE_ADAPTERS, AdapterRef, DiffusionEngine, DiffusionRequest
from facechain.diffusion.lora_io import LoraArtifact, LoraMetadata, save_lora

TARGETS = ("to_q", "to_k", "to_v", "to_out.0")
REQUEST = DiffusionRequest(prompt="a portrait of a handsome man", steps=3, width=64, height=64, seed=0)
ROUNDING = 1  # grey levels: same weights, same seed, same process
LORA_EFFECT = 2.0  # mean grey levels between two different LoRAs must exceed this


@pytest.fixture(scope="module")
def modules(tiny_base) -> dict[str, tuple[int, int]]:
    unet = tiny_base.load_pipeline().unet
    return {n: (m.in_features, m.out_features) for n, m in unet.named_modules()
            if isinstance(m, torch.nn.Linear) and n.endswith(TARGETS)}


def _lora(tiny_base, modules, seed: int, rank: int, folder: Path) -> LoraArtifact:
    from peft import LoraConfig

    gen = torch.Generator().manual_seed(seed)
    state = {}
    for name, (fan_in, fan_out) in modules.items():
        state[f"{name}.lora_A.weight"] = torch.randn(rank, fan_in, generator=gen) / fan_in ** 0.5
        state[f"{name}.lora_B.weight"] = torch.randn(fan_out, rank, generator=gen) * 0.3
    meta = LoraMetadata(kind="face", base_model_id=tiny_base.id, base_model_fingerprint=tiny_base.fingerprint,
                        rank=rank, alpha=float(rank), steps=0, resolution=64)
    config = LoraConfig(r=rank, lora_alpha=float(rank), target_modules=list(TARGETS))
    return save_lora(folder, state, None, meta, unet_lora_config=config.to_dict())


@pytest.fixture(scope="module")
def loras(tiny_base, modules, tmp_path_factory) -> dict[str, LoraArtifact]:
    """a, b, d, e: rank 4 (one layout), different weights; c: rank 2 (another layout)."""
    ranks = {"a": 4, "b": 4, "c": 2, "d": 4, "e": 4}
    return {key: _lora(tiny_base, modules, seed, ranks[key], tmp_path_factory.mktemp(key))
            for seed, key in enumerate(ranks)}


@pytest.fixture(scope="module")
def reference(loras) -> dict[str, np.ndarray]:
    """Each LoRA injected fresh into an engine of its own modules, and the base image."""
    from facechain.diffusion.base_model import load_base_model

    engine = DiffusionEngine(load_base_model("builtin:tiny-sd15", device="cpu"))
    images = {key: _draw(engine, AdapterRef.face(key, lora.path)) for key, lora in loras.items()}
    images["base"] = _draw(engine)
    assert engine.stats.adapter_hotswaps == 0
    return images


def _draw(engine: DiffusionEngine, *refs: AdapterRef) -> np.ndarray:
    return engine(DiffusionRequest(**{**REQUEST.__dict__, "adapters": refs}))[0]


def _diff(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.abs(a.astype(np.int16) - b.astype(np.int16))


def _pipeline_adapters(engine: DiffusionEngine) -> set[str]:
    return set(engine.pipe.unet.peft_config)


def test_a_cold_load_of_the_same_layout_is_a_copy_into_a_spare(tiny_base, loras, reference):
    assert _diff(reference["a"], reference["b"]).mean() > LORA_EFFECT  # the copy is visible
    engine = DiffusionEngine(tiny_base)
    a, b = AdapterRef.face("a", loras["a"].path), AdapterRef.face("b", loras["b"].path)
    engine.preload(a, hold=True)
    slot_a = engine.pipeline_adapter_name(a.name)
    modules_before = len(list(engine.pipe.unet.modules()))
    assert engine.evict(a.name)
    engine.preload(b, hold=True)

    assert engine.stats.adapter_hotswaps == 1 and engine.stats.adapter_loads == 2
    assert engine.pipeline_adapter_name(b.name) == slot_a  # a's modules, b's weights
    assert len(list(engine.pipe.unet.modules())) == modules_before  # nothing injected
    assert _diff(_draw(engine, b), reference["b"]).max() <= ROUNDING
    assert _diff(_draw(engine), reference["base"]).max() == 0  # LoRA off: the base image


def test_another_layout_is_injected_and_the_spare_stays(tiny_base, loras, reference):
    engine = DiffusionEngine(tiny_base)
    a, c = AdapterRef.face("a", loras["a"].path), AdapterRef.face("c", loras["c"].path)
    engine.preload(a, hold=True)
    slot_a = engine.pipeline_adapter_name(a.name)
    engine.evict(a.name)
    engine.preload(c, hold=True)  # rank 2: a's rank-4 spare does not fit

    assert engine.stats.adapter_hotswaps == 0
    assert engine.pipeline_adapter_name(c.name) != slot_a and slot_a in _pipeline_adapters(engine)
    assert _diff(_draw(engine, c), reference["c"]).max() <= ROUNDING
    engine.preload(a, hold=True)  # back: into its old spare
    assert engine.stats.adapter_hotswaps == 1
    assert _diff(_draw(engine, a), reference["a"]).max() <= ROUNDING


def test_no_adapter_request_after_the_active_adapter_became_a_spare(tiny_base, loras, reference):
    """The last request's adapter was evicted (kept as a spare, still peft's active adapter):
    a request without adapters must still draw the base image."""
    engine = DiffusionEngine(tiny_base)
    a = AdapterRef.face("a", loras["a"].path)
    engine.preload(a, hold=True)
    _draw(engine, a)
    engine.evict(a.name)
    assert engine.loaded_adapters() == []
    assert _diff(_draw(engine), reference["base"]).max() == 0


def test_at_most_spare_adapters_spares_stay(tiny_base, loras):
    engine = DiffusionEngine(tiny_base)
    refs = [AdapterRef.face(k, loras[k].path) for k in ("a", "b", "d", "e")]
    assert len(refs) > SPARE_ADAPTERS + 1
    before = _pipeline_adapters(engine)
    for ref in refs:
        engine.preload(ref, hold=True)
    for ref in refs:
        engine.evict(ref.name)
    assert len(_pipeline_adapters(engine) - before) == SPARE_ADAPTERS
    engine.preload(refs[0], hold=True)
    assert engine.stats.adapter_hotswaps == 1
    assert len(_pipeline_adapters(engine) - before) == SPARE_ADAPTERS  # a spare was used
