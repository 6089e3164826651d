"""Post-processing of generated candidates: face fusion and similarity ranking (DESIGN.md §1, 12-13).

    portraits, dropped = await fuse_and_rank([(seed, image), ...], template, components, top_k=6)

Each candidate must show exactly one face of plausible size; the template face is fused into it,
the fused face is embedded and compared with the template embedding, and the best ``top_k`` are
returned, most similar first. Every other candidate comes back as a :class:`DroppedCandidate`
with its reason (``below_top_k`` ones with their similarity), so nothing disappears silently.

A generated image is never the caller's fault: a component failing on one candidate (detection,
fusion, embedding; also a fusion that cannot fuse, :class:`FusionError`) drops that candidate
(``detection_failed`` / ``fusion_failed`` / ``embedding_failed``) and the others go on. Zero
portraits is still an answer when some candidate got a verdict (``no_face``, or a fusion that
cannot fuse it: a :class:`FusionError` is a verdict on that candidate, e.g. a template face that
does not cover it; so is a :class:`LowQualityFaceError`, a face the recognition model scores as
unreliable, dropped as ``embedding_failed``); when every candidate failed in a broken component
there is none, and
:class:`AllItemsFailedError` (a server-side error, never a 4xx) is raised from the first failure.

Written against async component methods (:class:`RankComponents`), so the same code runs with
local components (called in threads) and with Ray Serve deployment handles. Each stage is one
call for all candidates (detect, then fuse the usable ones, then embed the fused ones: three hops
in the served graph whatever the number of candidates); each candidate's failure comes back as
that candidate's answer and drops it alone.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from facechain.components.face_recognition import similarity
from facechain.errors import (
    AllItemsFailedError,
    FusionError,
    InvalidInputError,
    LowQualityFaceError,
)
from facechain.pipelines.failures import StageFailed, item_failure, per_item, stage, unwrap, value
from facechain.types import DroppedCandidate, DropReason, Face, Portrait, TemplateFace

logger = logging.getLogger(__name__)

# Face side (square root of the box area) over the short image side. dlib-style boxes cover brows
# to chin, about 0.6 of the head: a head-and-shoulders portrait gives ~0.2-0.45 (the training crops
# use 0.35-0.45), a full-body shot ~0.08-0.12. Below 0.08 the face is a speck that fusion and the
# embedding cannot use; above 0.8 the brows-to-chin box fills the frame (extreme close-up, face cut).
MIN_FACE_FRACTION = 0.08
MAX_FACE_FRACTION = 0.8


class RankComponents(Protocol):
    """One call per stage for all candidates; one answer per item, the result or the exception
    that item raised (:mod:`facechain.pipelines.runtime`)."""

    async def detect_many(self, images: Sequence[np.ndarray]) -> list[list[Face] | Exception]: ...
    async def fuse_many(self, items: Sequence[tuple[np.ndarray, Face]], template: np.ndarray,
                        template_face: Face, strength: float) -> list[np.ndarray | Exception]: ...
    async def embed_many(self, items: Sequence[tuple[np.ndarray, Face]]
                         ) -> list[np.ndarray | Exception]: ...


@dataclass
class TemplateRef:
    """The identity to fuse in and rank against: the template photo, its face and embedding."""

    image: np.ndarray
    face: Face
    embedding: np.ndarray

    @classmethod
    def from_template(cls, template: TemplateFace) -> TemplateRef:
        return cls(image=template.image, face=template.face, embedding=template.embedding)


@dataclass
class _Ranked:
    order: int
    seed: int
    image: np.ndarray
    face: Face
    similarity: float


def face_fraction(face: Face, image: np.ndarray) -> float:
    """Face side (sqrt of the box area) over the short side of ``image``."""
    return math.sqrt(face.area) / float(min(image.shape[:2]))


def screen_faces(faces: list[Face], image: np.ndarray, *, min_face_fraction: float,
                 max_face_fraction: float, dominance: float) -> tuple[Face | None, DropReason | None, str]:
    """The one usable face of a candidate, or why there is none.

    Faces smaller than 1/``dominance`` of the largest one's area are ignored (background people,
    false positives); the remaining one must have a plausible size."""
    if not faces:
        return None, DropReason.NO_FACE, "no face detected"
    faces = sorted(faces, key=lambda f: f.area, reverse=True)
    main = faces[0]
    rivals = [f for f in faces[1:] if f.area * dominance >= main.area]
    if rivals:
        return None, DropReason.MULTIPLE_FACES, (
            f"{1 + len(rivals)} faces; the largest is not {dominance:g}x the area of the next")
    fraction = face_fraction(main, image)
    if fraction < min_face_fraction:
        return None, DropReason.FACE_TOO_SMALL, (
            f"face side is {fraction:.3f} of the short image side (< {min_face_fraction:g})")
    if fraction > max_face_fraction:
        return None, DropReason.FACE_TOO_LARGE, (
            f"face side is {fraction:.3f} of the short image side (> {max_face_fraction:g})")
    return main, None, ""


def _check_params(top_k: int, fusion_strength: float, min_face_fraction: float,
                  max_face_fraction: float, dominance: float) -> None:
    if int(top_k) != top_k or top_k < 1:
        raise InvalidInputError(f"top_k must be a positive integer, got {top_k}", param="top_k")
    if not 0.0 <= fusion_strength <= 1.0:
        raise InvalidInputError(f"fusion_strength must be in [0, 1], got {fusion_strength}",
                                param="fusion_strength")
    if not 0.0 <= min_face_fraction < max_face_fraction:
        raise InvalidInputError(
            f"need 0 <= min_face_fraction < max_face_fraction, got {min_face_fraction} and "
            f"{max_face_fraction}", param="min_face_fraction")
    if dominance < 1.0:
        raise InvalidInputError(f"dominance must be >= 1, got {dominance}", param="dominance")


async def fuse_and_rank(
    candidates: list[tuple[int, np.ndarray]],
    template: TemplateRef,
    components: RankComponents,
    *,
    top_k: int = 6,
    fusion_strength: float = 0.5,
    min_face_fraction: float = MIN_FACE_FRACTION,
    max_face_fraction: float = MAX_FACE_FRACTION,
    dominance: float = 4.0,
) -> tuple[list[Portrait], list[DroppedCandidate]]:
    """Fuse the template face into each usable ``(seed, image)`` candidate and rank by identity
    similarity. Returns the ``top_k`` portraits (most similar first; ties keep candidate order)
    and the dropped candidates (in candidate order, then the ``below_top_k`` ones by rank)."""
    # 1. Check inputs
    _check_params(top_k, fusion_strength, min_face_fraction, max_face_fraction, dominance)
    template_embedding = np.asarray(template.embedding, dtype=np.float32)

    errors: list[Exception] = []  # what the failed components raised, for AllItemsFailedError
    results: list[_Ranked | DroppedCandidate | None] = [None] * len(candidates)

    def drop(order: int, failed: StageFailed) -> None:  # one candidate's failure, never the request's
        seed = candidates[order][0]
        # a verdict on the candidate, not a failure of a component
        if not isinstance(unwrap(failed.__cause__), FusionError | LowQualityFaceError):
            errors.append(failed.__cause__)
        results[order] = DroppedCandidate(seed=seed, reason=failed.reason, message=item_failure(
            failed.__cause__, f"candidate seed={seed}", failed.stage))

    # 2. Detect and screen faces: one call for all candidates
    images = [image for _, image in candidates]
    found = await per_item(components.detect_many(images), len(images))
    usable: list[tuple[int, Face]] = []
    for order, ((seed, image), answer) in enumerate(zip(candidates, found)):
        try:
            with stage("detection", DropReason.DETECTION_FAILED):
                face, reason, message = screen_faces(
                    value(answer), image, min_face_fraction=min_face_fraction,
                    max_face_fraction=max_face_fraction, dominance=dominance)
        except StageFailed as failed:
            drop(order, failed)
            continue
        if face is None:
            logger.debug("candidate seed=%s dropped: %s (%s)", seed, reason.value, message)
            results[order] = DroppedCandidate(seed=seed, reason=reason, message=message)
        else:
            usable.append((order, face))

    # 3. Fuse the template face into the usable ones (one call; the template crosses once).
    #    Fusion replaces the inner face in place, so the candidate's face box still locates the
    #    fused face (no second detection).
    fused_all = await per_item(components.fuse_many(
        [(images[order], face) for order, face in usable], template.image, template.face,
        fusion_strength), len(usable)) if usable else []
    fused: list[tuple[int, Face, np.ndarray]] = []
    for (order, face), answer in zip(usable, fused_all):
        try:
            with stage("fusion", DropReason.FUSION_FAILED):
                fused.append((order, face, value(answer)))
        except StageFailed as failed:
            drop(order, failed)

    # 4. Embed the fused faces (one call) and compare with the template
    embedded = await per_item(components.embed_many(
        [(image, face) for _, face, image in fused]), len(fused)) if fused else []
    for (order, face, image), answer in zip(fused, embedded):
        try:
            with stage("embedding", DropReason.EMBEDDING_FAILED):
                score = similarity(value(answer), template_embedding)
        except StageFailed as failed:
            drop(order, failed)
            continue
        results[order] = _Ranked(order=order, seed=candidates[order][0], image=image, face=face,
                                 similarity=score)

    dropped = [r for r in results if isinstance(r, DroppedCandidate)]
    if candidates and len(errors) == len(candidates):
        raise AllItemsFailedError("candidate", dropped) from errors[0]

    # 5. Rank and keep the top k
    ranked = sorted((r for r in results if isinstance(r, _Ranked)),
                    key=lambda r: (-r.similarity, r.order))
    portraits = [Portrait(image=r.image, similarity=r.similarity, seed=r.seed, face=r.face)
                 for r in ranked[:top_k]]
    for r in ranked[top_k:]:
        dropped.append(DroppedCandidate(
            seed=r.seed, reason=DropReason.BELOW_TOP_K, similarity=r.similarity,
            message=f"similarity {r.similarity:.3f} below the top {top_k}"))
    logger.info("ranked %d candidates: %d returned, %d dropped", len(candidates), len(portraits),
                len(dropped))
    return portraits, dropped


def fuse_and_rank_sync(candidates: list[tuple[int, np.ndarray]], template: TemplateRef,
                       components: RankComponents, **params) -> tuple[list[Portrait],
                                                                      list[DroppedCandidate]]:
    """:func:`fuse_and_rank` for synchronous callers (CLI, tests); not inside a running loop."""
    return asyncio.run(fuse_and_rank(candidates, template, components, **params))
