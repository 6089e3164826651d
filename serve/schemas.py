"""HTTP request and response schemas (pydantic v2, ``extra="forbid"``, a description on every
field: the OpenAPI page at ``/docs`` is the API's documentation).

Requests *are* the library's parameter models plus the fields only HTTP has:
:class:`GenerateRequest` subclasses ``GenerateParams``, :class:`TrainOptions` ``TrainParams``,
:class:`InpaintOptions` ``InpaintParams``, :class:`TryonOptions` ``TryonParams`` and
:class:`TalkOptions` ``TalkParams``, so every library field (its name, default, range and description) is an API
field without being listed here, and ``to_params`` hands the library exactly its own model.
Reason and status enums (rejected photos, dropped candidates, per-face reports) are the
library's too.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from facechain.errors import InvalidInputError
from facechain.imageio import decode_image
from facechain.pipelines.generate import GenerateParams
from facechain.pipelines.inpaint import InpaintParams
from facechain.pipelines.train import TrainParams
from facechain.pipelines.tryon import TryonParams
from facechain.talk.params import TalkParams
from facechain.types import DropReason, FaceStatus
from serve.errors import RejectedPhoto

P = TypeVar("P", bound=BaseModel)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _library_part(request: BaseModel, params: type[P]) -> P:
    """The library model ``params`` built from the fields of ``request`` that it declares."""
    return params.model_validate(request.model_dump(include=set(params.model_fields)))


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


LORA_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
"""What a face LoRA id looks like (server-made ids; the store's folder names)."""


def _lora_id_field(description: str = "face LoRA id returned by POST /v1/loras") -> Any:
    return Field(description=description, min_length=1, max_length=64, pattern=LORA_ID_PATTERN)


def _no_empty_style(value: str | None) -> str | None:
    return value or None


class GenerateRequest(GenerateParams):
    """``POST /v1/generate``: the library's generation parameters plus the LoRA to use."""

    model_config = ConfigDict(extra="forbid", title="GenerateRequest")

    lora_id: str = _lora_id_field()
    pose: str | None = Field(None, description="base64 (or data: URL) reference photo whose body "
                             "pose the portraits follow (OpenPose ControlNet)")
    include_candidates: bool = Field(False, description="also return the raw candidates, before "
                                     "fusion and ranking")

    @field_validator("style")
    @classmethod
    def _style(cls, value: str | None) -> str | None:
        return _no_empty_style(value)

    def to_params(self) -> GenerateParams:
        return _library_part(self, GenerateParams)


class PortraitOut(_Strict):
    """A generated portrait, ranked by face similarity."""

    image: str = Field(description="base64 PNG")
    similarity: float = Field(description="face similarity to the template face, 0..1")
    seed: int = Field(description="seed of the candidate this portrait came from")


class DroppedOut(_Strict):
    """A candidate that was not returned, and why."""

    seed: int = Field(description="seed of the dropped candidate")
    reason: DropReason = Field(description="why it was dropped (a stable identifier)")
    message: str = Field(description="human-readable explanation")
    similarity: float | None = Field(None, description="its face similarity, when it was ranked")


class GenerateResponse(_Strict):
    """The answer of ``POST /v1/generate``."""

    portraits: list[PortraitOut] = Field(description="the best candidates, most similar first")
    dropped: list[DroppedOut] = Field(description="candidates not returned, each with its reason")
    prompt: str = Field(description="the prompt the candidates were generated with")
    negative_prompt: str = Field(description="the negative prompt they were generated with")
    seed: int = Field(description="base seed (candidate i used seed + i)")
    candidates: list[str] | None = Field(None, description="raw candidates, base64 PNG "
                                         "(include_candidates=true)")


class FaceLora(_Strict):
    """Which face LoRA redraws which face of the template."""

    index: int = Field(ge=0, description="the face, by its left-to-right index among the faces "
                       "detected in the template (0 = leftmost)")
    lora_id: str = _lora_id_field("face LoRA id (POST /v1/loras) of the person to draw there")


class InpaintOptions(InpaintParams):
    """The ``options`` form field of ``POST /v1/inpaint`` (a JSON object): the library's template
    inpainting parameters plus which LoRA redraws which face. Faces not named stay as they are."""

    model_config = ConfigDict(extra="forbid", title="InpaintOptions")

    faces: list[FaceLora] = Field(min_length=1, description="the faces to redraw, each with its "
                                  "face LoRA; each index at most once")

    @field_validator("style")
    @classmethod
    def _style(cls, value: str | None) -> str | None:
        return _no_empty_style(value)

    @model_validator(mode="after")
    def _unique_indices(self) -> InpaintOptions:
        indices = [face.index for face in self.faces]
        if len(set(indices)) != len(indices):
            raise ValueError(f"each face index at most once, got {indices}")
        return self

    def to_params(self) -> InpaintParams:
        return _library_part(self, InpaintParams)


class TryonOptions(TryonParams):
    """The ``options`` form field of ``POST /v1/tryon`` (a JSON object): the library's try-on
    parameters plus the face LoRA of the person who is to wear the garment."""

    model_config = ConfigDict(extra="forbid", title="TryonOptions")

    lora_id: str = _lora_id_field("face LoRA id (POST /v1/loras) of the person who is to wear "
                                  "the garment")

    def to_params(self) -> TryonParams:
        return _library_part(self, TryonParams)


class TalkOptions(TalkParams):
    """The ``options`` form field of ``POST /v1/talk`` (a JSON object): the talking-head knobs
    (SadTalker's and FaceChain's names and ranges)."""

    model_config = ConfigDict(extra="forbid", title="TalkOptions")

    def to_params(self) -> TalkParams:
        return _library_part(self, TalkParams)


class TalkAccepted(_Strict):
    """The answer of ``POST /v1/talk`` (202): the render job."""

    job_id: str = Field(description="the render job; poll status_url (progress: stage, frame, "
                        "frames)")
    output_id: str = Field(description="id the video will have once the job succeeds")
    status_url: str = Field(description="GET this for the job's state and progress")
    video_url: str = Field(description="GET this for the mp4 once the job succeeded (HTTP range "
                           "requests supported)")
    portrait: dict[str, Any] = Field(description="the portrait check: face box (x0, y0, x1, y1 "
                                     "px), frame size (width, height), preprocess, size")


class VoiceOut(_Strict):
    """A text-to-speech voice."""

    id: str = Field(description="the voice id, used as 'voice' in POST /v1/talk")
    name: str = Field(description="display name")
    language: str = Field(description="language tag, e.g. en-US")
    backend: str = Field(description="'piper' (neural) or 'espeak' (formant, the fallback)")
    sample_rate: int = Field(description="sample rate of its speech, Hz")
    alignments: bool = Field(description="whether it gives phoneme timings (exact lip closures)")


class FaceReportOut(_Strict):
    """What was done with one detected face (``FaceReport.to_dict()`` of the library)."""

    index: int = Field(description="the face's left-to-right index in the input")
    box: list[float] = Field(description="face box in the input: x0, y0, x1, y1 (px)")
    lora: str | None = Field(description="the LoRA id named for this face (null: not named)")
    status: FaceStatus = Field(description="done: redrawn; skipped: not named, left pixel for "
                               "pixel; failed: a stage failed, left as it was (see reason)")
    reason: str | None = Field(None, description="why it was skipped or failed")
    similarity: float | None = Field(None, description="face similarity of the redrawn face to "
                                     "the LoRA's template face, 0..1 (done faces only)")


class InpaintResponse(_Strict):
    """The answer of ``POST /v1/inpaint``."""

    image: str = Field(description="the template with the named faces redrawn, base64 PNG, the "
                       "template's size")
    faces: list[FaceReportOut] = Field(description="one report per detected face, by index")
    seed: int = Field(description="the seed the passes ran with")


class TryonResponse(_Strict):
    """The answer of ``POST /v1/tryon``."""

    image: str = Field(description="the LoRA's person wearing the garment, base64 PNG, the "
                       "photo's size")
    mask: str = Field(description="the garment mask used (white = garment kept), base64 PNG, the "
                      "photo's size: correct it and send it back as 'mask'")
    faces: list[FaceReportOut] = Field(description="reports of the face pass, one per detected "
                                       "face (empty when face_pass is false)")
    seed: int = Field(description="the seed the passes ran with")


class TrainOptions(TrainParams):
    """The ``options`` form field of ``POST /v1/loras`` (a JSON object): the library's training
    parameters."""

    model_config = ConfigDict(extra="forbid", title="TrainOptions")

    def to_params(self) -> TrainParams:
        return _library_part(self, TrainParams)


class TrainAccepted(_Strict):
    """The answer of ``POST /v1/loras`` (202): the training job."""

    job_id: str = Field(description="the training job; poll status_url")
    lora_id: str = Field(description="id the LoRA will have once the job succeeds")
    status_url: str = Field(description="GET this for the job's state and progress")
    rejected: list[RejectedPhoto] = Field(default_factory=list, description="uploaded photos "
                                          "that could not be decoded, not passed to the job")


class AcceptedPhoto(_Strict):
    """A photo accepted for training, with what preprocessing found."""

    source: str = Field(description="the photo's file name")
    caption: str = Field(description="training caption: trigger word and tags")
    tags: list[str] = Field(description="tags of the photo (identity-bound tags removed)")
    quality: float = Field(description="face quality score, 0..1")
    quality_terms: dict[str, float] = Field(description="the terms of the quality score")
    rotation: int = Field(description="degrees the photo was rotated to be upright (0/90/180/270)")
    roll_degrees: float = Field(description="in-plane rotation of the face that was corrected")
    gender: str = Field(description="estimated gender (male/female)")
    male_probability: float = Field(description="probability of 'male', 0..1")
    age: float = Field(description="estimated age, years")
    face_box: list[float] = Field(description="face box in the photo: x0, y0, x1, y1 (px)")
    image: str | None = Field(None, description="base64 PNG training image (include_images=true)")


class FacesResponse(_Strict):
    """The answer of ``POST /v1/faces``: the preprocessing report."""

    accepted: list[AcceptedPhoto] = Field(description="photos accepted for training")
    rejected: list[RejectedPhoto] = Field(description="photos rejected, each with its reason")
    trigger: str = Field(description="trigger word from gender and age over all accepted photos")
    gender: str = Field(description="gender the trigger word was chosen for")
    age: float = Field(description="mean estimated age over the accepted photos")
    template: dict[str, Any] = Field(description="the template face: source photo and quality")


class LoraOut(_Strict):
    """A face or style LoRA's metadata."""

    lora_id: str = Field(description="the LoRA's id")
    kind: str = Field(description="'face' (trained from photos) or 'style'")
    trigger: str = Field(description="trigger word the LoRA was trained with")
    common_tags: list[str] = Field(description="face tags shared by the training photos")
    base_model_id: str = Field(description="base model the LoRA was trained on")
    rank: int = Field(description="LoRA rank")
    steps: int = Field(description="training steps")
    resolution: int = Field(description="training resolution, px")
    created_at: str = Field(description="when it was trained (ISO 8601, UTC)")


class LorasOut(_Strict):
    """The caller's LoRAs."""

    loras: list[str] = Field(description="ids of the stored LoRAs, sorted")


class StyleOut(_Strict):
    """A style: a prompt template, with or without a style LoRA."""

    slug: str = Field(description="the style's id, used as 'style' in POST /v1/generate")
    name: str = Field(description="display name")
    description: str = Field(description="what the style looks like")
    base_model: str = Field(description="base-model family the style is for")
    prompt_only: bool = Field(description="true: a prompt template without a style LoRA")
    style_weight: float = Field(description="default weight of the style LoRA")
    face_weight: float = Field(description="default weight of the face LoRA with this style")
    prompt: str = Field(description="prompt template ({trigger} is the person)")
    negative_prompt: str = Field(description="negative prompt")
    tags: list[str] = Field(description="labels of the style")


class HealthOut(_Strict):
    """Liveness."""

    status: str = Field(description="'ok'")


class ReadinessOut(_Strict):
    """Readiness, per deployment."""

    status: str = Field(description="'ready' or 'not_ready'")
    deployments: dict[str, str] = Field(description="deployment name -> its status")
    unready: list[str] = Field(default_factory=list, description="deployments without a healthy "
                               "replica")
