"""The accelerated backends: config parsing, the GPU memory budget, and the compiled UNet with
hotswapped LoRA slots (CPU inductor on the tiny model).

The compiled test compares against the eager engine with the same LoRAs and seeds. Inductor
reorders and fuses float operations (and the compiled UNet runs channels-last), so images may
differ by rounding: at most :data:`MAX_GREY` grey levels per pixel, :data:`MEAN_GREY` on average;
the LoRAs themselves change the image by far more (:data:`LORA_EFFECT`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from safetensors.torch import save_file

from facechain.diffusion.accelerate import (
    Backend,
    BackendConfig,
    apply_memory_budget,
    memory_fraction,
)
from facechain.diffusion.engine import AdapterRef, DiffusionEngine, DiffusionRequest
from facechain.diffusion.lora_io import WEIGHTS_NAME, LoraArtifact
from facechain.diffusion.tiny import random_face_lora
from facechain.errors import ConfigError, InvalidInputError

REQUEST = DiffusionRequest(prompt="a portrait of a beautiful woman", steps=3, width=64, height=64,
                           seed=3)
MAX_GREY = 4  # compiled vs eager, per pixel
MEAN_GREY = 0.5  # compiled vs eager, mean over the image
LORA_EFFECT = 2.0  # mean grey levels between the two LoRAs' images (and the base) must exceed it


# -- config ------------------------------------------------------------------------------------
def test_backend_config_parses_names_and_mappings():
    assert BackendConfig.parse(None).backend is Backend.TORCH
    assert BackendConfig.parse("compiled").backend is Backend.COMPILED
    config = BackendConfig.parse({"backend": "onnx", "build_dir": "/builds/tiny",
                                  "warmup": [[64, 64]], "gpu_memory_gb": "10.5"})
    assert config.build_dir == Path("/builds/tiny") and config.warmup == ((64, 64),)
    assert config.gpu_memory_gb == 10.5


@pytest.mark.parametrize("value, param", [
    ({"backend": "vulkan"}, "backend"),
    ("openvino", "backend"),
    ({"backend": "onnx"}, "build_dir"),  # a build backend needs its build
    ({"backend": "compiled", "slotz": 2}, "diffusion"),
    ({"backend": "compiled", "slots": 0}, "diffusion"),
    ({"warmup": [[60, 64]]}, "warmup"),
    ({"gpu_memory_gb": -1}, "gpu_memory_gb"),
    ([1, 2], "diffusion"),
])
def test_backend_config_rejects_bad_values_with_a_config_error(value, param):
    with pytest.raises(ConfigError) as info:
        BackendConfig.parse(value)
    assert info.value.param == param


def test_memory_fraction_is_the_budget_over_the_device():
    gib = 1024 ** 3
    assert memory_fraction(10.8, 24 * gib) == pytest.approx(0.45)
    assert memory_fraction(40, 80 * gib) == pytest.approx(0.5)
    assert memory_fraction(24, 24 * gib) == 1.0
    with pytest.raises(ConfigError, match="exceeds"):
        memory_fraction(25, 24 * gib)
    with pytest.raises(ConfigError):
        memory_fraction(0, 24 * gib)


def test_memory_budget_is_cuda_only():
    assert apply_memory_budget(BackendConfig(gpu_memory_gb=8), "cpu") is None
    assert apply_memory_budget(BackendConfig(), "cpu") is None


def test_unknown_backend_fails_the_engine_before_loading(tiny_base):
    with pytest.raises(ConfigError, match="vulkan"):
        DiffusionEngine(tiny_base, backend={"backend": "vulkan"})


# -- compiled UNet with LoRA slots --------------------------------------------------------------
def _fresh_base():
    """A BaseModel of its own: the compiled backend changes its UNet in place."""
    from facechain.diffusion.base_model import load_base_model

    return load_base_model("builtin:tiny-sd15", device="cpu")


def _face_lora(base, folder: Path, *, rank: int, alpha: float, seed: int) -> LoraArtifact:
    """A facechain face LoRA on every UNet attention projection, random weights big enough to
    change the image by many grey levels."""
    return random_face_lora(base, folder, rank=rank, alpha=alpha, seed=seed)


def _image(engine: DiffusionEngine, *refs: AdapterRef) -> np.ndarray:
    return engine(DiffusionRequest(**{**REQUEST.__dict__, "adapters": refs}))[0]


def _grey(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.abs(a.astype(np.int16) - b.astype(np.int16))


def test_compiled_engine_refuses_what_its_slots_cannot_take(one_torch_thread, tmp_path):
    base = _fresh_base()
    big = _face_lora(base, tmp_path / "rank8", rank=8, alpha=8, seed=0)
    engine = DiffusionEngine(base, backend={"backend": "compiled", "target_rank": 4})
    with pytest.raises(InvalidInputError, match="target_rank"):
        engine.preload(AdapterRef.face("big", big.path))
    te = tmp_path / "te"
    te.mkdir()
    save_file({"text_encoder.text_model.encoder.layers.0.self_attn.q_proj.lora_A.weight": torch.zeros(2, 32),
               "text_encoder.text_model.encoder.layers.0.self_attn.q_proj.lora_B.weight": torch.zeros(32, 2),
               "unet.down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q.lora_A.weight": torch.zeros(2, 32),
               "unet.down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q.lora_B.weight": torch.zeros(32, 2)},
              str(te / WEIGHTS_NAME))
    with pytest.raises(InvalidInputError, match="text_encoder"):
        engine.preload(AdapterRef.style("te", te))
    assert engine.loaded_adapters() == []


@pytest.mark.slow
def test_compiled_lora_swaps_never_recompile_and_match_eager(one_torch_thread, tmp_path):
    base = _fresh_base()
    # two face LoRAs of different ranks and alphas: the slots pad the rank, the scaling is a tensor
    face_a = AdapterRef.face("a", _face_lora(base, tmp_path / "a", rank=4, alpha=8, seed=1).path)
    face_b = AdapterRef.face("b", _face_lora(base, tmp_path / "b", rank=8, alpha=4, seed=2).path)
    eager = DiffusionEngine(_fresh_base())
    compiled = DiffusionEngine(base, backend={"backend": "compiled", "target_rank": 8,
                                              "warmup": [[REQUEST.width, REQUEST.height]]})
    compiled.warm_up(steps=REQUEST.steps)
    (counter,) = compiled.compile_counters()
    assert counter.compiles >= 1 and counter.warm

    plain = _image(compiled)
    sequence = [(face_a,), (face_b,), (face_a,), (face_b, AdapterRef.face("a", face_a.path, 0.5)), ()]
    images = [_image(compiled, *refs) for refs in sequence]
    assert compiled.recompiles() == {"unet": 0}
    assert compiled._slots.swaps >= 3  # a and b really were swapped in and out

    # the base image is the base image whatever the slots hold
    np.testing.assert_array_equal(images[-1], plain)
    # same images as eager, and the LoRAs' effect is far above the rounding
    for refs, image in zip(sequence, images):
        reference = _image(eager, *refs)
        diff = _grey(image, reference)
        assert diff.max() <= MAX_GREY and diff.mean() <= MEAN_GREY, (refs, diff.max(), diff.mean())
    assert _grey(images[0], images[1]).mean() > LORA_EFFECT
    assert _grey(images[0], plain).mean() > LORA_EFFECT
    assert _grey(images[0], images[2]).max() == 0  # back to a: same image


def test_tensorrt_builds_refuse_loras_with_a_config_error(tiny_base, monkeypatch, tmp_path):
    """A tensorrt build runs the base model only (an onnx build's LoRAs:
    tests/diffusion/test_onnx_export.py)."""
    import facechain.diffusion.engine as engine_module

    applied = []
    monkeypatch.setattr(engine_module, "apply_build", lambda pipe, config: applied.append(config.backend))
    engine = DiffusionEngine(tiny_base, backend={"backend": "tensorrt", "build_dir": str(tmp_path)})
    assert applied == [Backend.TENSORRT]
    folder = tmp_path / "lora"
    folder.mkdir()
    save_file({"unet.down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q.lora_A.weight": torch.zeros(2, 32),
               "unet.down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q.lora_B.weight": torch.zeros(32, 2)},
              str(folder / WEIGHTS_NAME))
    with pytest.raises(ConfigError, match="tensorrt runs the base model only"):
        engine.preload(AdapterRef.style("s", folder))
    assert engine.loaded_adapters() == []
