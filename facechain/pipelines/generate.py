"""Generation: a trained face LoRA + a style -> ranked portraits (DESIGN.md §1, 10-13).

    out = generate(lora_dir, GenerateParams(style="headshot", num_images=10, top_k=6, seed=1))
    out.portraits   # [Portrait(image, similarity, seed)], best first
    out.dropped     # candidates not returned, with reasons

Written against async component methods (``diffuse``, ``condition``, ``detect``, and the list
calls ``detect_many``, ``fuse_many``, ``embed_many``) so the served graph runs the same steps over
deployment handles.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections import OrderedDict
from collections.abc import Awaitable
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from facechain.diffusion.engine import AdapterRef, ControlInput, DiffusionRequest
from facechain.diffusion.lora_io import LoraArtifact, read_lora
from facechain.diffusion.styles import Style, StyleRegistry, resolve_lora
from facechain.errors import InvalidInputError
from facechain.pipelines.postprocess import RankComponents, TemplateRef, fuse_and_rank
from facechain.types import Face, GenerateOutput

logger = logging.getLogger(__name__)

MAX_SEED = 2**31 - 1
DEFAULT_TOP_K = 6
TEMPLATE_CACHE_SIZE = 32  # LoRA template photos (decoded, ~0.8 MB each at 512 px) per cache


class TemplateFaces:
    """LoRA template photos, decoded, each with the face its detector found: work that depends
    only on the LoRA, done once per LoRA instead of once per request (one file read and one
    detection hop less per generate). An LRU of ``size`` entries keyed by the template file and
    the LoRA's template embedding (both written by its training; a retrained LoRA is a new
    folder). Entries hold what one detector found: keep one cache per components object."""

    def __init__(self, size: int = TEMPLATE_CACHE_SIZE):
        self.size = size
        self._entries: OrderedDict[tuple, tuple[np.ndarray, Face]] = OrderedDict()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    async def get(self, artifact: LoraArtifact,
                  components: GenerateComponents) -> tuple[np.ndarray, Face]:
        """(template image, its face); InvalidInputError when the template shows no face."""
        key = _template_key(artifact)
        hit = self._entries.get(key)
        if hit is not None:
            self._entries.move_to_end(key)
            self.hits += 1
            return hit
        self.misses += 1
        entry = await _detect_template(artifact, components)
        self._entries[key] = entry
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)
        return entry


def _template_key(artifact: LoraArtifact) -> tuple:
    embedding = artifact.metadata.template_embedding or ()
    return str(artifact.template_face_path), hash(tuple(embedding))


async def _detect_template(artifact: LoraArtifact,
                           components: GenerateComponents) -> tuple[np.ndarray, Face]:
    image = await asyncio.to_thread(artifact.load_template_face)
    faces = await components.detect(image)
    if not faces:
        raise InvalidInputError("no face found on the LoRA's template face", param="lora_id")
    return image, faces[0]


class GenerateParams(BaseModel):
    """What a caller may choose for one generation; defaults follow FaceChain."""

    model_config = ConfigDict(extra="forbid")

    style: str | None = Field(None, description="style slug (GET /v1/styles); None: trigger + tags only")
    prompt: str = Field("", max_length=1000, description="extra prompt text appended to the style's")
    negative_prompt: str | None = Field(None, max_length=1000,
                                        description="replaces the style's negative prompt")
    num_images: int = Field(10, ge=1, le=32, description="candidates generated before ranking")
    top_k: int | None = Field(None, ge=1, le=32, description="portraits returned (best by face "
                              "similarity); None: min(6, num_images)")
    steps: int = Field(20, ge=1, le=150, description="denoising steps")
    guidance_scale: float = Field(7.0, ge=0.0, le=30.0, description="classifier-free guidance (CFG)")
    width: int | None = Field(None, ge=64, le=2048, multiple_of=8,
                              description="image width; None: the LoRA's training resolution")
    height: int | None = Field(None, ge=64, le=2048, multiple_of=8,
                               description="image height; None: the LoRA's training resolution")
    seed: int | None = Field(None, ge=0, le=MAX_SEED, description="candidate i uses seed + i; "
                             "None picks one (reported)")
    face_weight: float | None = Field(None, ge=0.0, le=2.0,
                                      description="face LoRA weight; None: the style's default")
    style_weight: float | None = Field(None, ge=0.0, le=2.0,
                                       description="style LoRA weight; None: the style's default")
    fusion_strength: float = Field(0.5, ge=0.0, le=1.0,
                                   description="face fusion with the template face; 0 = off")
    pose_scale: float = Field(1.0, ge=0.0, le=2.0,
                              description="ControlNet conditioning scale of the pose image")


class GenerateComponents(RankComponents, Protocol):
    """Diffusion, conditions, the template face's detection, and the ranking stages' list calls
    (:class:`~facechain.pipelines.postprocess.RankComponents`): a fixed number of calls per
    generation, whatever ``num_images``."""

    async def diffuse(self, request: DiffusionRequest) -> list[np.ndarray]: ...
    async def condition(self, image: np.ndarray, kind: str) -> np.ndarray: ...
    async def detect(self, image: np.ndarray) -> list[Face]: ...


def style_family(base_model_id: str) -> str:
    """Style folder for a base model: the builtin tiny model has its own styles, every other
    SD 1.5 checkpoint shares ``sd15``."""
    return "tiny-sd15" if base_model_id == "builtin:tiny-sd15" else "sd15"


async def load_style(slug: str | None, base_model_id: str,
                     styles: StyleRegistry | None = None) -> Style | None:
    """Style ``slug`` for LoRAs of ``base_model_id`` (None: no style). Without a registry from
    the caller, the base model's is read in a worker thread (the served graph's loop stays free)."""
    if slug is None:
        return None
    styles = styles or await asyncio.to_thread(StyleRegistry.load, style_family(base_model_id))
    return styles.get(slug)


def pick_seed(seed: int | None, span: int = 64) -> int:
    """``seed``, or a random one that leaves room for ``span`` consecutive seeds below MAX_SEED."""
    return seed if seed is not None else secrets.randbelow(MAX_SEED - span)


def build_prompt(artifact: LoraArtifact, style: Style | None, extra: str = "") -> str:
    """Trigger word + the face tags common to the training photos, rendered into the style
    prompt, + the caller's extra text."""
    meta = artifact.metadata
    person = ", ".join([meta.trigger, *meta.common_tags]) if meta.trigger else ", ".join(meta.common_tags)
    text = style.render_prompt(person) if style is not None else person
    parts = [p.strip() for p in f"{text}, {extra}".split(",")]
    return ", ".join(p for p in parts if p)


def adapters_for(artifact: LoraArtifact, lora_id: str, style: Style | None,
                 params: GenerateParams) -> tuple[AdapterRef, ...]:
    """The face LoRA and (if any) the style LoRA, weighted per style defaults or overrides."""
    face_weight = params.face_weight if params.face_weight is not None else (
        style.face_weight if style is not None else 1.0)
    refs = [AdapterRef.face(lora_id, artifact.path, face_weight)]
    if style is not None and not style.is_prompt_only:
        path = resolve_lora(style)
        weight = params.style_weight if params.style_weight is not None else style.style_weight
        refs.append(AdapterRef.style(style.slug, path, weight))
    return tuple(refs)


async def agenerate(
    lora: LoraArtifact | str | Path,
    params: GenerateParams,
    components: GenerateComponents,
    *,
    styles: StyleRegistry | None = None,
    pose: np.ndarray | None = None,
    lora_id: str | None = None,
    template_faces: TemplateFaces | None = None,
) -> GenerateOutput:
    # 1. Check inputs (file reads in a worker thread: the served graph's event loop stays free)
    artifact = lora if isinstance(lora, LoraArtifact) else await asyncio.to_thread(read_lora, lora)
    if artifact.metadata.kind != "face":
        raise InvalidInputError("generation needs a face LoRA, got a style LoRA", param="lora_id")
    top_k = params.top_k if params.top_k is not None else min(DEFAULT_TOP_K, params.num_images)
    if top_k > params.num_images:
        raise InvalidInputError(f"top_k ({params.top_k}) exceeds num_images ({params.num_images})",
                                param="top_k")
    if artifact.template_face_path is None or artifact.metadata.template_embedding is None:
        raise InvalidInputError("the LoRA has no template face; retrain it from photos",
                                param="lora_id")
    style = await load_style(params.style, artifact.metadata.base_model_id, styles)
    seed = pick_seed(params.seed)
    width = params.width or artifact.metadata.resolution
    height = params.height or artifact.metadata.resolution

    # 2. Prompt and adapters (face LoRA + style LoRA mixed by weight; finding the style LoRA reads
    #    files, and builds a builtin one on first use: in a worker thread too)
    prompt = build_prompt(artifact, style, params.prompt)
    negative = params.negative_prompt if params.negative_prompt is not None else (
        style.negative_prompt if style is not None else "")
    adapters = await asyncio.to_thread(adapters_for, artifact, lora_id or artifact.path.name,
                                       style, params)

    # 3. Optional pose: the reference photo's skeleton drives an OpenPose ControlNet
    controls: tuple[ControlInput, ...] = ()
    if pose is not None:
        skeleton = await components.condition(pose, "openpose")
        controls = (ControlInput("openpose", _resize(skeleton, width, height), params.pose_scale),)

    # 4. Candidates, and beside them the template face (it does not depend on diffusion; from
    #    ``template_faces`` when given and known there); the first to fail cancels the other
    request = DiffusionRequest(prompt=prompt, negative_prompt=negative, adapters=adapters,
                               num_images=params.num_images, steps=params.steps,
                               guidance_scale=params.guidance_scale, width=width, height=height,
                               seed=seed, controls=controls)

    template_face = (template_faces.get(artifact, components) if template_faces is not None
                     else _detect_template(artifact, components))
    candidates, (template_image, face) = await _all_or_cancel(components.diffuse(request),
                                                              template_face)

    # 5. Fuse each candidate with the template face, rank by similarity to it
    template = TemplateRef(image=template_image, face=face,
                           embedding=np.asarray(artifact.metadata.template_embedding, np.float32))
    portraits, dropped = await fuse_and_rank(
        [(seed + i, img) for i, img in enumerate(candidates)], template, components,
        top_k=top_k, fusion_strength=params.fusion_strength)
    return GenerateOutput(portraits=portraits, dropped=dropped, prompt=prompt,
                          negative_prompt=negative, seed=seed, candidates=candidates)


async def _all_or_cancel(*awaitables: Awaitable[Any]) -> list[Any]:
    """Await all concurrently; when one fails (or the caller cancels), cancel the others, let them
    unwind, and raise."""
    tasks = [asyncio.ensure_future(a) for a in awaitables]
    try:
        return await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


def _resize(image: np.ndarray, width: int, height: int) -> np.ndarray:
    if image.shape[1] == width and image.shape[0] == height:
        return image
    import cv2

    return cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)


def generate(lora: LoraArtifact | str | Path, params: GenerateParams | None = None,
             components: GenerateComponents | None = None, **kwargs) -> GenerateOutput:
    """Synchronous facade over :func:`agenerate` with in-process components."""
    from facechain.pipelines.runtime import LocalComponents

    return asyncio.run(agenerate(lora, params or GenerateParams(), components or LocalComponents(),
                                 **kwargs))
