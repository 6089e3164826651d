"""Face quality in [0, 1] (role ``face_quality``): picks the template face (DESIGN.md §1, 9) and
gates blurry photos in preprocessing.

Backend ``classical`` (stand-in for the paper's FQA network, named as such): a weighted geometric
mean of four measured terms, each in [0, 1]:

============  ======  =====================================================================
term          weight  measure
============  ======  =====================================================================
sharpness     0.4     variance of the Laplacian of the face box, greyscale, resized to
                      128x128 (so it measures detail per face, not per pixel); mapped
                      log-linearly from 30 (-> 0) to 300 (-> 1)
frontalness   0.3     from the 5 landmarks: yaw = horizontal offset of the nose tip from the
                      eye midpoint / eye distance, in the eye-aligned frame (0 frontal, ~0.5
                      near profile) -> ``1 - yaw / 0.5``; times ``1 - |roll| / 45 deg``
size          0.2     face side / 256 px, capped at 1
detector      0.1     detector score / ``score_saturation`` (1.0: dlib HOG margins >= 1 and
                      probabilities of 1 saturate), capped at 1
============  ======  =====================================================================

The geometric mean makes one bad term (a blurred or profile face) pull the score down whatever the
others say; terms are floored at 0.01 so the score stays informative. ``terms`` also carries
``sharpness_raw`` and ``blur_threshold`` for the blur gate.

:data:`BLUR_THRESHOLD` (variance of Laplacian at 128x128) was calibrated on the test photos:
sharp faces measure 181-620 (at the photos' scale, faces ~250-330 px, and rescaled to a 512
training crop), the same faces blurred with a Gaussian of sigma 2 / 3 / 4 at the photo's scale
41-58 / 19-25 / 10-13.

Backend ``modelscope_fqa``: the paper's FQA model through ModelScope (``modelscope:damo/
cv_manual_face-quality-assessment_fqa``); it adds the same sharpness terms for the blur gate.
"""

from __future__ import annotations

import logging
import math
import threading

import cv2
import numpy as np

from facechain.components.face_attributes import check_image, face_region
from facechain.errors import FaceChainError, InvalidInputError, ModelSourceError
from facechain.registry import (
    ResolvedSource,
    build_modelscope_pipeline,
    register_backend,
    require_builtin,
)
from facechain.types import Face, QualityScore

logger = logging.getLogger(__name__)

ROLE = "face_quality"
FQA_MODEL_ID = "damo/cv_manual_face-quality-assessment_fqa"

SHARPNESS_SIZE = 128
BLUR_THRESHOLD = 60.0
SHARPNESS_RANGE = (30.0, 300.0)  # raw sharpness mapped log-linearly onto [0, 1]
SIZE_REFERENCE = 256.0
MAX_YAW = 0.5
MAX_ROLL_DEGREES = 45.0
WEIGHTS = {"sharpness": 0.4, "frontalness": 0.3, "size": 0.2, "detector": 0.1}
TERM_FLOOR = 0.01


def sharpness(image: np.ndarray, face: Face) -> float:
    """Variance of the Laplacian of the face box (greyscale, resized to 128x128).

    Below :data:`BLUR_THRESHOLD` the face is too blurry to train on.
    """
    region, _ = face_region(check_image(image), face, 0.0)
    grey = cv2.cvtColor(region, cv2.COLOR_RGB2GRAY)
    interpolation = cv2.INTER_AREA if min(grey.shape) >= SHARPNESS_SIZE else cv2.INTER_CUBIC
    grey = cv2.resize(grey, (SHARPNESS_SIZE, SHARPNESS_SIZE), interpolation=interpolation)
    return float(cv2.Laplacian(grey, cv2.CV_64F).var())


def head_pose(face: Face) -> tuple[float, float]:
    """(yaw, roll_degrees) from the 5 landmarks. ``yaw`` is the nose tip's horizontal offset from
    the eye midpoint over the eye distance, measured along the eye line (signed: > 0 when the
    nose is on the image-right of the eyes); ``roll`` is the eye line's angle."""
    points = np.asarray(face.landmarks, dtype=np.float64).reshape(-1, 2)
    if points.shape[0] < 3 or not np.isfinite(points[:3]).all():
        raise InvalidInputError("face needs 5 finite landmarks", param="face")
    left_eye, right_eye, nose = points[0], points[1], points[2]
    axis = right_eye - left_eye
    eye_distance = float(np.hypot(*axis))
    if eye_distance < 1e-6:
        raise InvalidInputError("face landmarks have coincident eyes", param="face")
    yaw = float(np.dot(nose - (left_eye + right_eye) / 2.0, axis / eye_distance) / eye_distance)
    roll = math.degrees(math.atan2(axis[1], axis[0]))
    return yaw, roll


def _sharpness_term(raw: float) -> float:
    lo, hi = SHARPNESS_RANGE
    return float(np.clip(math.log(max(raw, 1e-9) / lo) / math.log(hi / lo), 0.0, 1.0))


def _frontalness_term(face: Face) -> float:
    yaw, roll = head_pose(face)
    return float(np.clip(1.0 - abs(yaw) / MAX_YAW, 0.0, 1.0)
                 * np.clip(1.0 - abs(roll) / MAX_ROLL_DEGREES, 0.0, 1.0))


class FaceQualityScorer:
    """``FaceQualityScorer(image, face) -> QualityScore`` (classical stand-in for FQA).

    ``score_saturation``: detector score that counts as full confidence (backend scale);
    ``blur_threshold``: reported in ``terms`` for the preprocessing blur gate.
    """

    def __init__(self, *, score_saturation: float = 1.0, blur_threshold: float = BLUR_THRESHOLD,
                 weights: dict[str, float] | None = None):
        if score_saturation <= 0:
            raise ValueError("score_saturation must be > 0")
        self.score_saturation = float(score_saturation)
        self.blur_threshold = float(blur_threshold)
        weights = dict(weights or WEIGHTS)
        if set(weights) != set(WEIGHTS) or any(w < 0 for w in weights.values()):
            raise ValueError(f"weights must give a non-negative weight to each of {sorted(WEIGHTS)}")
        total = sum(weights.values())
        if total <= 0:
            raise ValueError("weights must not all be zero")
        self.weights = {name: w / total for name, w in weights.items()}

    def __call__(self, image: np.ndarray, face: Face) -> QualityScore:
        raw = sharpness(image, face)
        terms = {
            "sharpness": _sharpness_term(raw),
            "frontalness": _frontalness_term(face),
            "size": float(min(1.0, min(face.width, face.height) / SIZE_REFERENCE)),
            "detector": float(np.clip(face.score / self.score_saturation, 0.0, 1.0)),
        }
        score = math.exp(sum(w * math.log(max(terms[name], TERM_FLOOR))
                             for name, w in self.weights.items()))
        terms["sharpness_raw"] = raw
        terms["blur_threshold"] = self.blur_threshold
        return QualityScore(score=float(np.clip(score, 0.0, 1.0)), terms=terms)


@register_backend(ROLE, "classical")
def build_classical(source: ResolvedSource, **options) -> FaceQualityScorer:
    """No weights: ``source`` must be ``builtin``."""
    require_builtin(source, "classical", "has no weights")
    return FaceQualityScorer(**options)


class ModelScopeFQAScorer:
    """The paper's FQA network via ModelScope's ``face_quality_assessment`` pipeline. The pipeline
    detects the face itself, so it gets the box grown by ``margin`` per side (FaceChain crops 3x
    the box). ``terms`` holds ``fqa`` plus the sharpness measures for the blur gate."""

    def __init__(self, pipeline, *, margin: float = 1.0, blur_threshold: float = BLUR_THRESHOLD):
        self._pipeline = pipeline
        self.margin = float(margin)
        self.blur_threshold = float(blur_threshold)
        self._lock = threading.Lock()

    def __call__(self, image: np.ndarray, face: Face) -> QualityScore:
        from PIL import Image

        region, _ = face_region(check_image(image), face, self.margin)
        with self._lock:
            result = self._pipeline(Image.fromarray(region))
        score = parse_fqa_output(result)
        if score is None:
            raise FaceChainError("FQA found no face in the region", param="face")
        terms = {"fqa": score, "sharpness_raw": sharpness(image, face),
                 "blur_threshold": self.blur_threshold}
        return QualityScore(score=score, terms=terms)


def parse_fqa_output(result: dict | None) -> float | None:
    """The quality from ModelScope's ``face_quality_assessment`` pipeline output (FQA;
    ``FaceQualityAssessmentPipeline.forward``, documented in modelscope/outputs/outputs.py):
    ``{"scores": [q] (one float, the mean of the network's output), "boxes": [[x1, y1, x2,
    y2]]}``, or ``scores`` None when no face was found (returned as None). FaceChain ranks the
    photos by ``scores[0]``; it is clipped to [0, 1] here."""
    scores = result.get("scores") if isinstance(result, dict) else None
    if scores is None or len(scores) == 0 or scores[0] is None:
        return None
    value = np.asarray(scores[0], dtype=np.float64).ravel()
    if value.size != 1 or not np.isfinite(value[0]):
        raise ModelSourceError(ROLE, f"FQA scores should hold one value, got {scores!r}")
    return float(np.clip(value[0], 0.0, 1.0))


# FQA is an ONNX model read from ModelFile.ONNX_MODEL_FILE (modelscope/pipelines/cv/
# face_quality_assessment_pipeline.py)
FQA_WEIGHTS = ("configuration.json", "model.onnx")


@register_backend(ROLE, "modelscope_fqa", weights=FQA_WEIGHTS)
def build_modelscope_fqa(source: ResolvedSource, **options) -> ModelScopeFQAScorer:
    """Source: ``modelscope:damo/cv_manual_face-quality-assessment_fqa@v2.0`` or a local
    snapshot."""
    built = build_modelscope_pipeline(source, "face_quality_assessment", FQA_MODEL_ID,
                                      what="modelscope_fqa (FQA)", weights=FQA_WEIGHTS)
    return ModelScopeFQAScorer(built, **options)
