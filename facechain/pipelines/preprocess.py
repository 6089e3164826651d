"""Preprocessing: a user's photos -> a clean, tagged, captioned training set (DESIGN.md §1, 1-7, 9).

    output = preprocess([Photo("a.jpg", data), ...])
    output.samples      # accepted photos: 512x512 crops, head masks, captions, quality
    output.rejected     # Rejection(source, reason, message) per photo that was not used
    output.trigger      # e.g. "a handsome man"
    output.template     # the best face, with its embedding (fusion and ranking use it)

Each model stage is one call for all the photos still in (``upright_many``, ``quality_many`` ...;
one hop per stage in the served graph, whatever the number of photos). One bad photo is
reported, never fatal: a photo on which a model component fails is rejected as
``analysis_failed`` (``embedding_failed`` for the template embedding) and the others go on. When
nothing survives: :class:`NoUsablePhotosError` (a verdict on the photos), or
:class:`AllItemsFailedError` when every photo failed in a component (the server's side, no verdict).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from facechain.components.face_alignment import align_and_crop
from facechain.components.human_parsing import paint_background
from facechain.components.tagging import AgeGroup, caption, caption_tags, trigger_word
from facechain.errors import (
    AllItemsFailedError,
    ImageTooLargeError,
    InvalidInputError,
    NoUsablePhotosError,
)
from facechain.imageio import DEFAULT_MAX_PIXELS, decode_image
from facechain.pipelines.failures import StageFailed, item_failure, per_item, stage, value
from facechain.pipelines.runtime import LocalComponents, PreprocessComponents
from facechain.types import (
    Face,
    Gender,
    Parsing,
    Photo,
    PreprocessOutput,
    QualityScore,
    Rejection,
    RejectionReason,
    Rotation,
    Sample,
    TemplateFace,
)

logger = logging.getLogger(__name__)


class PreprocessParams(BaseModel):
    """Tunable parameters of the chain; defaults follow the FaceChain paper."""

    model_config = ConfigDict(extra="forbid")

    size: int = Field(512, ge=64, le=2048, description="side of the square training crop, px")
    face_ratio: float = Field(0.4, ge=0.35, le=0.45, description="face size / crop side")
    min_face_size: int = Field(80, ge=16, description="smallest accepted face side in the photo, px")
    dominance: float = Field(4.0, ge=1.0, description="the largest face must have this many times "
                             "the area of the second, else the photo is 'multiple_faces'")
    min_sharpness: float | None = Field(None, ge=0, description="blur threshold on the aligned face "
                                        "(None: the face-quality component's calibrated default)")
    retouch_strength: float = Field(0.3, ge=0.0, le=1.0, description="skin retouching; 0 = off")
    max_pixels: int = Field(DEFAULT_MAX_PIXELS, ge=1, description="decompression-bomb limit")
    max_photos: int = Field(32, ge=1, description="most photos accepted in one call")
    concurrency: int = Field(4, ge=1, le=64, description="photos decoded and aligned at once "
                             "(each model stage is one call for all photos)")
    gender: Gender | None = Field(None, description="the person's gender for the trigger word and "
                                  "captions (male/female); None: the gender classifier decides")
    age_group: AgeGroup | None = Field(None, description="the person's age group for the trigger "
                                       "word (child/young/mature); None: the age estimate decides")


@dataclass
class _Accepted:
    sample: Sample
    order: int


@dataclass
class StageTimer:
    """Wall time per stage (seconds); a stage runs for all photos at once, so this is the
    wall time of that stage's calls, not a sum over photos."""

    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, started: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started


@contextmanager
def _timed(timer: StageTimer, name: str) -> Iterator[None]:
    """Add the block's wall time to stage ``name``."""
    started = time.perf_counter()
    try:
        yield
    finally:
        timer.add(name, started)


@contextmanager
def _stage(timer: StageTimer, name: str) -> Iterator[None]:
    """Time a stage and name it in any failure (:class:`StageFailed`)."""
    with _timed(timer, name), stage(name):
        yield


async def apreprocess(
    photos: list[Photo],
    components: PreprocessComponents,
    params: PreprocessParams | None = None,
    *,
    timer: StageTimer | None = None,
) -> PreprocessOutput:
    """Run the chain over ``photos`` with any component runtime (local or served)."""
    params = params or PreprocessParams()
    timer = timer or StageTimer()

    # 1. Check inputs
    if not photos:
        raise NoUsablePhotosError([])
    if len(photos) > params.max_photos:
        raise InvalidInputError(f"{len(photos)} photos given; at most {params.max_photos}",
                                param="photos")

    # 2. Stage by stage over all photos: decode, upright + detect, gate, align, quality, parse +
    #    retouch, attributes + tags. Each model stage is one call for all the photos still in;
    #    a component failing on a photo rejects that photo only.
    items = [_Item(order, photo) for order, photo in enumerate(photos)]
    results = await _run_stages(items, components, params, timer)
    errors: list[Exception] = [r.cause for r in results if isinstance(r, _Failed)]
    rejected = [r.rejection if isinstance(r, _Failed) else r for r in results
                if isinstance(r, Rejection | _Failed)]
    for r in rejected:
        logger.info("rejected %s: %s (%s)", r.source, r.reason.value, r.message)
    samples = [a.sample for a in results if isinstance(a, _Accepted)]

    # 3. Template face: the best quality face, embedded for ranking (a photo whose embedding
    #    fails is rejected, the next best one is tried)
    template = None
    for best in sorted(samples, key=lambda s: -s.quality):
        try:
            with _stage(timer, "embed"):
                embedding = np.asarray(await components.embed(best.crop, best.face), np.float32)
        except StageFailed as failed:
            errors.append(failed.__cause__)
            rejected.append(Rejection(best.source, RejectionReason.EMBEDDING_FAILED,
                                      item_failure(failed.__cause__, best.source, "embed")))
            samples = [s for s in samples if s is not best]
            continue
        template = TemplateFace(source=best.source, image=best.crop, face=best.face,
                                quality=best.quality, embedding=embedding)
        break
    if template is None:
        if rejected and all(r.reason.is_failure for r in rejected):
            raise AllItemsFailedError("photo", rejected) from errors[0]
        raise NoUsablePhotosError(rejected)

    # 4. Trigger word from gender and age summed over the set (or as the caller says); captions
    #    without identity tags, nor gender tags that contradict the trigger
    trigger = trigger_word([s.attributes for s in samples], gender=params.gender,
                           age_group=params.age_group)
    for s in samples:
        s.tags = caption_tags(trigger, s.tags)
        s.caption = caption(trigger, s.tags)
    return PreprocessOutput(samples=samples, rejected=rejected, trigger=trigger.word,
                            template=template, gender=trigger.gender, age=trigger.age,
                            trigger_tags=trigger.extra_tags)


def decode_photo(photo: Photo, max_pixels: int = DEFAULT_MAX_PIXELS) -> np.ndarray | Rejection:
    """The photo as uint8 RGB, or its rejection (``too_large`` / ``undecodable``). Used by the
    chain and by callers that validate uploads before queueing work on them."""
    try:
        return decode_image(photo.data, max_pixels=max_pixels)
    except ImageTooLargeError as exc:
        return Rejection(source=photo.source, reason=RejectionReason.TOO_LARGE, message=exc.message)
    except InvalidInputError as exc:
        return Rejection(source=photo.source, reason=RejectionReason.UNDECODABLE, message=exc.message)


@dataclass
class _Item:
    """One photo on its way through the stages (filled in stage by stage)."""

    order: int
    photo: Photo
    image: np.ndarray | None = None
    rotation: Rotation | None = None
    crop: np.ndarray | None = None
    crop_face: Face | None = None
    roll: float = 0.0
    quality: QualityScore | None = None
    parsing: Parsing | None = None
    head: np.ndarray | None = None
    final: np.ndarray | None = None


@dataclass
class _Failed:
    """A photo a component failed on: its rejection and what was raised."""

    rejection: Rejection
    cause: Exception


async def _run_stages(items: list[_Item], components: PreprocessComponents,
                      params: PreprocessParams, timer: StageTimer
                      ) -> list[_Accepted | Rejection | _Failed]:
    """Each photo's outcome, in photo order."""
    outcome: dict[int, _Accepted | Rejection | _Failed] = {}
    limit = asyncio.Semaphore(params.concurrency)  # local CPU work (decode, align) at once

    def reject(item: _Item, reason: RejectionReason, message: str) -> None:
        outcome[item.order] = Rejection(source=item.photo.source, reason=reason, message=message)

    def settle(item: _Item, name: str, work: Callable[[], None]) -> bool:
        """Run one photo's share of stage ``name``; a failure rejects that photo."""
        try:
            with stage(name):
                work()
            return True
        except StageFailed as failed:
            cause = failed.__cause__
            outcome[item.order] = _Failed(Rejection(
                item.photo.source, RejectionReason.ANALYSIS_FAILED,
                item_failure(cause, item.photo.source, name)), cause)
            return False

    async def in_thread(fn: Callable[..., Any], *args: Any) -> Any:
        async with limit:
            try:
                return await asyncio.to_thread(fn, *args)
            except Exception as exc:  # noqa: BLE001 - that photo's answer
                return exc

    def alive() -> list[_Item]:
        return [i for i in items if i.order not in outcome]

    # a. Decode (EXIF orientation, colour modes, pixel limit)
    with _timed(timer, "decode"):
        decoded = await asyncio.gather(*(in_thread(decode_photo, i.photo, params.max_pixels)
                                         for i in items))
    for item, answer in zip(items, decoded):
        if isinstance(answer, Rejection):
            outcome[item.order] = answer
        else:
            settle(item, "decode", lambda i=item, a=answer: setattr(i, "image", value(a)))

    # b. Upright rotation; the faces come detected on the upright image
    live = alive()
    with _timed(timer, "rotation+detection"):
        rotations = await _many(components.upright_many([i.image for i in live]), live)
    for item, answer in zip(live, rotations):
        settle(item, "rotation+detection", lambda i=item, a=answer: setattr(i, "rotation", value(a)))

    # c. Gate on the faces found
    faces_of: dict[int, Face] = {}
    for item in alive():
        faces = sorted(item.rotation.faces, key=lambda f: f.area, reverse=True)
        if not faces:
            reject(item, RejectionReason.NO_FACE, "no face found at any of 0/90/180/270 degrees")
            continue
        face = faces[0]
        if len(faces) > 1 and face.area < params.dominance * faces[1].area:
            reject(item, RejectionReason.MULTIPLE_FACES,
                   f"{len(faces)} faces and none dominant (largest is "
                   f"{face.area / max(faces[1].area, 1):.1f}x the second; needs {params.dominance}x)")
            continue
        side = min(face.width, face.height)
        if side < params.min_face_size:
            reject(item, RejectionReason.FACE_TOO_SMALL,
                   f"face is {side:.0f}px; at least {params.min_face_size}px needed")
            continue
        faces_of[item.order] = face

    # d. Level the eyes (least-squares roll) and crop square around the face
    live = alive()
    with _timed(timer, "align+crop"):
        aligned_all = await asyncio.gather(*(
            in_thread(align_and_crop, i.rotation.image, faces_of[i.order], params.size,
                      params.face_ratio) for i in live))
    for item, answer in zip(live, aligned_all):
        def keep(item=item, answer=answer):
            aligned = value(answer)
            item.crop, item.crop_face, item.roll = aligned.image, aligned.face, float(aligned.roll)
        settle(item, "align+crop", keep)

    # e. Quality of the aligned face; blurry photos are rejected here
    live = alive()
    with _timed(timer, "quality"):
        qualities = await _many(components.quality_many([(i.crop, i.crop_face) for i in live]),
                                live)
    for item, answer in zip(live, qualities):
        if not settle(item, "quality", lambda i=item, a=answer: setattr(i, "quality", value(a))):
            continue
        sharp = item.quality.terms.get("sharpness_raw")
        threshold = (params.min_sharpness if params.min_sharpness is not None
                     else item.quality.terms.get("blur_threshold"))
        if sharp is not None and threshold is not None and sharp < threshold:
            reject(item, RejectionReason.TOO_BLURRY,
                   f"face sharpness {sharp:.1f} below the threshold {threshold:.1f}")

    # f. Head mask (hair + face); retouch the skin, paint the background white (the two model
    #    calls side by side: both work on the crop)
    live = alive()
    crops = [i.crop for i in live]
    with _timed(timer, "parsing+retouch"):
        parsed, retouched = await asyncio.gather(
            _many(components.parse_many(crops), live),
            _many(components.retouch_many(crops, params.retouch_strength), live)
            if params.retouch_strength > 0 else _same(crops))
    for item, parsing, smooth in zip(live, parsed, retouched):
        def head(item=item, parsing=parsing):
            item.parsing = value(parsing)
            item.head = _head_mask(item.parsing, item.crop_face, item.crop.shape[:2])

        def paint(item=item, smooth=smooth):
            item.final = paint_background(value(smooth), item.head)

        if settle(item, "parsing", head):
            settle(item, "retouch", paint)

    # g. Attributes and tags
    live = alive()
    with _timed(timer, "attributes+tags"):
        described = await asyncio.gather(
            _many(components.attributes_many([(i.crop, i.crop_face) for i in live]), live),
            _many(components.tag_many([(i.crop, i.crop_face, i.parsing) for i in live]), live))
    for item, attributes, tags in zip(live, *described):
        def accept(item=item, attributes=attributes, tags=tags):
            # the training image has its background painted white: describe that, not the photo
            kept = [t for t in value(tags) if not t.endswith("background")]
            sample = Sample(
                source=item.photo.source, image=item.final, crop=item.crop, mask=item.head,
                face=item.crop_face, rotation=item.rotation.angle, roll_degrees=item.roll,
                attributes=value(attributes), tags=kept + ["white background", "simple background"],
                caption="", quality=float(item.quality.score),
                quality_terms=dict(item.quality.terms))
            outcome[item.order] = _Accepted(sample=sample, order=item.order)
        settle(item, "attributes+tags", accept)

    return [outcome[i.order] for i in items]


async def _many(call: Awaitable[list[Any]], live: list[_Item]) -> list[Any]:
    """The per-photo answers of one list call over ``live`` (none when no photo is left)."""
    if not live:
        call.close()  # never awaited: no hop for an empty stage
        return []
    return await per_item(call, len(live))


async def _same(images: list[np.ndarray]) -> list[np.ndarray]:
    return images


def _head_mask(parsing: Parsing, face: Face, shape: tuple[int, int]) -> np.ndarray:
    """The parsed head mask; when parsing found no head, an ellipse around the detected face
    (so the sample keeps its face instead of being painted white)."""
    if parsing.head.any():
        return parsing.head
    import cv2

    mask = np.zeros(shape, np.uint8)
    cx, cy = face.center
    axes = (int(face.width * 0.75), int(face.height * 1.0))
    cv2.ellipse(mask, (int(cx), int(cy - face.height * 0.15)), axes, 0, 0, 360, 255, -1)
    logger.warning("no head mask found; using an ellipse around the face box")
    return mask


def preprocess(photos: list[Photo], components: PreprocessComponents | None = None,
               params: PreprocessParams | None = None) -> PreprocessOutput:
    """Synchronous facade over :func:`apreprocess` with in-process components."""
    return asyncio.run(apreprocess(photos, components or LocalComponents(), params))
