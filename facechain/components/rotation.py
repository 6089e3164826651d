"""Upright correction (role ``rotation``): ``corrector(image) -> Rotation(angle, image, faces)``.

``angle`` is the clockwise quarter turn applied to the input (``rotate_image``); ``faces`` are
detected on the full-resolution upright image, so the chain need not detect again.

Backends:

- ``detector_vote`` (classical stand-in for the paper's rotation classifier): run the face
  detector on a downscaled copy turned 0/90/180/270 degrees and keep the turn whose best face
  scores highest (ties go to the smaller turn, so 0 wins ties). Frontal detectors (HOG) barely
  fire on sideways or upside-down faces, which makes the vote sharp. Options: ``detector``
  (a face_detection backend, default ``dlib_hog``), ``detector_options`` (its options),
  ``max_side`` of the voting copy (640). The role's source is passed to the detector.
- ``modelscope_pipeline``: a ModelScope image classifier predicting the turn (the paper's
  rotation model); needs the ``hub`` extra and ``source: modelscope:<id>`` or a local folder.
  Options ``task`` (``image-classification``), ``label_angles`` (label -> clockwise correction
  in degrees; default: the label's integer value), ``detector`` / ``detector_options``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

import numpy as np

from facechain.components.face_alignment import rotate_image
from facechain.components.face_detection import (
    FaceDetector,
    build_face_detector,
    check_image,
    downscale,
)
from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import ResolvedSource, build_modelscope_pipeline, register_backend
from facechain.types import Rotation

logger = logging.getLogger(__name__)

ANGLES = (0, 90, 180, 270)


class RotationCorrector:
    """Detector vote over the four quarter turns (see module docstring)."""

    def __init__(self, detector: FaceDetector, *, max_side: int | None = 640):
        if max_side is not None and max_side < 64:
            raise InvalidInputError(f"max_side must be >= 64, got {max_side}", param="max_side")
        self.detector = detector
        self.max_side = max_side

    def vote(self, image: np.ndarray) -> dict[int, list[tuple[tuple[float, ...], float]]]:
        """Boxes and scores per clockwise turn, found on a copy downscaled to ``max_side``; boxes
        are in pixels of the full-resolution image turned by that angle."""
        small, scale = downscale(check_image(image), self.max_side)
        found = {}
        for angle in ANGLES:
            boxes = self.detector.detect_boxes(rotate_image(small, angle))
            found[angle] = [(tuple(v / scale for v in box), score) for box, score in boxes]
        return found

    def __call__(self, image: np.ndarray) -> Rotation:
        image = check_image(image)

        # 1. Vote on a small copy: the best face score per turn
        found = self.vote(image)
        best = {a: max(s for _, s in boxes) for a, boxes in found.items() if boxes}
        if not best:
            # No face at any turn on the small copy: keep the photo as is; a full-resolution pass
            # still catches faces too small for the voting copy.
            logger.debug("rotation vote found no face; keeping 0 degrees")
            return Rotation(angle=0, image=image, faces=self.detector(image))
        angle = max(best, key=lambda a: (best[a], -a))
        logger.debug("rotation vote %s -> %d", best, angle)

        # 2. The winning turn's boxes, mapped to full resolution, with landmarks predicted on the
        # full-resolution upright image (no second detection pass: it cost half the chain's time)
        upright = rotate_image(image, angle)
        faces = self.detector.faces_from_boxes(upright, found[angle])
        return Rotation(angle=angle, image=upright, faces=faces)


class ClassifierRotationCorrector:
    """A classifier predicts the clockwise correction; faces are then detected on the result."""

    def __init__(self, classify: Callable[[np.ndarray], int], detector: FaceDetector):
        self.classify = classify
        self.detector = detector

    def __call__(self, image: np.ndarray) -> Rotation:
        image = check_image(image)
        angle = int(self.classify(image)) % 360
        if angle not in ANGLES:
            raise ModelSourceError("rotation", f"classifier returned angle {angle}, not 0/90/180/270")
        upright = rotate_image(image, angle)
        return Rotation(angle=angle, image=upright, faces=self.detector(upright))


@register_backend("rotation", "detector_vote")
def _detector_vote(source: ResolvedSource, *, detector: str = "dlib_hog",
                   detector_options: dict[str, Any] | None = None,
                   max_side: int | None = 640) -> RotationCorrector:
    face_detector = build_face_detector(detector, source, **(detector_options or {}))
    return RotationCorrector(face_detector, max_side=max_side)


ROTATION_MODEL_ID = "Cherrytest/rot_bgr"  # FaceChain's upright classifier on ModelScope


@register_backend("rotation", "modelscope_pipeline")
def _modelscope_pipeline(source: ResolvedSource, *, task: str = "image-classification",
                         label_angles: dict[str, int] | None = None, detector: str = "dlib_hog",
                         detector_options: dict[str, Any] | None = None) -> ClassifierRotationCorrector:
    pipe = build_modelscope_pipeline(source, task, ROTATION_MODEL_ID,
                                     what=f"modelscope_pipeline ({task})")

    def classify(image: np.ndarray) -> int:
        from PIL import Image

        out = pipe(Image.fromarray(image))
        labels, scores = list(out.get("labels") or []), list(out.get("scores") or [])
        if not labels:
            raise ModelSourceError("rotation", f"classifier output has no labels: {out!r}")
        label = str(labels[int(np.argmax(scores))] if scores else labels[0])
        if label_angles is not None:
            if label not in label_angles:
                raise ModelSourceError("rotation", f"label {label!r} not in label_angles")
            return int(label_angles[label])
        match = re.search(r"\d+", label)
        if match is None:
            raise ModelSourceError("rotation", f"label {label!r} has no angle; set label_angles")
        return int(match.group())

    detector_source = ResolvedSource("face_detection", "builtin", "", None)
    face_detector = build_face_detector(detector, detector_source, **(detector_options or {}))
    return ClassifierRotationCorrector(classify, face_detector)
