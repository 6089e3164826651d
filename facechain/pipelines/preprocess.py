"""Preprocessing: a user's photos -> a clean, tagged, captioned training set (DESIGN.md §1, 1-7, 9).

    output = preprocess([Photo("a.jpg", data), ...])
    output.samples      # accepted photos: 512x512 crops, head masks, captions, quality
    output.rejected     # Rejection(source, reason, message) per photo that was not used
    output.trigger      # e.g. "a handsome man"
    output.template     # the best face, with its embedding (fusion and ranking use it)

One bad photo is reported, never fatal: a photo on which a model component fails is rejected as
``analysis_failed`` (``embedding_failed`` for the template embedding) and the others go on. When
nothing survives: :class:`NoUsablePhotosError` (a verdict on the photos), or
:class:`AllItemsFailedError` when every photo failed in a component (the server's side, no verdict).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

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
from facechain.pipelines.failures import StageFailed, item_failure, stage
from facechain.pipelines.runtime import LocalComponents, PreprocessComponents
from facechain.types import (
    Face,
    Gender,
    Parsing,
    Photo,
    PreprocessOutput,
    Rejection,
    RejectionReason,
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
    concurrency: int = Field(4, ge=1, le=64, description="photos processed at once")
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
    """Wall time per stage, summed over photos (seconds)."""

    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, started: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started


@contextmanager
def _stage(timer: StageTimer, name: str) -> Iterator[None]:
    """Time a stage of one photo and name it in any failure (:class:`StageFailed`)."""
    started = time.perf_counter()
    try:
        with stage(name):
            yield
    finally:
        timer.add(name, started)


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

    # 2. Per photo: decode, upright, detect, gate, align, parse, retouch, describe. A component
    #    failing on a photo rejects that photo only.
    limit = asyncio.Semaphore(params.concurrency)
    errors: list[Exception] = []  # what the failed components raised, for AllItemsFailedError

    async def run_one(order: int, photo: Photo) -> _Accepted | Rejection:
        async with limit:
            try:
                return await _process_photo(order, photo, components, params, timer)
            except Exception as exc:
                staged = isinstance(exc, StageFailed)
                cause = exc.__cause__ if staged else exc
                errors.append(cause)
                return Rejection(photo.source, RejectionReason.ANALYSIS_FAILED,
                                 item_failure(cause, photo.source,
                                              exc.stage if staged else "analysis"))

    results = await asyncio.gather(*(run_one(i, p) for i, p in enumerate(photos)))
    rejected = [r for r in results if isinstance(r, Rejection)]
    for r in rejected:
        logger.info("rejected %s: %s (%s)", r.source, r.reason.value, r.message)
    samples = [a.sample for a in sorted((r for r in results if isinstance(r, _Accepted)),
                                        key=lambda a: a.order)]

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


async def _process_photo(order: int, photo: Photo, components: PreprocessComponents,
                         params: PreprocessParams, timer: StageTimer) -> _Accepted | Rejection:
    def reject(reason: RejectionReason, message: str) -> Rejection:
        return Rejection(source=photo.source, reason=reason, message=message)

    # a. Decode (EXIF orientation, colour modes, pixel limit)
    with _stage(timer, "decode"):
        image = await asyncio.to_thread(decode_photo, photo, params.max_pixels)
    if isinstance(image, Rejection):
        return image

    # b. Upright rotation; the faces come detected on the upright image
    with _stage(timer, "rotation+detection"):
        rotation = await components.upright(image)
        image, faces = rotation.image, rotation.faces

    # c. Gate on the faces found
    if not faces:
        return reject(RejectionReason.NO_FACE, "no face found at any of 0/90/180/270 degrees")
    faces = sorted(faces, key=lambda f: f.area, reverse=True)
    face = faces[0]
    if len(faces) > 1 and face.area < params.dominance * faces[1].area:
        return reject(RejectionReason.MULTIPLE_FACES,
                      f"{len(faces)} faces and none dominant (largest is "
                      f"{face.area / max(faces[1].area, 1):.1f}x the second; needs {params.dominance}x)")
    side = min(face.width, face.height)
    if side < params.min_face_size:
        return reject(RejectionReason.FACE_TOO_SMALL,
                      f"face is {side:.0f}px; at least {params.min_face_size}px needed")

    # d. Level the eyes (least-squares roll) and crop square around the face
    with _stage(timer, "align+crop"):
        aligned = await asyncio.to_thread(align_and_crop, image, face, params.size,
                                          params.face_ratio)
        crop, crop_face = aligned.image, aligned.face

    # e. Quality of the aligned face; blurry photos are rejected here
    with _stage(timer, "quality"):
        quality = await components.quality(crop, crop_face)
        sharp = quality.terms.get("sharpness_raw")
        threshold = (params.min_sharpness if params.min_sharpness is not None
                     else quality.terms.get("blur_threshold"))
    if sharp is not None and threshold is not None and sharp < threshold:
        return reject(RejectionReason.TOO_BLURRY,
                      f"face sharpness {sharp:.1f} below the threshold {threshold:.1f}")

    # f. Head mask (hair + face); retouch the skin, paint the background white
    with _stage(timer, "parsing"):
        parsing = await components.parse(crop)
        head = _head_mask(parsing, crop_face, crop.shape[:2])
    with _stage(timer, "retouch"):
        retouched = (await components.retouch(crop, params.retouch_strength)
                     if params.retouch_strength > 0 else crop)
        final = paint_background(retouched, head)

    # g. Attributes and tags
    with _stage(timer, "attributes+tags"):
        attributes, tags = await asyncio.gather(components.attributes(crop, crop_face),
                                                components.tag(crop, crop_face, parsing))

    # the training image has its background painted white: describe that, not the photo's
    tags = [t for t in tags if not t.endswith("background")] + ["white background",
                                                                  "simple background"]
    sample = Sample(source=photo.source, image=final, crop=crop, mask=head, face=crop_face,
                    rotation=rotation.angle, roll_degrees=float(aligned.roll), attributes=attributes,
                    tags=tags, caption="", quality=float(quality.score),
                    quality_terms=dict(quality.terms))
    return _Accepted(sample=sample, order=order)


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
