"""HTTP request and response schemas (pydantic v2, ``extra="forbid"``).

Requests turn themselves into library parameters (``to_params``), so defaults and ranges live in
the library (``GenerateParams``, ``TrainParams``) and the API cannot drift from them.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from facechain.errors import InvalidInputError
from facechain.imageio import decode_image
from facechain.pipelines.generate import GenerateParams
from facechain.pipelines.train import TrainParams


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def decode_base64_image(value: str, param: str, max_pixels: int):
    """A base64 (optionally a data: URL) image to uint8 RGB; typed 400 errors."""
    if value.startswith("data:"):
        value = value.partition(",")[2]
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InvalidInputError(f"{param} is not valid base64", param=param) from exc
    try:
        return decode_image(data, max_pixels=max_pixels)
    except InvalidInputError as exc:
        raise type(exc)(exc.message, param=param) from exc


class GenerateRequest(_Strict):
    """``POST /v1/generate``."""

    lora_id: str = Field(description="face LoRA id returned by POST /v1/loras", min_length=1,
                         max_length=64, pattern=r"^[a-z0-9][a-z0-9_-]*$")
    style: str | None = Field(None, description="style slug from GET /v1/styles; null: no style")
    prompt: str = Field("", max_length=1000, description="extra prompt text")
    negative_prompt: str | None = Field(None, max_length=1000, description="replaces the style's")
    num_images: int = Field(4, ge=1, le=16, description="candidates generated before ranking")
    top_k: int | None = Field(None, ge=1, le=16, description="portraits returned; null: min(6, num_images)")
    steps: int = Field(20, ge=1, le=100, description="denoising steps")
    cfg: float = Field(7.0, ge=0.0, le=30.0, description="classifier-free guidance scale")
    size: int | None = Field(None, ge=64, le=1024, multiple_of=8,
                             description="square image side; null: the LoRA's training resolution")
    seed: int | None = Field(None, ge=0, le=2**31 - 1, description="candidate i uses seed + i")
    face_weight: float | None = Field(None, ge=0.0, le=2.0, description="face LoRA weight")
    style_weight: float | None = Field(None, ge=0.0, le=2.0, description="style LoRA weight")
    fusion_strength: float = Field(0.5, ge=0.0, le=1.0, description="face fusion; 0 = off")
    pose: str | None = Field(None, description="base64 reference photo whose body pose to follow")
    pose_scale: float = Field(1.0, ge=0.0, le=2.0, description="pose ControlNet scale")
    include_candidates: bool = Field(False, description="also return the raw candidates")

    @field_validator("style")
    @classmethod
    def _style(cls, value: str | None) -> str | None:
        return value or None

    def to_params(self) -> GenerateParams:
        return GenerateParams(
            style=self.style, prompt=self.prompt, negative_prompt=self.negative_prompt,
            num_images=self.num_images, top_k=self.top_k, steps=self.steps,
            guidance_scale=self.cfg, width=self.size, height=self.size, seed=self.seed,
            face_weight=self.face_weight, style_weight=self.style_weight,
            fusion_strength=self.fusion_strength, pose_scale=self.pose_scale)


class PortraitOut(_Strict):
    image: str = Field(description="base64 PNG")
    similarity: float = Field(description="face similarity to the template face, 0..1")
    seed: int


class DroppedOut(_Strict):
    seed: int
    reason: str = Field(description="no_face | multiple_faces | face_too_small | face_too_large | below_top_k")
    message: str
    similarity: float | None = None


class GenerateResponse(_Strict):
    portraits: list[PortraitOut]
    dropped: list[DroppedOut]
    prompt: str
    negative_prompt: str
    seed: int = Field(description="base seed (candidate i used seed + i)")
    candidates: list[str] | None = Field(None, description="raw candidates, base64 PNG")


class TrainOptions(_Strict):
    """The ``options`` form field of ``POST /v1/loras`` (JSON)."""

    steps: int | None = Field(None, ge=1, le=2000, description="training steps; null: by photo count")
    rank: int = Field(4, ge=1, le=64)
    seed: int = Field(0, ge=0, le=2**31 - 1)
    resolution: int | None = Field(None, ge=64, le=1024, multiple_of=8)
    retouch_strength: float = Field(0.3, ge=0.0, le=1.0)

    def to_params(self) -> TrainParams:
        return TrainParams(**self.model_dump())


class TrainAccepted(_Strict):
    job_id: str
    lora_id: str = Field(description="id the LoRA will have once the job succeeds")
    status_url: str


class AcceptedPhoto(_Strict):
    source: str
    caption: str
    tags: list[str]
    quality: float
    quality_terms: dict[str, float]
    rotation: int
    roll_degrees: float
    gender: str
    male_probability: float
    age: float
    face_box: list[float]
    image: str | None = Field(None, description="base64 PNG training image (include_images=true)")


class RejectedPhoto(_Strict):
    source: str
    reason: str = Field(description="undecodable | too_large | no_face | multiple_faces | "
                        "face_too_small | too_blurry")
    message: str


class FacesResponse(_Strict):
    accepted: list[AcceptedPhoto]
    rejected: list[RejectedPhoto]
    trigger: str
    gender: str
    age: float
    template: dict[str, Any]


class LoraOut(_Strict):
    lora_id: str
    kind: str
    trigger: str
    common_tags: list[str]
    base_model_id: str
    rank: int
    steps: int
    resolution: int
    created_at: str


class StyleOut(_Strict):
    slug: str
    name: str
    description: str
    base_model: str
    prompt_only: bool
    style_weight: float
    face_weight: float
    prompt: str
    negative_prompt: str
    tags: list[str]
