"""Template inpainting: redraw chosen faces of a photo as the persons of face LoRAs (DESIGN.md §1).

    out = inpaint(template, [FaceAssignment(0, lora_a), FaceAssignment(1, lora_b)],
                  InpaintParams(seed=1))
    out.image   # the template, its faces 0 and 1 redrawn; the template's size
    out.faces   # one FaceReport per detected face, left to right

Faces are detected and ordered left to right; each named face is redrawn on the running result,
one after the other, with its own adapters (face LoRA + style) and no other. Per face, as
upstream FaceChain (constants: ``shared/reference/inpaint-tryon.md`` §0-§2):

a. square crop around the face (side ~2.2x the face, zero-padded, ``crop_size`` px), the other
   faces painted black;
b. the template crop's geometry: 68 landmarks, parsing (face and person masks);
c. stage 1, pose-guided txt2img draft (OpenPose body + hands of the crop, scale 1.0);
d. fusion of the draft with the LoRA's template face;
e. the draft's face mask (parsing) and 68 landmarks;
f. the draft face warped onto the template face (similarity on 5 points from the 68);
g. stage 2, ControlNet inpainting of the template crop: [OpenPose face dots of the warped face
   1.0, Canny of the template outside the face 0.2], the eye-line-split dilated face mask, at
   ``strength`` (0.65);
h. stage 3, refinement at ``refine_strength`` (0.1): [full OpenPose 0.8, Canny 0.8] of the
   stage-2 result, its face mask dilated 0.02;
   after stages 2 and 3, VAE reconstruction-error compensation (``vae_compensation``): the same
   pass with an all-zero mask at strength 0.025 (= decode(encode(x)), same seed so the same
   posterior sample), and (template crop - that) added back outside the person, as upstream;
   beyond upstream, the decoder's spread of the redrawn latents into the untouched ones (the
   pass minus the zero-mask pass, outside the redrawn latent cells) is removed there too
   (:func:`facechain.components.inpaint_masks.add_vae_error`), and stage 3 compensates against
   the template crop, not its own input (see :func:`_inpaint_pass`);
i. final fusion, similarity of the redrawn face to the LoRA's template embedding;
j. merge back into the full-resolution image through the eroded, blurred window mask (0 outside
   the window and on the other faces' boxes: those pixels stay the input's, bit for bit); with
   the compensation on, the crop's resampling loss is added back outside the person too.

Measured on the tiny model (obama | biden template, face 0, 4 steps, 128 px crops; mean
|out - template| in the window outside the person; ``tests/pipelines/test_inpaint.py``): 49.9
without the compensation, 3.2 with it (16x). Upstream's add-back alone gave 2.6x there: the
tiny model's random VAE decoder (its GroupNorms and mid-block attention see the whole crop)
spreads the redrawn face over the whole crop, which a trained SD VAE does only slightly; with
the spread removed, the background outside the redrawn cells is exact however far a decoder
spreads.

Where upstream stops or breaks, this does better: any number of faces (upstream: 2, asserted);
no face in the parsing -> the hull of the 68 landmarks; no face found on the draft (the tiny
model draws noise) -> the template crop's face box (the draft follows the crop's pose); a
fusion that cannot fuse (:class:`FusionError`) keeps the unfused image. A stage that fails on
one face fails that face only (reported with its reason, left as it was).

Strength: diffusers runs ``int(steps * strength)`` steps from the tail of the schedule. With few
steps that can be 0 (diffusers then fails); :func:`steps_for` raises the step count of such a
pass so exactly one step runs at the requested noise level (the 0.025 pass with 40 steps is that
one step, as upstream).

Stage 1 runs the base model's scheduler, stages 2-3 and their zero-mask passes UniPC (as
upstream; ``scheduler``). Conditions come from the ``conditions`` role (MediaPipe drawn in the
OpenPose convention), and the Canny / OpenPose ControlNets run inside the diffusion engine.
"""

from __future__ import annotations

import asyncio
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from facechain.components.face_recognition import similarity
from facechain.components.inpaint_masks import (
    CANNY_EXCLUSION_DILATION,
    STAGE3_DILATION,
    FaceCrop,
    add_vae_error,
    blend,
    dilate_by_area,
    eye_line,
    eye_split_mask,
    latent_redraw_alpha,
    merge_window_mask,
    soft_person_mask,
    square_face_crop,
    warp_face,
)
from facechain.diffusion.engine import AdapterRef, ControlInput, DiffusionRequest, SchedulerName
from facechain.diffusion.lora_io import LoraArtifact, read_lora
from facechain.diffusion.styles import Style, StyleRegistry
from facechain.errors import AllItemsFailedError, FusionError, InvalidInputError
from facechain.pipelines.failures import (
    StageFailed,
    item_failure,
    per_item,
    stage,
    unwrap,
    value,
)
from facechain.pipelines.generate import (
    MAX_SEED,
    GenerateParams,
    adapters_for,
    build_prompt,
    load_style,
    pick_seed,
)
from facechain.types import Face, FaceReport, FaceStatus, Parsing

logger = logging.getLogger(__name__)

# Upstream prompts [inp L244-289; app L438-448], without "chinese" (the person comes from the
# LoRA) and "wearing T-shirt" (the template keeps its clothes); the missing comma is fixed.
INPAINT_PROMPT = ("raw photo, masterpiece, simple background, high-class pure color background, "
                  "solo, medium shot, high detail face, photorealistic, best quality")
INPAINT_NEGATIVE = ("nsfw, paintings, sketches, (worst quality:2), (low quality:2), lowers, "
                    "normal quality, ((monochrome)), ((grayscale)), logo, word, character")
MALE_ADULT_TRIGGERS = ("a handsome man", "a mature man")  # + "children" in the negative
# LoRA multipliers of every inpaint pass [app L438-439].
DEFAULT_FACE_WEIGHT = 0.95
DEFAULT_STYLE_WEIGHT = 0.05
# ControlNet scales [inp L297-313, L360-362, L373-391].
STAGE1_POSE_SCALE = 1.0
STAGE2_SCALES = (1.0, 0.2)  # OpenPose face dots of the warped face, Canny outside the face
STAGE3_SCALES = (0.8, 0.8)  # full OpenPose, Canny of the whole stage-2 result
# The zero-mask pass of the VAE compensation [inp L363-369].
VAE_PASS_STRENGTH = 0.025


class InpaintParams(BaseModel):
    """What a caller may choose for one template inpainting; defaults follow FaceChain."""

    model_config = ConfigDict(extra="forbid")

    style: str | None = Field(None, description="style slug (GET /v1/styles); None: the inpaint "
                              "prompt of FaceChain")
    prompt: str = Field("", max_length=1000, description="extra prompt text")
    negative_prompt: str | None = Field(None, max_length=1000,
                                        description="replaces the default negative prompt")
    steps: int = Field(40, ge=1, le=150, description="denoising steps of the full schedule (a "
                       "pass at strength s runs int(steps * s) of them, at least 1)")
    guidance_scale: float = Field(7.0, ge=0.0, le=30.0, description="classifier-free guidance")
    strength: float = Field(0.65, ge=0.0, le=1.0, description="stage-2 inpainting strength "
                            "(0: the face is not redrawn by stage 2)")
    refine_strength: float = Field(0.1, ge=0.0, le=1.0,
                                   description="stage-3 refinement strength; 0 = no stage 3")
    seed: int | None = Field(None, ge=0, le=MAX_SEED - 1024,
                             description="face i (left-to-right index) uses seed + i; None "
                                         "picks one (reported)")
    face_weight: float | None = Field(None, ge=0.0, le=2.0,
                                      description="face LoRA weight; None: 0.95 (FaceChain)")
    style_weight: float | None = Field(None, ge=0.0, le=2.0,
                                       description="style LoRA weight; None: 0.05 (FaceChain)")
    fusion_strength: float = Field(0.5, ge=0.0, le=1.0, description="face fusion of the draft "
                                   "and of the result with the LoRA's template face; 0 = off")
    vae_compensation: bool = Field(True, description="add the VAE reconstruction error back "
                                   "outside the person after stages 2 and 3")
    crop_size: int = Field(512, ge=64, le=1024, multiple_of=8,
                           description="side of the square face crop the passes run at")
    scheduler: SchedulerName | None = Field(
        "unipc", description="scheduler of stages 2 and 3 and their compensation passes "
        "(FaceChain: UniPC); null: the base model's own. Stage 1 always uses the base model's")


@dataclass
class FaceAssignment:
    """Which LoRA redraws which face: ``index`` in left-to-right order; ``lora`` a LoRA folder
    or artifact; ``lora_id`` its adapter / multiplexing id (default: the folder name)."""

    index: int
    lora: LoraArtifact | str | Path
    lora_id: str | None = None


@dataclass
class InpaintOutput:
    image: np.ndarray         # uint8 RGB, the template's size
    faces: list[FaceReport]   # one per detected face, by index
    seed: int


@dataclass(frozen=True)
class FaceFailure:
    """A named face whose stage failed (the items of :class:`AllItemsFailedError`)."""

    source: str
    message: str
    reason: FaceStatus = FaceStatus.FAILED


class InpaintComponents(Protocol):
    async def detect(self, image: np.ndarray) -> list[Face]: ...
    async def detect_many(self, images: list[np.ndarray]) -> list[list[Face] | Exception]: ...
    async def landmarks(self, image: np.ndarray, faces: list[Face]) -> list[np.ndarray]: ...
    async def parse(self, image: np.ndarray) -> Parsing: ...
    async def condition(self, image: np.ndarray, kind: str, **options) -> np.ndarray: ...
    async def fuse(self, target, target_face, template, template_face, strength) -> np.ndarray: ...
    async def embed(self, image: np.ndarray, face: Face) -> np.ndarray: ...
    async def diffuse(self, request: DiffusionRequest) -> list[np.ndarray]: ...


@dataclass
class _Person:
    """A named face's LoRA, resolved: what its passes, fusions and similarity need."""

    lora_id: str
    artifact: LoraArtifact
    adapters: tuple[AdapterRef, ...]
    prompt: str
    negative_prompt: str
    template_image: np.ndarray
    template_face: Face
    embedding: np.ndarray
    notes: list[str] = field(default_factory=list)


def detect_faces_ordered(faces: list[Face]) -> list[Face]:
    """Faces left to right by box x0 (then y0): the indices requests name."""
    return sorted(faces, key=lambda f: (float(f.box[0]), float(f.box[1])))


def steps_for(steps: int, strength: float) -> int:
    """The step count to request so a pass at ``strength`` runs at least one step.

    diffusers runs ``int(steps * strength)`` steps, the tail of a ``steps`` schedule, starting
    at the noise level of ``strength``. When that is 0 (few steps, small strength) the schedule
    is refined instead, to the fewest steps that give one: the same noise level, one step."""
    steps = int(steps)
    if strength <= 0.0:
        raise InvalidInputError("a pass needs a strength > 0", param="strength")
    if int(steps * strength) >= 1:
        return steps
    needed = max(1, math.ceil(1.0 / strength - 1e-9))
    while int(needed * strength) < 1:
        needed += 1
    return needed


def _check_template(template: np.ndarray) -> np.ndarray:
    template = np.asarray(template)
    if template.dtype != np.uint8 or template.ndim != 3 or template.shape[2] != 3 or \
            min(template.shape[:2]) < 16:
        raise InvalidInputError(f"the template must be a uint8 RGB image of at least 16 x 16, "
                                f"got {template.dtype} {template.shape}", param="template")
    return template


def _check_assignments(assignments: list[FaceAssignment], faces: list[Face]) -> None:
    if not assignments:
        raise InvalidInputError("name at least one face to redraw", param="faces")
    seen: set[int] = set()
    for a in assignments:
        if not isinstance(a.index, (int, np.integer)) or isinstance(a.index, bool) or \
                not 0 <= a.index < len(faces):
            raise InvalidInputError(f"face index {a.index} does not exist: the template has "
                                    f"{len(faces)} face(s), indices 0..{len(faces) - 1} from the "
                                    f"left", param="faces")
        if a.index in seen:
            raise InvalidInputError(f"face index {a.index} is named twice", param="faces")
        seen.add(a.index)


def _hull_mask(points: np.ndarray, size: int) -> np.ndarray:
    mask = np.zeros((size, size), np.uint8)
    points = np.asarray(points, np.float32)
    if np.isfinite(points).all() and len(points) >= 3:
        cv2.fillConvexPoly(mask, cv2.convexHull(np.round(points).astype(np.int32)), 255)
    return mask


def _face_in_crop(face: Face, crop: FaceCrop) -> Face:
    corners = crop.to_crop(np.array([face.box[:2], face.box[2:]], np.float64))
    return Face(box=tuple(float(v) for v in corners.reshape(-1)),
                landmarks=crop.to_crop(face.landmarks), score=face.score)


async def _read_person(assignment: FaceAssignment) -> tuple[LoraArtifact, np.ndarray]:
    """A named face's LoRA and its template face photo (file reads in worker threads)."""
    lora = assignment.lora
    artifact = lora if isinstance(lora, LoraArtifact) else await asyncio.to_thread(read_lora, lora)
    if artifact.metadata.kind != "face":
        raise InvalidInputError("inpainting needs a face LoRA, got a style LoRA", param="lora_id")
    template_image = await asyncio.to_thread(artifact.load_template_face)
    if template_image is None or artifact.metadata.template_embedding is None:
        raise InvalidInputError("the LoRA has no template face; retrain it from photos",
                                param="lora_id")
    return artifact, template_image


async def _resolve_people(assignments: list[FaceAssignment], style: Style | None,
                          params: InpaintParams, components: InpaintComponents) -> list[_Person]:
    """Each named face's LoRA read, its template face found (one detection call for all the
    LoRAs' template photos), prompt and adapters built."""
    read = await asyncio.gather(*(_read_person(a) for a in assignments))
    found_all = await per_item(components.detect_many([image for _, image in read]), len(read))
    return list(await asyncio.gather(*(
        _person(a, artifact, image, found, style, params)
        for a, (artifact, image), found in zip(assignments, read, found_all))))


async def _person(assignment: FaceAssignment, artifact: LoraArtifact, template_image: np.ndarray,
                  found: list[Face] | Exception, style: Style | None,
                  params: InpaintParams) -> _Person:
    found = value(found)  # a detection that failed fails the request, as the LoRA is unusable
    if not found:
        raise InvalidInputError("no face found on the LoRA's template face", param="lora_id")
    lora_id = assignment.lora_id or artifact.path.name
    weights = GenerateParams(
        face_weight=params.face_weight if params.face_weight is not None else DEFAULT_FACE_WEIGHT,
        style_weight=params.style_weight if params.style_weight is not None
        else DEFAULT_STYLE_WEIGHT)
    adapters = await asyncio.to_thread(adapters_for, artifact, lora_id, style, weights)
    extra = params.prompt if style is not None else ", ".join(
        p for p in (INPAINT_PROMPT, params.prompt) if p)
    prompt = build_prompt(artifact, style, extra)
    if params.negative_prompt is not None:
        negative = params.negative_prompt
    else:
        negative = style.negative_prompt if style is not None and style.negative_prompt \
            else INPAINT_NEGATIVE
        if artifact.metadata.trigger in MALE_ADULT_TRIGGERS:
            negative = f"{negative}, children"
    return _Person(lora_id=lora_id, artifact=artifact, adapters=adapters, prompt=prompt,
                   negative_prompt=negative, template_image=template_image,
                   template_face=max(found, key=lambda f: f.area),
                   embedding=np.asarray(artifact.metadata.template_embedding, np.float32))


async def ainpaint(
    template: np.ndarray,
    assignments: list[FaceAssignment],
    params: InpaintParams,
    components: InpaintComponents,
    *,
    styles: StyleRegistry | None = None,
) -> InpaintOutput:
    # 1. Check inputs
    template = _check_template(template)
    params = params if params is not None else InpaintParams()

    # 2. Detect the template's faces, left to right; check the named indices
    faces = detect_faces_ordered(await components.detect(template))
    if not faces:
        raise InvalidInputError("no face found in the template", param="template")
    _check_assignments(assignments, faces)

    # 3. The named faces' LoRAs: template face, prompt, adapters (read beside each other)
    style = None
    if params.style is not None:
        first = assignments[0].lora
        base_id = first.metadata.base_model_id if isinstance(first, LoraArtifact) else (
            await asyncio.to_thread(read_lora, first)).metadata.base_model_id
        style = await load_style(params.style, base_id, styles)
    resolved = await _resolve_people(assignments, style, params, components)
    people = {a.index: p for a, p in zip(assignments, resolved)}
    seed = pick_seed(params.seed, span=1024)

    # 4. Each named face in turn, on the running result (its own adapters only)
    result = template.copy()
    reports: list[FaceReport] = []
    failures: list[FaceFailure] = []
    errors: list[BaseException] = []
    for index, face in enumerate(faces):
        box = tuple(float(v) for v in face.box)
        person = people.get(index)
        if person is None:
            reports.append(FaceReport(index=index, box=box, lora=None, status=FaceStatus.SKIPPED,
                                      reason="not named in the request"))
            continue
        others = [f.box for j, f in enumerate(faces) if j != index]
        try:
            result, score = await _redraw_face(result, face, others, person, params,
                                               seed + index, components)
        except StageFailed as failed:
            errors.append(failed.__cause__)
            reason = item_failure(failed.__cause__, f"face {index}", failed.stage)
            failures.append(FaceFailure(source=f"face {index}", message=reason))
            reports.append(FaceReport(index=index, box=box, lora=person.lora_id,
                                      status=FaceStatus.FAILED, reason=reason))
            continue
        reports.append(FaceReport(index=index, box=box, lora=person.lora_id,
                                  status=FaceStatus.DONE, similarity=score))

    # 5. The request fails only when every named face failed
    if len(failures) == len(people):
        exc = AllItemsFailedError("face", failures)
        exc.faces, exc.seed = reports, seed  # the per-face report still counts (CLI writes it)
        raise exc from errors[0]
    logger.info("inpaint: %d face(s), %d done, %d failed, %d skipped", len(faces),
                sum(r.status == FaceStatus.DONE for r in reports), len(failures),
                sum(r.status == FaceStatus.SKIPPED for r in reports))
    return InpaintOutput(image=result, faces=reports, seed=seed)


async def _fuse(components: InpaintComponents, image: np.ndarray, face: Face, person: _Person,
                strength: float) -> np.ndarray:
    """Fuse the LoRA's template face into ``image`` at ``face``; a fusion that cannot fuse this
    face (:class:`FusionError`, a verdict) keeps the image as it is."""
    if strength <= 0.0:
        return image
    try:
        return await components.fuse(image, face, person.template_image, person.template_face,
                                     strength)
    except Exception as exc:
        if not isinstance(unwrap(exc), FusionError):
            raise
        logger.info("face fusion skipped: %s", unwrap(exc))
        return image


async def _inpaint_pass(components: InpaintComponents, base: DiffusionRequest,
                        image: np.ndarray, mask: np.ndarray, controls: tuple[ControlInput, ...],
                        strength: float, person_alpha: np.ndarray | None,
                        reference: np.ndarray | None = None,
                        scheduler: SchedulerName | None = None) -> np.ndarray:
    """One ControlNet inpainting pass of ``image`` (white ``mask`` = redraw) at ``strength``
    with ``scheduler``; with ``person_alpha``, the VAE compensation: the zero-mask pass (same
    seed, so the same posterior sample of the image latents) gives decode(encode(image)), and
    ``reference`` (default ``image``) minus that is added back outside the person, with the
    decoder's spread outside the redrawn latent cells removed (:func:`add_vae_error`). Strength
    0: the image as it is.

    Stage 3 passes the template crop as ``reference``: upstream adds back the pass's own input
    minus its round trip, which keeps whatever stage 2 left in the background; against the
    template, the background comes back to the template itself."""
    if strength <= 0.0:
        return image

    def request(m: np.ndarray, s: float) -> DiffusionRequest:
        return DiffusionRequest(
            prompt=base.prompt, negative_prompt=base.negative_prompt, adapters=base.adapters,
            num_images=1, steps=steps_for(base.steps, s), guidance_scale=base.guidance_scale,
            width=base.width, height=base.height, seed=base.seed, controls=controls,
            init_image=image, mask_image=m, strength=s, scheduler=scheduler)

    real = components.diffuse(request(mask, strength))
    if person_alpha is None:
        [out] = await real
        return out
    zero = components.diffuse(request(np.zeros_like(mask), VAE_PASS_STRENGTH))
    [out], [reconstruction] = await asyncio.gather(real, zero)
    return add_vae_error(out, image if reference is None else reference, reconstruction,
                         person_alpha, latent_redraw_alpha(mask))


async def _redraw_face(image: np.ndarray, face: Face, others: list, person: _Person,
                       params: InpaintParams, seed: int, components: InpaintComponents
                       ) -> tuple[np.ndarray, float]:
    """Redraw one face of ``image``; returns the merged image and the similarity. Any stage
    that raises comes out as :class:`StageFailed` naming it."""
    size = params.crop_size
    base = DiffusionRequest(prompt=person.prompt, negative_prompt=person.negative_prompt,
                            adapters=person.adapters, num_images=1, steps=params.steps,
                            guidance_scale=params.guidance_scale, width=size, height=size,
                            seed=seed)

    # a. Square crop around the face, the other faces black; the face in crop pixels
    with stage("crop"):
        crop = square_face_crop(image, face.box, size=size, other_boxes=others)
        crop_face = _face_in_crop(face, crop)

    # b. The template crop's geometry: 68 landmarks (full resolution, mapped), parsing
    with stage("landmarks"):
        [points] = await components.landmarks(image, [face])
        template68 = crop.to_crop(np.asarray(points, np.float64))
        eye_y = eye_line(template68)
    with stage("parsing"):
        parsing = await components.parse(crop.image)
        face_mask = parsing.face if parsing.face.any() else _hull_mask(template68[:27], size)
        person_alpha = soft_person_mask(parsing.person) if params.vae_compensation else None

    # c. Stage 1: pose-guided draft (OpenPose body + hands of the crop)
    with stage("stage1"):
        pose = await components.condition(crop.image, "openpose", include_hands=True)
        [draft] = await components.diffuse(DiffusionRequest(
            **{**base.__dict__, "controls": (ControlInput("openpose", pose, STAGE1_POSE_SCALE),)}))

    # d. Fuse the draft with the LoRA's template face (the draft follows the crop's pose: no
    #    face found on it -> the crop's face box)
    with stage("draft_fusion"):
        found = await components.detect(draft)
        draft_face = max(found, key=lambda f: f.area) if found else crop_face
        draft = await _fuse(components, draft, draft_face, person, params.fusion_strength)

    # e. The draft's face: 68 landmarks, parsing face mask (else the landmarks' hull)
    with stage("draft_geometry"):
        [draft68], draft_parsing = await asyncio.gather(
            components.landmarks(draft, [draft_face]), components.parse(draft))
        draft68 = np.asarray(draft68, np.float64)
        draft_mask = draft_parsing.face if draft_parsing.face.any() else \
            _hull_mask(draft68[:27], size)

    # f. Warp the draft face onto the template face (similarity on 5 of the 68 points)
    with stage("warp"):
        warped = warp_face(crop.image, draft, draft_mask, draft68, template68)

    # g. Stage 2: ControlNet inpainting of the template crop, then the VAE compensation
    with stage("stage2"):
        keep_out = eye_split_mask(face_mask, eye_y, k=CANNY_EXCLUSION_DILATION, k_first=0)
        dots, edges = await asyncio.gather(
            components.condition(crop.image, "openpose_face", landmarks68=warped.landmarks68),
            components.condition(crop.image, "canny", mask=255 - keep_out))
        mask2 = eye_split_mask(face_mask, eye_y, warp_mask=warped.mask)
        controls = (ControlInput("openpose", dots, STAGE2_SCALES[0]),
                    ControlInput("canny", edges, STAGE2_SCALES[1]))
        stage2 = await _inpaint_pass(components, base, crop.image, mask2, controls,
                                     params.strength, person_alpha, scheduler=params.scheduler)

    # h. Stage 3: refinement of the stage-2 result (its face mask dilated 0.02), compensated
    stage3 = stage2
    if params.refine_strength > 0.0:
        with stage("stage3"):
            parsed2, full, edges3 = await asyncio.gather(
                components.parse(stage2), components.condition(stage2, "openpose_full"),
                components.condition(stage2, "canny"))
            face3 = parsed2.face if parsed2.face.any() else face_mask
            mask3 = dilate_by_area(face3, STAGE3_DILATION)
            controls = (ControlInput("openpose", full, STAGE3_SCALES[0]),
                        ControlInput("canny", edges3, STAGE3_SCALES[1]))
            stage3 = await _inpaint_pass(components, base, stage2, mask3, controls,
                                         params.refine_strength, person_alpha,
                                         reference=crop.image, scheduler=params.scheduler)

    # i. Final fusion
    with stage("final_fusion"):
        final = await _fuse(components, stage3, crop_face, person, params.fusion_strength)

    # j. Merge back through the window mask (0 outside the window and on the other faces)
    with stage("merge"):
        alpha = merge_window_mask(crop, face.box, others)
        merged = _merge(image, crop, final, alpha, person_alpha)

    # k. Similarity of the redrawn face (full resolution) to the LoRA's template face
    with stage("embedding"):
        embedding = await components.embed(merged, face)
        score = similarity(embedding, person.embedding)
    return merged, score


def _merge(image: np.ndarray, crop: FaceCrop, result: np.ndarray, alpha: np.ndarray,
           person_alpha: np.ndarray | None) -> np.ndarray:
    """``image`` with the processed crop ``result`` pasted back through ``alpha``.

    With ``person_alpha`` (the VAE compensation is on) the crop's own resampling loss is
    compensated the same way as the VAE's: the crop was resized from the window to the crop
    size and is resized back, so (window - resized-back crop) is added outside the person, and
    the background keeps the template's full-resolution detail. Where ``alpha`` is 0 (outside
    the window, the other faces) the pixels are ``image``'s, bit for bit."""
    if person_alpha is None:
        return crop.paste(image, result, alpha)
    x0, y0, x1, y1 = crop.visible()
    region = image[y0:y1, x0:x1]
    patch = add_vae_error(crop.uncrop(result), region, crop.uncrop(crop.image),
                          np.clip(crop.uncrop(person_alpha), 0.0, 1.0))
    out = image.copy()
    out[y0:y1, x0:x1] = blend(patch, region, alpha[y0:y1, x0:x1])
    return out


def inpaint(template: np.ndarray, assignments: list[FaceAssignment],
            params: InpaintParams | None = None, components: InpaintComponents | None = None,
            **kwargs) -> InpaintOutput:
    """Synchronous facade over :func:`ainpaint` with in-process components."""
    from facechain.pipelines.runtime import LocalComponents

    return asyncio.run(ainpaint(template, assignments, params or InpaintParams(),
                                components or LocalComponents(), **kwargs))
