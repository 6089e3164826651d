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
- ``rot_bgr``: FaceChain's upright classifier, ``rot_bgr.onnx`` from ModelScope
  ``Cherrytest/rot_bgr`` (revision ``v1.0.0``), run with onnxruntime exactly as FaceChain's
  ``get_rot`` does (facechain/train_text_to_image_lora.py in modelscope/facechain): the photo as
  BGR resized to 224x224, ``(pixel - mean) * norm`` per channel, NCHW float32; four logits, the
  argmax ``k`` means "turn the photo ``90 * k`` degrees clockwise" (FaceChain: k=1 transpose +
  horizontal flip, k=2 flip both, k=3 transpose + vertical flip). Options ``detector`` /
  ``detector_options``; the model file is read from the source folder (or is the source).
- ``modelscope_pipeline``: any ModelScope image classifier predicting the turn through a
  pipeline; needs the ``hub`` extra and ``source: modelscope:<id>`` or a local folder.
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
ROT_BGR_FILE = "rot_bgr.onnx"
ROT_BGR_SIZE = 224
# FaceChain's get_rot: BGR channel means and 1/std
ROT_BGR_MEAN = np.array([103.53, 116.28, 123.675], dtype=np.float32)
ROT_BGR_NORM = np.array([0.01742919, 0.017507, 0.01712475], dtype=np.float32)


def rot_bgr_input(image: np.ndarray) -> np.ndarray:
    """The (1, 3, 224, 224) float32 input of ``rot_bgr.onnx`` for an RGB uint8 image."""
    import cv2

    bgr = cv2.resize(check_image(image)[:, :, ::-1], (ROT_BGR_SIZE, ROT_BGR_SIZE))
    x = (bgr.astype(np.float32) - ROT_BGR_MEAN) * ROT_BGR_NORM
    return np.ascontiguousarray(x.transpose(2, 0, 1)[None])


def parse_rot_bgr_output(outputs: list) -> int:
    """The clockwise correction (0/90/180/270) from ``rot_bgr.onnx``'s outputs: the first
    output holds 4 logits (any leading batch shape of 1); FaceChain takes the argmax of their
    softmax, i.e. of the logits."""
    if not outputs:
        raise ModelSourceError("rotation", "rot_bgr returned no outputs")
    logits = np.asarray(outputs[0], dtype=np.float64).reshape(-1)
    if logits.shape != (4,) or not np.all(np.isfinite(logits)):
        raise ModelSourceError("rotation", f"rot_bgr output should be 4 finite logits, got "
                                           f"shape {np.asarray(outputs[0]).shape}")
    return int(np.argmax(logits)) * 90


@register_backend("rotation", "rot_bgr", weights=(ROT_BGR_FILE,))
def _rot_bgr(source: ResolvedSource, *, detector: str = "dlib_hog",
             detector_options: dict[str, Any] | None = None,
             providers: list[str] | None = None) -> ClassifierRotationCorrector:
    """``source: modelscope:Cherrytest/rot_bgr@v1.0.0`` (FaceChain's pin), a folder holding
    ``rot_bgr.onnx``, or the file. ``providers``: onnxruntime execution providers (default
    CPU)."""
    if source.path is None:
        raise ModelSourceError("rotation", f"rot_bgr has no built-in weights; set source: "
                                           f"modelscope:{ROTATION_MODEL_ID}@v1.0.0")
    path = source.path if source.path.is_file() else source.path / ROT_BGR_FILE
    if not path.is_file():
        raise ModelSourceError("rotation", f"the weights of {ROTATION_MODEL_ID} are incomplete "
                                           f"in {source.path}: missing {ROT_BGR_FILE}")
    try:
        import onnxruntime

        session = onnxruntime.InferenceSession(str(path),
                                               providers=providers or ["CPUExecutionProvider"])
    except Exception as exc:  # no onnxruntime, a corrupt file
        raise ModelSourceError("rotation", f"cannot load {path} with onnxruntime: {exc}") from exc
    input_name = session.get_inputs()[0].name

    def classify(image: np.ndarray) -> int:
        return parse_rot_bgr_output(session.run(None, {input_name: rot_bgr_input(image)}))

    detector_source = ResolvedSource("face_detection", "builtin", "", None)
    face_detector = build_face_detector(detector, detector_source, **(detector_options or {}))
    return ClassifierRotationCorrector(classify, face_detector)


def parse_classifier_output(out: dict, label_angles: dict[str, int] | None = None) -> int:
    """The clockwise correction from a ModelScope ``image-classification`` pipeline output
    (``{"scores": [N floats], "labels": [N names]}``, modelscope/outputs/outputs.py): the
    best label's angle from ``label_angles``, else the integer in the label."""
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


@register_backend("rotation", "modelscope_pipeline")
def _modelscope_pipeline(source: ResolvedSource, *, task: str = "image-classification",
                         label_angles: dict[str, int] | None = None, detector: str = "dlib_hog",
                         detector_options: dict[str, Any] | None = None) -> ClassifierRotationCorrector:
    pipe = build_modelscope_pipeline(source, task, ROTATION_MODEL_ID,
                                     what=f"modelscope_pipeline ({task})")

    def classify(image: np.ndarray) -> int:
        from PIL import Image

        return parse_classifier_output(pipe(Image.fromarray(image)), label_angles)

    detector_source = ResolvedSource("face_detection", "builtin", "", None)
    face_detector = build_face_detector(detector, detector_source, **(detector_options or {}))
    return ClassifierRotationCorrector(classify, face_detector)
