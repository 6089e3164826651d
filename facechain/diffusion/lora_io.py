"""LoRA folders on disk: writing, reading, validating and matching them to a base model.

A LoRA folder holds

* ``pytorch_lora_weights.safetensors``: the adapter in the diffusers layout (keys ``unet.*`` and,
  optionally, ``text_encoder.*``; peft's ``LoraConfig`` of each part in the safetensors header,
  so rank *and* alpha survive). Plain ``StableDiffusionPipeline.load_lora_weights(folder)`` reads it
  (a text-encoder part goes through transformers' PEFT integration, which pins its own minimum
  peft version: transformers 5.x wants peft >= 0.22).
* ``facechain_lora.json``: :class:`LoraMetadata` (kind, trigger word, base model id + fingerprint,
  rank, template face ...).
* ``template_face.png`` for a face LoRA, when the caller gave a template face.

Only safetensors are ever read or written: pickle formats (``.bin``, ``.pt``, ``.ckpt``, ``.pth``)
can run code on load, so :func:`read_lora` refuses them with a clear error.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal, Protocol

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from facechain.errors import IncompatibleModelError, InvalidInputError, NotFoundError

if TYPE_CHECKING:  # pragma: no cover
    import torch

logger = logging.getLogger(__name__)


class DiffusionBaseModel(Protocol):
    """What a LoRA is checked against: a loaded base model
    (:class:`facechain.diffusion.base_model.BaseModel`)."""

    id: str
    path: Path
    fingerprint: str

WEIGHTS_NAME = "pytorch_lora_weights.safetensors"
METADATA_NAME = "facechain_lora.json"
TEMPLATE_FACE_NAME = "template_face.png"
PICKLE_SUFFIXES = (".bin", ".pt", ".pth", ".ckpt", ".pkl", ".pickle")
FORMAT_VERSION = 1


class LoraMetadata(BaseModel):
    """What a LoRA is and what it was trained on; stored as ``facechain_lora.json``."""

    model_config = ConfigDict(extra="forbid")

    format_version: int = Field(FORMAT_VERSION, description="version of this metadata layout")
    kind: Literal["face", "style"] = Field(description="a person's face LoRA or a style LoRA")
    trigger: str = Field("", description="trigger word(s) the LoRA was trained with, e.g. 'a handsome man'")
    common_tags: list[str] = Field(default_factory=list,
                                   description="caption tags shared by every training image")
    base_model_id: str = Field(description="id of the base model the LoRA was trained on")
    base_model_fingerprint: str | None = Field(
        description="fingerprint (hash) of that base model's weights; None for an imported LoRA")
    rank: int = Field(ge=1, description="LoRA rank r")
    alpha: float = Field(gt=0, description="LoRA alpha; the update is scaled by alpha / rank")
    steps: int = Field(ge=0, description="optimizer steps trained")
    resolution: int = Field(ge=8, description="training resolution in pixels (square)")
    created_at: str = Field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"),
                            description="ISO-8601 UTC time the folder was written")
    template_face: str | None = Field(None, description="template face PNG, relative to the folder")
    template_embedding: list[float] | None = Field(
        None, description="face embedding of the template face (the ranking reference)")
    extra: dict[str, Any] = Field(default_factory=dict,
                                  description="free-form details (training config, timings, caller data)")

    @field_validator("template_face")
    @classmethod
    def _relative_inside(cls, value: str | None) -> str | None:
        if value is None:
            return value
        pure = PurePosixPath(value)
        if pure.is_absolute() or ".." in pure.parts or not pure.parts:
            raise ValueError(f"template_face must be a relative path inside the LoRA folder, got {value!r}")
        return value


@dataclass
class LoraArtifact:
    """A validated LoRA folder."""

    path: Path
    weights_file: Path
    metadata: LoraMetadata

    @property
    def template_face_path(self) -> Path | None:
        return self.path / self.metadata.template_face if self.metadata.template_face else None

    def load_template_face(self) -> np.ndarray | None:
        """The template face as uint8 RGB, or None when the LoRA has none."""
        path = self.template_face_path
        if path is None:
            return None
        from PIL import Image

        with Image.open(path) as img:
            return np.asarray(img.convert("RGB"))


def save_lora(output_dir: str | os.PathLike, unet_lora_state: dict[str, torch.Tensor],
              text_encoder_lora_state: dict[str, torch.Tensor] | None, metadata: LoraMetadata, *,
              unet_lora_config: dict | None = None, text_encoder_lora_config: dict | None = None,
              template_face: np.ndarray | None = None) -> LoraArtifact:
    """Write a LoRA folder and return it as read back by :func:`read_lora`.

    ``*_lora_state`` are peft-format state dicts (``peft.get_peft_model_state_dict``: keys like
    ``...to_q.lora_A.weight``); ``*_lora_config`` are the adapters' ``LoraConfig.to_dict()``,
    stored in the safetensors header so diffusers restores alpha (without them it assumes
    alpha == rank, and :func:`save_lora` then requires ``metadata.alpha == metadata.rank``).
    ``template_face`` (uint8 RGB) is written as ``template_face.png``. Files are written under
    temporary names and renamed, so a crash never leaves a half-written weights file behind.
    """
    import torch
    from diffusers import StableDiffusionPipeline
    from diffusers.utils import convert_state_dict_to_diffusers

    if not unet_lora_state:
        raise InvalidInputError("empty UNet LoRA state dict", param="unet_lora_state")
    if unet_lora_config is None and metadata.alpha != metadata.rank:
        raise InvalidInputError("alpha != rank needs the LoRA config to be stored (unet_lora_config)",
                                param="unet_lora_config")
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    metadata = metadata.model_copy()

    if template_face is not None:
        from PIL import Image

        image = np.asarray(template_face)
        if image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] != 3:
            raise InvalidInputError("template face must be uint8 RGB (H, W, 3)", param="template_face")
        tmp_png = out / (TEMPLATE_FACE_NAME + ".tmp")
        Image.fromarray(image).save(tmp_png, format="PNG")
        os.replace(tmp_png, out / TEMPLATE_FACE_NAME)
        metadata.template_face = TEMPLATE_FACE_NAME

    def to_diffusers(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
        state = {k: v.detach().to("cpu", torch.float32).contiguous() for k, v in state.items()}
        return convert_state_dict_to_diffusers(state)

    tmp_name = WEIGHTS_NAME + ".tmp"
    StableDiffusionPipeline.save_lora_weights(
        save_directory=out,
        unet_lora_layers=to_diffusers(unet_lora_state),
        text_encoder_lora_layers=to_diffusers(text_encoder_lora_state) if text_encoder_lora_state else None,
        weight_name=tmp_name,
        safe_serialization=True,
        unet_lora_adapter_metadata=_json_safe(unet_lora_config),
        text_encoder_lora_adapter_metadata=_json_safe(text_encoder_lora_config),
    )
    os.replace(out / tmp_name, out / WEIGHTS_NAME)

    tmp_json = out / (METADATA_NAME + ".tmp")
    tmp_json.write_text(metadata.model_dump_json(indent=2))
    os.replace(tmp_json, out / METADATA_NAME)
    logger.info("saved %s LoRA (rank %d, %d steps) to %s", metadata.kind, metadata.rank, metadata.steps, out)
    return read_lora(out)


def read_lora(path: str | os.PathLike) -> LoraArtifact:
    """Open and validate a LoRA folder (or its weights file).

    Raises :class:`NotFoundError` when the folder, weights or metadata are missing and
    :class:`InvalidInputError` for pickle files, unreadable safetensors, non-LoRA tensors or
    invalid metadata. Tensors are not loaded: only the safetensors header is read.
    """
    path = Path(path)
    if path.suffix.lower() in PICKLE_SUFFIXES:
        raise InvalidInputError(
            f"{path.name}: pickle checkpoints are refused (they can run code when loaded); "
            "convert the LoRA to safetensors", param="lora")
    if path.is_file():
        if path.name != WEIGHTS_NAME:
            raise InvalidInputError(f"expected a LoRA folder or {WEIGHTS_NAME}, got {path.name}", param="lora")
        path = path.parent
    if not path.is_dir():
        raise NotFoundError(f"LoRA folder not found: {path}", param="lora")

    weights = path / WEIGHTS_NAME
    if not weights.is_file():
        pickles = sorted(p.name for p in path.iterdir() if p.suffix.lower() in PICKLE_SUFFIXES)
        if pickles:
            raise InvalidInputError(
                f"{path}: only pickle weights found ({', '.join(pickles)}); pickle checkpoints are "
                f"refused, a LoRA must be stored as {WEIGHTS_NAME}", param="lora")
        raise NotFoundError(f"{path}: no {WEIGHTS_NAME}", param="lora")
    _check_weights(weights)

    meta_file = path / METADATA_NAME
    if not meta_file.is_file():
        raise NotFoundError(f"{path}: no {METADATA_NAME}", param="lora")
    try:
        metadata = LoraMetadata.model_validate_json(meta_file.read_text())
    except (ValidationError, UnicodeDecodeError) as exc:
        raise InvalidInputError(f"{meta_file}: invalid LoRA metadata: {exc}", param="lora") from exc
    if metadata.template_face and not (path / metadata.template_face).is_file():
        raise NotFoundError(f"{path}: template face {metadata.template_face} is missing", param="lora")
    return LoraArtifact(path=path, weights_file=weights, metadata=metadata)


def check_compatible(artifact: LoraArtifact, base: DiffusionBaseModel) -> None:
    """Raise :class:`IncompatibleModelError` when ``artifact`` was not trained on ``base``.

    The fingerprint (a hash of the base weights) must match. An imported LoRA without one gets a
    structural check instead: its cross-attention LoRA inputs must have the width of the base
    UNet's ``cross_attention_dim`` (768 for SD 1.5, 1024 for SD 2.x).
    """
    meta = artifact.metadata
    if meta.base_model_fingerprint is not None:
        if meta.base_model_fingerprint != base.fingerprint:
            raise IncompatibleModelError(
                f"LoRA {artifact.path.name} was trained on base model {meta.base_model_id!r} "
                f"(fingerprint {meta.base_model_fingerprint}), not on {base.id!r} "
                f"(fingerprint {base.fingerprint})", param="lora")
        return
    config_file = Path(base.path) / "unet" / "config.json"
    if not config_file.is_file():
        logger.warning("cannot check LoRA %s against %s: no fingerprint and no UNet config",
                       artifact.path, base.id)
        return
    cross_dim = json.loads(config_file.read_text()).get("cross_attention_dim")
    widths = _cross_attention_input_widths(artifact.weights_file)
    if cross_dim is not None and widths and widths != {cross_dim}:
        raise IncompatibleModelError(
            f"LoRA {artifact.path.name} expects text features of width {sorted(widths)}, base model "
            f"{base.id!r} has cross_attention_dim {cross_dim}", param="lora")


def lora_weights_file(path: str | os.PathLike, base: DiffusionBaseModel,
                      weight_name: str | None = None) -> Path:
    """The weights file a LoRA reference names: a facechain LoRA folder (checked against ``base``
    first), a folder holding ``weight_name`` (default :data:`WEIGHTS_NAME`), or the file itself;
    :class:`NotFoundError` when there is none."""
    path = Path(path)
    if path.is_dir() and (path / METADATA_NAME).is_file():
        artifact = read_lora(path)
        check_compatible(artifact, base)
        path = artifact.weights_file
    elif path.is_dir():
        path = path / (weight_name or WEIGHTS_NAME)
    if not path.is_file():
        raise NotFoundError(f"LoRA weights not found: {path}", param="lora")
    return path


def common_tags(captions: list[str], *, exclude: tuple[str, ...] = ()) -> list[str]:
    """Comma-separated tags present in every caption, in the order of the first caption."""
    if not captions:
        return []
    tag_sets = [{t.strip() for t in c.split(",") if t.strip()} for c in captions]
    shared = set.intersection(*tag_sets) - {e.strip() for e in exclude}
    ordered: list[str] = []
    for tag in (t.strip() for t in captions[0].split(",")):
        if tag in shared and tag not in ordered:
            ordered.append(tag)
    return ordered


# -- helpers ------------------------------------------------------------------------------------

def _check_weights(weights: Path) -> None:
    from safetensors import SafetensorError, safe_open

    try:
        with safe_open(str(weights), framework="pt", device="cpu") as f:
            keys = list(f.keys())
    except (SafetensorError, OSError, ValueError) as exc:
        raise InvalidInputError(f"{weights}: not a readable safetensors file: {exc}", param="lora") from exc
    if not keys:
        raise InvalidInputError(f"{weights}: holds no tensors", param="lora")
    not_lora = [k for k in keys if "lora" not in k and not k.endswith(".alpha")]
    if not_lora:
        raise InvalidInputError(f"{weights}: not a LoRA (e.g. tensor {not_lora[0]!r})", param="lora")


def _cross_attention_input_widths(weights: Path) -> set[int]:
    """Input widths of the LoRA down-projections on the UNet's cross-attention keys/values."""
    from safetensors import safe_open

    widths: set[int] = set()
    with safe_open(str(weights), framework="pt", device="cpu") as f:
        for key in f.keys():  # noqa: SIM118 (safe_open is not a mapping)
            is_kv = "attn2.to_k" in key or "attn2.to_v" in key
            if is_kv and ("lora.down" in key or "lora_A" in key or "lora_down" in key):
                widths.add(int(f.get_slice(key).get_shape()[-1]))
    return widths


def _json_safe(config: dict | None) -> dict | None:
    """A peft ``LoraConfig.to_dict()`` with sets turned into sorted lists (JSON has no sets)."""
    if config is None:
        return None

    def fix(value: Any) -> Any:
        if isinstance(value, (set, frozenset)):
            return sorted(value)
        if isinstance(value, dict):
            return {k: fix(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [fix(v) for v in value]
        return value

    return fix(dict(config))
