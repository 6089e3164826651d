"""How the engine loads LoRA files: alpha is honoured in every format, as plain diffusers does.

One set of LoRA weights (rank 4, alpha 8 on purpose: the update is scaled by alpha / rank = 2) is
written as a facechain folder (peft ``LoraConfig`` in the safetensors header), as a kohya/WebUI
file (``.alpha`` tensors) and as a bare PEFT file (``adapter_config.json`` beside it). The
reference is plain ``StableDiffusionPipeline.load_lora_weights(folder)`` in the same process with
the same seed, so images may differ at most by one grey level of rounding; the alpha effect itself
(alpha 8 against alpha == rank) is several grey levels on average.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from safetensors.torch import save_file

from facechain.diffusion.engine import AdapterRef, DiffusionEngine, DiffusionRequest
from facechain.diffusion.lora_io import LoraArtifact, LoraMetadata, save_lora
from facechain.diffusion.styles import lora_format

RANK, ALPHA = 4, 8.0
TARGETS = ("to_q", "to_k", "to_v", "to_out.0")
REQUEST = DiffusionRequest(prompt="a portrait of a handsome man", steps=3, width=64, height=64, seed=0)
ROUNDING = 1  # grey levels: same weights, same seed, same process
ALPHA_EFFECT = 2.0  # mean grey levels between alpha 8 and alpha 4 must exceed this (measured ~7)


@pytest.fixture(scope="module")
def engine(tiny_base):
    return DiffusionEngine(tiny_base)


@pytest.fixture(scope="module")
def modules(engine) -> dict[str, tuple[int, int]]:
    """The UNet attention projections a LoRA targets: name -> (in, out) features."""
    return {n: (m.in_features, m.out_features) for n, m in engine.pipe.unet.named_modules()
            if isinstance(m, torch.nn.Linear) and n.endswith(TARGETS)}


@pytest.fixture(scope="module")
def weights(modules) -> dict[str, tuple[torch.Tensor, torch.Tensor]]:
    """module -> (lora_A, lora_B), large enough to change the image by many grey levels."""
    gen = torch.Generator().manual_seed(0)
    return {name: (torch.randn(RANK, fan_in, generator=gen) / fan_in ** 0.5,
                   torch.randn(fan_out, RANK, generator=gen) * 0.3)
            for name, (fan_in, fan_out) in modules.items()}


def _facechain_lora(tiny_base, weights, alpha: float, folder: Path) -> LoraArtifact:
    from peft import LoraConfig

    state = {}
    for name, (a, b) in weights.items():
        state[f"{name}.lora_A.weight"], state[f"{name}.lora_B.weight"] = a, b
    meta = LoraMetadata(kind="face", base_model_id=tiny_base.id, base_model_fingerprint=tiny_base.fingerprint,
                        rank=RANK, alpha=alpha, steps=0, resolution=64)
    config = LoraConfig(r=RANK, lora_alpha=alpha, target_modules=list(TARGETS))
    return save_lora(folder, state, None, meta, unet_lora_config=config.to_dict())


@pytest.fixture(scope="module")
def lora(tiny_base, weights, tmp_path_factory) -> LoraArtifact:
    return _facechain_lora(tiny_base, weights, ALPHA, tmp_path_factory.mktemp("alpha8"))


@pytest.fixture(scope="module")
def lora_alpha_is_rank(tiny_base, weights, tmp_path_factory) -> LoraArtifact:
    return _facechain_lora(tiny_base, weights, float(RANK), tmp_path_factory.mktemp("alpha4"))


@pytest.fixture(scope="module")
def plain(tiny_base, engine):
    """A plain diffusers pipeline of its own (own modules), with the engine's scheduler."""
    from diffusers import StableDiffusionPipeline

    pipe = StableDiffusionPipeline.from_pretrained(str(tiny_base.path), safety_checker=None,
                                                   requires_safety_checker=False)
    pipe.scheduler = type(engine.pipe.scheduler).from_config(engine.pipe.scheduler.config)
    pipe.set_progress_bar_config(disable=True)
    return pipe


def _plain_image(pipe, folder: Path, **load_kwargs) -> np.ndarray:
    """What plain diffusers draws with ``load_lora_weights(folder)``, in the engine's call shape."""
    pipe.load_lora_weights(str(folder), adapter_name="plain", **load_kwargs)
    try:
        with torch.inference_mode():
            image = pipe(prompt=REQUEST.prompt, negative_prompt=None, num_images_per_prompt=1,
                         num_inference_steps=REQUEST.steps, guidance_scale=REQUEST.guidance_scale,
                         width=REQUEST.width, height=REQUEST.height, output_type="np",
                         generator=[torch.Generator(device="cpu").manual_seed(REQUEST.seed)]).images[0]
    finally:
        pipe.delete_adapters("plain")
    return np.clip(np.round(image * 255.0), 0, 255).astype(np.uint8)


@pytest.fixture(scope="module")
def reference(plain, lora) -> np.ndarray:
    return _plain_image(plain, lora.path)


def _engine_image(engine, ref: AdapterRef) -> np.ndarray:
    return engine(DiffusionRequest(**{**REQUEST.__dict__, "adapters": (ref,)}))[0]


def _diff(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.abs(a.astype(np.int16) - b.astype(np.int16))


def test_alpha_changes_the_image(engine, reference, lora_alpha_is_rank, plain):
    """The premise: alpha 8 and alpha == rank draw visibly different images (so the tests below
    can fail), and plain diffusers itself honours the header's alpha."""
    same_rank = _plain_image(plain, lora_alpha_is_rank.path)
    assert _diff(reference, same_rank).mean() > ALPHA_EFFECT
    assert _diff(_engine_image(engine, AdapterRef.face("alpha4", lora_alpha_is_rank.path)),
                 same_rank).max() <= ROUNDING


def test_engine_honours_the_alpha_in_the_header(engine, lora, reference):
    image = _engine_image(engine, AdapterRef.face("alpha8", lora.path))
    config = engine.pipe.unet.peft_config[engine.pipeline_adapter_name(AdapterRef.face("alpha8", None).name)]
    assert (config.r, config.lora_alpha) == (RANK, ALPHA)
    assert _diff(image, reference).max() <= ROUNDING


def test_engine_honours_kohya_alpha_tensors(engine, weights, reference, tmp_path):
    path = tmp_path / "kohya.safetensors"
    tensors = {}
    for name, (a, b) in weights.items():
        key = "lora_unet_" + name.replace(".", "_")
        tensors[f"{key}.lora_down.weight"], tensors[f"{key}.lora_up.weight"] = a, b
        tensors[f"{key}.alpha"] = torch.tensor(ALPHA)
    save_file(tensors, str(path))
    assert lora_format(path) == "kohya"
    image = _engine_image(engine, AdapterRef.style("kohya-alpha8", path))
    assert _diff(image, reference).max() <= ROUNDING


def test_engine_honours_a_peft_adapter_config(engine, weights, reference, lora_alpha_is_rank, plain,
                                               tmp_path):
    tensors = {}
    for name, (a, b) in weights.items():
        tensors[f"base_model.model.{name}.lora_A.weight"] = a
        tensors[f"base_model.model.{name}.lora_B.weight"] = b
    bare = tmp_path / "bare" / "adapter_model.safetensors"
    bare.parent.mkdir()
    save_file(tensors, str(bare))
    assert lora_format(bare) == "peft"
    # no adapter config: nothing says alpha, so it is rank (what diffusers assumes)
    same_rank = _plain_image(plain, lora_alpha_is_rank.path)
    assert _diff(_engine_image(engine, AdapterRef.style("peft-bare", bare)), same_rank).max() <= ROUNDING

    with_config = tmp_path / "peft" / "adapter_model.safetensors"
    with_config.parent.mkdir()
    save_file(tensors, str(with_config))
    (with_config.parent / "adapter_config.json").write_text(json.dumps(
        {"peft_type": "LORA", "r": RANK, "lora_alpha": ALPHA, "target_modules": list(TARGETS),
         "some_future_field": True}))
    image = _engine_image(engine, AdapterRef.style("peft-alpha8", with_config))
    assert _diff(image, reference).max() <= ROUNDING
