"""Built-in style LoRAs for the tiny base model, trained once into the cache.

The tiny model has random weights, so no downloaded style LoRA fits it. ``tiny-style-ink`` is a
real style LoRA trained (offline, in seconds on a CPU) on procedurally drawn ink-wash images:
mountain ridges and brush strokes in black ink on white paper. It exercises style-LoRA training,
loading and mixing end to end; ``scripts/train_tiny_style.py`` builds it explicitly, and
:func:`ensure_builtin_style` builds it on first use.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

import cv2
import numpy as np

logger = logging.getLogger(__name__)

INK_TRIGGER = "ink wash painting"
BUILTIN_STYLES = {"tiny-style-ink"}


def ink_wash_images(n: int = 8, size: int = 128, seed: int = 0) -> list[np.ndarray]:
    """``n`` ink-wash pictures: layered ridges in graded ink, a few brush strokes, paper grain."""
    rng = np.random.default_rng(seed)
    images = []
    for _ in range(n):
        paper = np.full((size, size), 245.0) + rng.normal(0, 3, (size, size))
        for layer in range(3):  # far ridges pale, near ridges dark
            base_y = size * (0.45 + 0.17 * layer)
            xs = np.arange(size)
            ridge = base_y + np.cumsum(rng.normal(0, 1.6, size))
            ridge -= ridge.mean() - base_y
            ink = 200 - 70 * layer
            for x in xs:
                paper[int(max(0, ridge[x])):, x] = np.minimum(paper[int(max(0, ridge[x])):, x], ink)
        for _ in range(rng.integers(2, 5)):  # dry-brush strokes
            pts = np.cumsum(rng.normal(0, size / 12, (6, 2)), axis=0) + rng.uniform(0, size, 2)
            cv2.polylines(paper, [pts.astype(np.int32)], False, float(rng.uniform(10, 60)),
                          int(rng.integers(1, 4)), cv2.LINE_AA)
        paper = cv2.GaussianBlur(paper, (0, 0), 0.8)
        grey = np.clip(paper, 0, 255).astype(np.uint8)
        images.append(np.repeat(grey[:, :, None], 3, axis=2))
    return images


def train_tiny_style_ink(out_file: Path, *, steps: int = 40, seed: int = 0) -> Path:
    """Train the ink style LoRA on ``builtin:tiny-sd15`` and write it to ``out_file`` atomically."""
    from facechain.diffusion.base_model import load_base_model
    from facechain.diffusion.lora_io import WEIGHTS_NAME
    from facechain.diffusion.lora_training import LoraTrainingConfig, TrainingExample, train_lora

    base = load_base_model("builtin:tiny-sd15", device="cpu")
    examples = [TrainingExample(image=img, caption=f"{INK_TRIGGER}, black ink, white paper")
                for img in ink_wash_images(seed=seed)]
    config = LoraTrainingConfig(max_steps=steps, seed=seed, rank=4, alpha=4,
                                learning_rate=1e-3, optimizer="adamw")
    out_file.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_file.parent) as tmp:
        artifact = train_lora(examples, base, config, tmp,
                              metadata={"kind": "style", "trigger": INK_TRIGGER})
        staged = Path(tmp) / "staged.safetensors"
        shutil.copyfile(Path(tmp) / WEIGHTS_NAME, staged)
        os.replace(staged, out_file)
    logger.info("trained builtin style LoRA %s (%d steps)", out_file, artifact.metadata.steps)
    return out_file


def ensure_builtin_style(name: str, path: Path) -> Path:
    """Build the builtin style ``name`` at ``path`` unless it is there already."""
    if path.is_file():
        return path
    if name == "tiny-style-ink":
        return train_tiny_style_ink(path)
    raise KeyError(name)
