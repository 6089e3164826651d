"""Preprocessing: a user's photos -> a clean, tagged, captioned training set (DESIGN.md §1, 1-7, 9).

    output = preprocess([Photo("a.jpg", data), ...])
    output.samples      # accepted photos: 512x512 crops, head masks, captions, quality
    output.rejected     # Rejection(source, reason, message) per photo that was not used
    output.trigger      # e.g. "a handsome man"
    output.template     # the best face, with its embedding (fusion and ranking use it)

One bad photo is reported, never fatal; :class:`NoUsablePhotosError` only when nothing survives.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from facechain.components.face_alignment import align_and_crop
from facechain.components.human_parsing import paint_background
from facechain.components.tagging import caption, filter_identity_tags, trigger_word
from facechain.errors import ImageTooLargeError, InvalidInputError, NoUsablePhotosError
from facechain.imageio import DEFAULT_MAX_PIXELS, decode_image
from facechain.pipelines.runtime import LocalComponents, PreprocessComponents
from facechain.types import (
    Face,
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

    # 2. Per photo: decode, upright, detect, gate, align, parse, retouch, describe
    limit = asyncio.Semaphore(params.concurrency)

    async def run_one(order: int, photo: Photo) -> _Accepted | Rejection:
        async with limit:
            return await _process_photo(order, photo, components, params, timer)

    results = await asyncio.gather(*(run_one(i, p) for i, p in enumerate(photos)))
    accepted = [r for r in results if isinstance(r, _Accepted)]
    rejected = [r for r in results if isinstance(r, Rejection)]
    for r in rejected:
        logger.info("rejected %s: %s (%s)", r.source, r.reason.value, r.message)
    if not accepted:
        raise NoUsablePhotosError(rejected)
    samples = [a.sample for a in sorted(accepted, key=lambda a: a.order)]

    # 3. Trigger word from gender and age summed over the set; captions without identity tags
    trigger = trigger_word([s.attributes for s in samples])
    for s in samples:
        s.tags = filter_identity_tags(s.tags)
        s.caption = caption(trigger, s.tags)

    # 4. Template face: the best quality face, embedded for ranking
    best = max(samples, key=lambda s: s.quality)
    started = time.perf_counter()
    embedding = await components.embed(best.crop, best.face)
    timer.add("embed", started)
    template = TemplateFace(source=best.source, image=best.crop, face=best.face,
                            quality=best.quality, embedding=np.asarray(embedding, np.float32))
    return PreprocessOutput(samples=samples, rejected=rejected, trigger=trigger.word,
                            template=template, gender=trigger.gender, age=trigger.age)


async def _process_photo(order: int, photo: Photo, components: PreprocessComponents,
                         params: PreprocessParams, timer: StageTimer) -> _Accepted | Rejection:
    def reject(reason: RejectionReason, message: str) -> Rejection:
        return Rejection(source=photo.source, reason=reason, message=message)

    # a. Decode (EXIF orientation, colour modes, pixel limit)
    started = time.perf_counter()
    try:
        image = await asyncio.to_thread(decode_image, photo.data, max_pixels=params.max_pixels)
    except ImageTooLargeError as exc:
        return reject(RejectionReason.TOO_LARGE, exc.message)
    except InvalidInputError as exc:
        return reject(RejectionReason.UNDECODABLE, exc.message)
    finally:
        timer.add("decode", started)

    # b. Upright rotation; the faces come detected on the upright image
    started = time.perf_counter()
    rotation = await components.upright(image)
    timer.add("rotation+detection", started)
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
    started = time.perf_counter()
    aligned = await asyncio.to_thread(align_and_crop, image, face, params.size, params.face_ratio)
    timer.add("align+crop", started)
    crop, crop_face = aligned.image, aligned.face

    # e. Quality of the aligned face; blurry photos are rejected here
    started = time.perf_counter()
    quality = await components.quality(crop, crop_face)
    timer.add("quality", started)
    sharp = quality.terms.get("sharpness_raw")
    threshold = params.min_sharpness if params.min_sharpness is not None else quality.terms.get(
        "blur_threshold")
    if sharp is not None and threshold is not None and sharp < threshold:
        return reject(RejectionReason.TOO_BLURRY,
                      f"face sharpness {sharp:.1f} below the threshold {threshold:.1f}")

    # f. Head mask (hair + face); retouch the skin, paint the background white
    started = time.perf_counter()
    parsing = await components.parse(crop)
    timer.add("parsing", started)
    head = _head_mask(parsing, crop_face, crop.shape[:2])
    started = time.perf_counter()
    retouched = (await components.retouch(crop, params.retouch_strength)
                 if params.retouch_strength > 0 else crop)
    timer.add("retouch", started)
    final = paint_background(retouched, head)

    # g. Attributes and tags
    started = time.perf_counter()
    attributes, tags = await asyncio.gather(components.attributes(crop, crop_face),
                                            components.tag(crop, crop_face, parsing))
    timer.add("attributes+tags", started)

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
