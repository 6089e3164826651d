"""Virtual try-on: a photo of someone wearing a garment + a face LoRA -> the LoRA's person wearing
that garment (DESIGN.md §1, "virtual try-on"; upstream ``inference_tryon.py``, constants in
``shared/reference/inpaint-tryon.md`` §3).

    out = tryon(photo, lora_dir, TryonParams(background="beach", seed=1))
    out.image   # uint8 RGB, the photo's size: the garment's pixels kept, everything else redrawn
    out.mask    # the garment mask used (255 = kept), the photo's size: a user can correct it
    out.faces   # the face pass's per-face report ([] with face_pass=False)

Steps (each upstream's unless said):

1. the garment mask: the request's (size-checked), or computed by the ``garment_segmentation``
   role (a classical algorithm: person minus head, hair, neck and skin), which also gives the
   person, head, neck and arm masks the controls need;
2. the working size: ``size`` wide (default min(768, the photo's width); upstream 768), aspect
   kept, each side a multiple of 8, the height at most 1.5x the width (upstream's 1152 at 768;
   upstream crops the bottom, here the whole photo is scaled down instead);
3. the inpaint mask 1 - erode(garment, 15 x 15) (the erosion scaled to the working width, 15 at
   768); controls drawn on the working-size photo: OpenPose body + hands (1.0), hand depth ∩ the
   arm mask (0.2), Canny(80, 200) of the body without head and neck plus the garment (0.4);
4. one ControlNet-inpaint pass (UniPC, as upstream) at strength 1.0 with the face LoRA (0.95)
   and the style LoRA (0.05) if a style is named; the prompt is the LoRA's trigger word and face tags + the background +
   upstream's quality words (upstream's nudity token is not carried over), the negative gets
   upstream's ``blurry, blurry background`` (and ``children`` for a man);
5. the result resized back to the photo's size and the garment photo pasted over it with the soft
   mask blur(erode(garment, 5 x 5), 5 x 5) at the photo's resolution: inside the garment eroded
   by 15 px the output is the input photo, pixel for pixel;
6. the face pass of template inpainting on the result (``face_pass``, on by default; FaceChain's
   UI skips it): the face redrawn is the main person's, i.e. the detected face of the result
   that overlaps the garment wearer's head region most (the largest face when the head region is
   unknown or no face touches it). A face pass that fails is reported in ``faces`` (``failed`` +
   reason) and the try-on result is still returned.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from facechain.components.human_parsing import check_rgb_image
from facechain.components.inpaint_masks import (
    TRYON_INPAINT_EROSION,
    blend,
    check_mask,
    garment_paste_alpha,
    tryon_body_mask,
    tryon_inpaint_mask,
)
from facechain.diffusion.engine import ControlInput, DiffusionRequest, SchedulerName
from facechain.diffusion.lora_io import LoraArtifact, read_lora
from facechain.diffusion.styles import Style, StyleRegistry
from facechain.errors import FaceChainError, InvalidInputError, NoPersonError
from facechain.pipelines.generate import (
    MAX_SEED,
    GenerateParams,
    adapters_for,
    build_prompt,
    load_style,
    pick_seed,
)
from facechain.types import Face, FaceReport, FaceStatus, GarmentParsing

logger = logging.getLogger(__name__)

# Upstream working width and the height cap at that width [try L172-185, L453].
UPSTREAM_WIDTH = 768
MAX_ASPECT = 1.5  # height <= 1.5 x width (1152 at 768)
MIN_SIDE = 64  # the smallest working side (and photo side) a diffusion pass is run at
# Control scales, in upstream's order [try L281-290, L324-326].
POSE_SCALE, DEPTH_SCALE, CANNY_SCALE = 1.0, 0.2, 0.4
CANNY_LOW, CANNY_HIGH = 80, 200
# LoRA multipliers of every try-on / inpaint pass [app L631-632; rit L13-14].
FACE_WEIGHT, STYLE_WEIGHT = 0.95, 0.05
# FaceChain's background examples [app L1509-1515]: a short name expands to upstream's phrase.
BACKGROUNDS = {
    "beach": "on the beach, near the sea",
    "bar": "in the bar, restaurant",
    "street": "city background, street",
    "woods": "in the woods",
}
DEFAULT_BACKGROUND = "simple background, high-class pure color background"  # the UI default
# Upstream's positive words around the background (its nudity token left out, see the sheet §3.1).
QUALITY_PROMPT = "raw photo, masterpiece, {background}, solo, medium shot, high detail face, " \
                 "photorealistic, best quality"
# Upstream's inpaint negative (the missing comma after "(low quality:2)" restored) [app L438-448].
DEFAULT_NEGATIVE = ("nsfw, paintings, sketches, (worst quality:2), (low quality:2), lowers, "
                    "normal quality, ((monochrome)), ((grayscale)), logo, word, character")
TRYON_NEGATIVE = "blurry, blurry background"  # appended [try L254]
MAN_TRIGGERS = ("a handsome man", "a mature man")  # these get ", children" in the negative


class TryonParams(BaseModel):
    """What a caller may choose for one try-on; defaults follow FaceChain's try-on."""

    model_config = ConfigDict(extra="forbid")

    background: str = Field("", max_length=500, description="background prompt: 'beach', 'bar', "
                            "'street', 'woods' (FaceChain's examples, expanded to its phrases) or "
                            "free text; empty: a simple pure-colour background")
    prompt: str = Field("", max_length=1000, description="extra prompt text")
    negative_prompt: str | None = Field(None, max_length=1000, description="replaces the default "
                                        "negative prompt ('blurry, blurry background' is always "
                                        "added)")
    style: str | None = Field(None, description="style slug (GET /v1/styles) whose LoRA is mixed "
                              "in (upstream weight 0.05); None: the face LoRA only")
    steps: int = Field(40, ge=1, le=150, description="denoising steps")
    guidance_scale: float = Field(7.0, ge=0.0, le=30.0, description="classifier-free guidance")
    strength: float = Field(1.0, ge=0.0, le=1.0, description="inpaint strength of the redrawn "
                            "area (upstream 1.0: drawn from pure noise)")
    seed: int | None = Field(None, ge=0, le=MAX_SEED, description="None picks one (reported)")
    face_weight: float | None = Field(None, ge=0.0, le=2.0,
                                      description="face LoRA weight; None: upstream 0.95")
    style_weight: float | None = Field(None, ge=0.0, le=2.0,
                                       description="style LoRA weight; None: upstream 0.05")
    face_pass: bool = Field(True, description="run the face pass of template inpainting on the "
                            "result (FaceChain's UI skips it)")
    face_strength: float = Field(0.65, ge=0.0, le=1.0,
                                 description="inpaint strength of the face pass (upstream 0.65)")
    face_crop_size: int = Field(512, ge=64, le=1024, multiple_of=8,
                                description="side of the face pass's square face crop")
    size: int | None = Field(None, ge=64, le=2048, multiple_of=8, description="working width "
                             "(upstream 768); None: min(768, the photo's width); aspect kept")
    scheduler: SchedulerName | None = Field(
        "unipc", description="scheduler of the try-on pass and of the face pass's stages 2-3 "
        "(FaceChain: UniPC); null: the base model's own")


@dataclass
class TryonOutput:
    image: np.ndarray          # uint8 RGB, the input photo's size
    mask: np.ndarray           # uint8 (H, W), 255 = garment kept, the input's size
    faces: list[FaceReport]    # from the face pass ([] when off)
    seed: int
    prompt: str = ""
    negative_prompt: str = ""


class TryonComponents(Protocol):
    async def segment_garment(self, image: np.ndarray) -> GarmentParsing: ...
    async def condition(self, image: np.ndarray, kind: str, **options) -> np.ndarray: ...
    async def diffuse(self, request: DiffusionRequest) -> list[np.ndarray]: ...
    async def detect(self, image: np.ndarray) -> list[Face]: ...


def working_size(shape: tuple[int, ...], size: int | None = None) -> tuple[int, int]:
    """(width, height) of the diffusion pass for a photo of ``shape``: ``size`` wide (None:
    min(768, the photo's width)), aspect kept, the height at most 1.5x that width, each side
    rounded down to a multiple of 8 (at least 64: a panorama's height is stretched)."""
    h, w = int(shape[0]), int(shape[1])
    target = int(size) if size is not None else min(UPSTREAM_WIDTH, w)
    scale = target / float(w)
    if h * scale > MAX_ASPECT * target:
        scale = MAX_ASPECT * target / float(h)
    return max(MIN_SIDE, int(w * scale) // 8 * 8), max(MIN_SIDE, int(h * scale) // 8 * 8)


def resize_image(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """``image`` at (width, height): area when shrinking, bilinear when growing."""
    if image.shape[1] == width and image.shape[0] == height:
        return image
    shrink = width * height < image.shape[0] * image.shape[1]
    return cv2.resize(image, (width, height),
                      interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LINEAR)


def resize_mask(mask: np.ndarray, width: int, height: int) -> np.ndarray:
    """A 0/255 mask at (width, height), binary again (area / bilinear, then >= half)."""
    small = resize_image(check_mask(mask), width, height)
    return np.where(small >= 128, 255, 0).astype(np.uint8)


def background_prompt(background: str) -> str:
    """The background phrase: FaceChain's examples by short name, free text as is, the UI
    default when empty."""
    text = background.strip()
    if not text:
        return DEFAULT_BACKGROUND
    return BACKGROUNDS.get(text.lower(), text)


def tryon_negative(artifact: LoraArtifact, style: Style | None, negative: str | None) -> str:
    """The negative prompt: the caller's, else the style's, else upstream's; + ``children`` for
    a man's trigger [inp L244-289] + ``blurry, blurry background`` [try L254]."""
    base = negative if negative is not None else (
        style.negative_prompt if style is not None else DEFAULT_NEGATIVE)
    parts = [p.strip() for p in base.split(",") if p.strip()]
    extra = TRYON_NEGATIVE.split(", ")
    if artifact.metadata.trigger in MAN_TRIGGERS:
        extra = ["children", *extra]
    parts += [p for p in extra if p not in parts]
    return ", ".join(parts)


def main_face_index(faces: list[Face], head: np.ndarray | None) -> int | None:
    """Index (in ``faces``' order) of the garment wearer's face: the one whose box holds the
    most of the ``head`` region (uint8 mask, the image's size); the largest box when no face
    touches it or ``head`` is None. None without faces."""
    if not faces:
        return None

    def area(face: Face) -> float:
        x0, y0, x1, y1 = face.box
        return max(0.0, x1 - x0) * max(0.0, y1 - y0)

    if head is not None and head.any():
        inside = head > 0
        h, w = inside.shape
        overlaps = []
        for face in faces:
            x0, y0, x1, y1 = face.box
            c0, r0 = int(np.clip(np.floor(x0), 0, w)), int(np.clip(np.floor(y0), 0, h))
            c1, r1 = int(np.clip(np.ceil(x1), 0, w)), int(np.clip(np.ceil(y1), 0, h))
            overlaps.append(int(inside[r0:r1, c0:c1].sum()))
        if max(overlaps) > 0:
            return int(np.argmax(overlaps))
    return int(np.argmax([area(f) for f in faces]))


def _mask_box(mask: np.ndarray | None, shape: tuple[int, ...]) -> tuple[float, float, float, float]:
    """Bounding box (x0, y0, x1, y1) of a mask; the whole image when it is None or empty."""
    h, w = int(shape[0]), int(shape[1])
    if mask is None or not mask.any():
        return 0.0, 0.0, float(w), float(h)
    rows, cols = np.nonzero(mask.any(axis=1))[0], np.nonzero(mask.any(axis=0))[0]
    return float(cols[0]), float(rows[0]), float(cols[-1] + 1), float(rows[-1] + 1)


async def atryon(
    photo: np.ndarray,
    lora: LoraArtifact | str | Path,
    params: TryonParams,
    components: TryonComponents,
    *,
    mask: np.ndarray | None = None,
    lora_id: str | None = None,
    styles: StyleRegistry | None = None,
) -> TryonOutput:
    # 1. Check inputs (file reads in a worker thread: the served graph's event loop stays free)
    photo = check_rgb_image(photo)
    h, w = photo.shape[:2]
    if min(h, w) < MIN_SIDE:
        raise InvalidInputError(f"the photo is {w} x {h}; try-on needs at least {MIN_SIDE} px a "
                                "side", param="photo")
    given = None if mask is None else check_mask(mask, photo.shape, param="mask")
    if given is not None and not given.any():
        raise InvalidInputError("the garment mask is empty (white = garment kept)", param="mask")
    artifact = lora if isinstance(lora, LoraArtifact) else await asyncio.to_thread(read_lora, lora)
    if artifact.metadata.kind != "face":
        raise InvalidInputError("try-on needs a face LoRA, got a style LoRA", param="lora_id")
    lora_id = lora_id or artifact.path.name
    style = await load_style(params.style, artifact.metadata.base_model_id, styles)
    seed = pick_seed(params.seed)

    # 2. Garment mask and the try-on parts (person, head, neck, arms). With a given mask the
    #    parts still come from the segmentation when it finds the person; without one (a torso
    #    cut at the neck, say) the body is the garment and no hand depth is drawn
    parsing: GarmentParsing | None = None
    try:
        parsing = await components.segment_garment(photo)
    except (NoPersonError, InvalidInputError):
        if given is None:
            raise
    garment = given if given is not None else check_mask(parsing.garment, photo.shape)
    if parsing is not None:
        body = tryon_body_mask(parsing.person, parsing.head, parsing.neck, garment)
        arms = np.where(garment > 0, 0, check_mask(parsing.arms, photo.shape)).astype(np.uint8)
        head = check_mask(parsing.head, photo.shape)
    else:
        body, arms, head = garment, np.zeros_like(garment), None

    # 3. Working size, inpaint mask and controls (drawn on the working-size photo, as upstream)
    ww, wh = working_size(photo.shape, params.size)
    work = resize_image(photo, ww, wh)
    erosion = max(1, round(TRYON_INPAINT_EROSION * ww / UPSTREAM_WIDTH))
    inpaint_mask = tryon_inpaint_mask(resize_mask(garment, ww, wh), erosion)
    pose, depth, edges = await asyncio.gather(
        components.condition(work, "openpose", include_hands=True, include_face=False),
        components.condition(work, "depth_hands", mask=resize_mask(arms, ww, wh)),
        components.condition(work, "canny", low=CANNY_LOW, high=CANNY_HIGH,
                             mask=resize_mask(body, ww, wh)))
    controls = (ControlInput("openpose", pose, POSE_SCALE),
                ControlInput("depth", depth, DEPTH_SCALE),
                ControlInput("canny", edges, CANNY_SCALE))

    # 4. Prompt, adapters (face 0.95, style 0.05 by default), the inpaint pass
    extra = QUALITY_PROMPT.format(background=background_prompt(params.background))
    prompt = build_prompt(artifact, style, f"{extra}, {params.prompt}")
    negative = tryon_negative(artifact, style, params.negative_prompt)
    weights = GenerateParams(
        face_weight=params.face_weight if params.face_weight is not None else FACE_WEIGHT,
        style_weight=params.style_weight if params.style_weight is not None else STYLE_WEIGHT)
    adapters = await asyncio.to_thread(adapters_for, artifact, lora_id, style, weights)
    request = DiffusionRequest(prompt=prompt, negative_prompt=negative, adapters=adapters,
                               num_images=1, steps=params.steps,
                               guidance_scale=params.guidance_scale, width=ww, height=wh,
                               seed=seed, controls=controls, init_image=work,
                               mask_image=inpaint_mask, strength=params.strength,
                               scheduler=params.scheduler)
    (generated,) = await components.diffuse(request)

    # 5. Back to the photo's size; the garment photo pasted over it with the soft mask (alpha is
    #    exactly 1 inside the 15 x 15-eroded garment: those pixels are the input's)
    generated = resize_image(np.asarray(generated, np.uint8), w, h)
    result = blend(photo, generated, garment_paste_alpha(garment))

    # 6. The face pass of template inpainting on the result
    faces: list[FaceReport] = []
    if params.face_pass:
        result, faces = await _face_pass(result, artifact, lora_id, params, seed, head,
                                         components, styles)
    return TryonOutput(image=result, mask=garment, faces=faces, seed=seed, prompt=prompt,
                       negative_prompt=negative)


async def _face_pass(image: np.ndarray, artifact: LoraArtifact, lora_id: str,
                     params: TryonParams, seed: int, head: np.ndarray | None, components,
                     styles: StyleRegistry | None) -> tuple[np.ndarray, list[FaceReport]]:
    """Template inpainting of the main person's face on the try-on result (upstream's
    ``run_inference_tryon.py`` second pass: the inpaint prompts, not the background). A
    failure is reported as that face's ``failed`` entry; the try-on image is kept then."""
    from facechain.pipelines import inpaint as inpainting

    def failed(reason: str, index: int = 0, box=None) -> list[FaceReport]:
        box = box if box is not None else _mask_box(head, image.shape)
        return [FaceReport(index=index, box=tuple(float(v) for v in box), lora=lora_id,
                           status=FaceStatus.FAILED, reason=reason)]

    try:
        faces = inpainting.detect_faces_ordered(await components.detect(image))
    except FaceChainError as exc:
        logger.warning("try-on face pass: face detection failed: %s", exc)
        return image, failed(f"face detection failed: {exc.message}")
    index = main_face_index(faces, head)
    if index is None:
        return image, failed("no face found on the try-on result")
    face_params = inpainting.InpaintParams(
        style=params.style, prompt=params.prompt, negative_prompt=params.negative_prompt,
        steps=params.steps, guidance_scale=params.guidance_scale, strength=params.face_strength,
        seed=seed % (MAX_SEED - 1024), face_weight=params.face_weight, style_weight=params.style_weight,
        crop_size=params.face_crop_size, scheduler=params.scheduler)
    try:
        out = await inpainting.ainpaint(
            image, [inpainting.FaceAssignment(index, artifact, lora_id)], face_params,
            components, styles=styles)
    except FaceChainError as exc:  # AllItemsFailedError carries the per-face report
        logger.warning("try-on face pass failed: %s", exc)
        reports = getattr(exc, "faces", None)
        return image, list(reports) if reports else failed(exc.message, index, faces[index].box)
    return out.image, list(out.faces)


def tryon(photo: np.ndarray, lora: LoraArtifact | str | Path, params: TryonParams | None = None,
          components: TryonComponents | None = None, **kwargs) -> TryonOutput:
    """Synchronous facade over :func:`atryon` with in-process components."""
    from facechain.pipelines.runtime import LocalComponents

    return asyncio.run(atryon(photo, lora, params or TryonParams(), components or LocalComponents(),
                              **kwargs))
