"""Skin retouching (role ``skin_retouching``): smooth facial skin, keep eyes, brows, lips, hair.

Stage 6 of training (DESIGN.md §1). The paper uses ABPN (``damo/cv_unet_skin_retouching_torch``),
whose weights are not available offline. Backends:

- ``mesh_bilateral`` (offline default, :class:`SkinRetoucher`), a classical stand-in for ABPN:
  a skin mask from the MediaPipe face mesh (face oval minus eyes, eyebrows, lips and nostrils,
  gated by skin colour, feathered) and frequency separation: the skin is replaced by an
  edge-preserving (bilateral) smoothing of itself plus a fraction of its finest detail (so pores
  stay and it does not look plastic), blended by ``strength``.
- ``modelscope_abpn`` (the paper's model, :class:`ABPNRetoucher`): ABPN through ``modelscope``,
  blended with the input by ``strength``.

Contract for both: ``retoucher(image, strength=0.5)`` returns a new uint8 RGB image of the same
shape; ``strength`` 0 returns an exact copy of the input, and so does an image without a face.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import cv2
import numpy as np

from facechain.components.human_parsing import (
    FACE_OVAL,
    LEFT_EYE,
    LEFT_EYEBROW,
    LIPS,
    NOSTRILS,
    RIGHT_EYE,
    RIGHT_EYEBROW,
    FaceGeometry,
    FaceMeshLandmarker,
    check_rgb_image,
    colour_distance,
    ellipse_kernel,
)
from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import (
    ResolvedSource,
    build_modelscope_pipeline,
    register_backend,
    require_builtin,
)

logger = logging.getLogger(__name__)

ROLE = "skin_retouching"
ABPN_MODEL_ID = "damo/cv_unet_skin_retouching_torch"
ABPN_WEIGHTS = ("configuration.json",)  # the rest is the plugin's own business

# The bilateral filter runs at a working scale where the face is at most this wide (pixels):
# the smoothed layer is low-frequency, so computing it smaller and upsampling loses nothing and
# keeps the cost flat for large photos.
_WORK_FACE_WIDTH = 160.0

# Features kept out of the skin mask, each grown by a margin (fraction of the face size) so the
# feathered edge of the mask stays off them.
_FEATURE_MARGINS = (
    (LEFT_EYE, 0.05), (RIGHT_EYE, 0.05), (LEFT_EYEBROW, 0.03), (RIGHT_EYEBROW, 0.03),
    (LIPS, 0.035), (NOSTRILS, 0.02),
)


def _check_strength(strength: float) -> float:
    strength = float(strength)
    if not 0.0 <= strength <= 1.0 or not np.isfinite(strength):
        raise InvalidInputError(f"strength must be in [0, 1], got {strength}", param="strength")
    return strength


class SkinRetoucher:
    """Classical skin retouching on the face-mesh skin mask (stand-in for ABPN).

    For the region of interest around the face (R = the input there)::

        smooth = bilateral(R)                       # sigma_space ~ ``smoothing`` x face width
        fine   = R - gaussian(R, ~0.5 % face width) # pores and grain
        target = smooth + texture * fine
        out    = R + strength * skin_mask * (target - R)

    so the change grows linearly with ``strength`` and stays zero outside the feathered skin
    mask (pixels outside the face box are copied bit for bit).
    """

    def __init__(self, *, texture: float = 0.35, smoothing: float = 0.03,
                 colour_sigma: float = 30.0, passes: int = 2, min_face_confidence: float = 0.5):
        if not 0.0 <= texture <= 1.0:
            raise InvalidInputError("texture must be in [0, 1]", param="texture")
        if smoothing <= 0 or colour_sigma <= 0 or passes < 1:
            raise InvalidInputError("smoothing, colour_sigma and passes must be positive",
                                    param="smoothing")
        self.texture = float(texture)
        self.smoothing = float(smoothing)
        self.colour_sigma = float(colour_sigma)
        self.passes = int(passes)
        self._landmarker = FaceMeshLandmarker(min_confidence=min_face_confidence, role=ROLE)

    def __call__(self, image: np.ndarray, strength: float = 0.5) -> np.ndarray:
        # 1. Check inputs; nothing to do at strength 0
        image = check_rgb_image(image)
        strength = _check_strength(strength)
        if strength == 0.0:
            return image.copy()

        # 2. Face mesh -> skin weights in a box around the face
        points = self._landmarker(image)
        if points is None:
            logger.debug("no face mesh: image returned unchanged")
            return image.copy()
        geo = FaceGeometry.from_landmarks(points)
        x0, y0, x1, y1 = self._roi(geo, image.shape[:2])
        roi = np.ascontiguousarray(image[y0:y1, x0:x1])
        weight = self._skin_weight(roi, geo, (x0, y0))

        # 3. Frequency separation: edge-preserving base + a little of the finest detail
        target = self._smooth(roi, geo) + self.texture * self._fine_detail(roi, geo)

        # 4. Blend by strength inside the skin mask
        src = roi.astype(np.float32)
        out = src + (strength * weight)[:, :, None] * (target - src)
        result = image.copy()
        result[y0:y1, x0:x1] = np.clip(np.round(out), 0, 255).astype(np.uint8)
        return result

    def skin_mask(self, image: np.ndarray) -> np.ndarray | None:
        """The feathered skin weights as a uint8 (H, W) mask (255 = fully retouched), or None
        without a face. For inspection and tests; ``__call__`` computes the same weights."""
        image = check_rgb_image(image)
        points = self._landmarker(image)
        if points is None:
            return None
        geo = FaceGeometry.from_landmarks(points)
        x0, y0, x1, y1 = self._roi(geo, image.shape[:2])
        mask = np.zeros(image.shape[:2], np.uint8)
        weight = self._skin_weight(np.ascontiguousarray(image[y0:y1, x0:x1]), geo, (x0, y0))
        mask[y0:y1, x0:x1] = np.round(weight * 255).astype(np.uint8)
        return mask

    @staticmethod
    def _roi(geo: FaceGeometry, shape: tuple[int, int]) -> tuple[int, int, int, int]:
        h, w = shape
        pts = geo.points[list(FACE_OVAL)]
        margin = 0.1 * geo.size
        x0, y0 = np.floor(pts.min(axis=0) - margin).astype(int)
        x1, y1 = np.ceil(pts.max(axis=0) + margin).astype(int)
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
        return int(x0), int(y0), int(max(x1, x0 + 1)), int(max(y1, y0 + 1))

    def _skin_weight(self, roi: np.ndarray, geo: FaceGeometry, offset: tuple[int, int]) -> np.ndarray:
        """float32 weights in [0, 1]: oval (pulled in from its edge) minus the features, times a
        soft skin-colour match, feathered."""
        shifted = FaceGeometry(geo.points - np.asarray(offset, np.float32), geo.centre - offset,
                               geo.up, geo.right, geo.width, geo.height)
        shape = roi.shape[:2]
        size = geo.size
        skin = cv2.erode(shifted.fill(shape, FACE_OVAL), ellipse_kernel(0.04 * size))
        for indices, margin in _FEATURE_MARGINS:
            part = cv2.dilate(shifted.fill(shape, indices), ellipse_kernel(2.0 * margin * size))
            skin[part > 0] = 0
        weight = (skin > 0).astype(np.float32)
        # Skin-colour gate: beard, glasses, fringe across the forehead are left alone.
        inside = skin > 0
        lab = cv2.cvtColor(roi, cv2.COLOR_RGB2LAB)[inside]
        dist = colour_distance(lab, lab)
        if dist is not None:
            weight[inside] = np.clip((4.0 - dist) / 1.5, 0.0, 1.0)  # 1 below 2.5 sigma, 0 above 4
        return cv2.GaussianBlur(weight, (0, 0), sigmaX=max(1.0, 0.02 * size))

    def _smooth(self, roi: np.ndarray, geo: FaceGeometry) -> np.ndarray:
        """Bilateral smoothing at a working scale where the face is <= 160 px wide."""
        scale = min(1.0, _WORK_FACE_WIDTH / geo.width)
        work = roi
        if scale < 1.0:
            size = (max(1, round(roi.shape[1] * scale)), max(1, round(roi.shape[0] * scale)))
            work = cv2.resize(roi, size, interpolation=cv2.INTER_AREA)
        sigma_space = max(1.0, self.smoothing * geo.width * scale)
        diameter = 2 * int(np.ceil(1.5 * sigma_space)) + 1
        smooth = work.astype(np.float32)
        for _ in range(self.passes):
            smooth = cv2.bilateralFilter(smooth, diameter, self.colour_sigma, sigma_space)
        if scale < 1.0:
            smooth = cv2.resize(smooth, (roi.shape[1], roi.shape[0]), interpolation=cv2.INTER_CUBIC)
        return smooth

    @staticmethod
    def _fine_detail(roi: np.ndarray, geo: FaceGeometry) -> np.ndarray:
        src = roi.astype(np.float32)
        return src - cv2.GaussianBlur(src, (0, 0), sigmaX=max(0.7, 0.005 * geo.width))

    def close(self) -> None:
        self._landmarker.close()


@register_backend(ROLE, "mesh_bilateral")
def _build_mesh_bilateral(source: ResolvedSource, **options: Any) -> SkinRetoucher:
    require_builtin(source, "mesh_bilateral", "uses the MediaPipe face mesh inside the mediapipe wheel")
    return SkinRetoucher(**options)


class ABPNRetoucher:
    """The paper's retoucher: ABPN (``damo/cv_unet_skin_retouching_torch``) through a
    ``modelscope`` pipeline; its output is blended with the input by ``strength``. ABPN finds
    faces itself and returns nothing without one, in which case the input is returned."""

    def __init__(self, pipeline: Any):
        self._pipeline = pipeline
        self._lock = threading.Lock()

    def __call__(self, image: np.ndarray, strength: float = 0.5) -> np.ndarray:
        from PIL import Image

        image = check_rgb_image(image)
        strength = _check_strength(strength)
        if strength == 0.0:
            return image.copy()
        with self._lock:
            result = self._pipeline(Image.fromarray(image))
        retouched = parse_abpn_output(result, image.shape[:2])
        if retouched is None:
            return image.copy()
        src = image.astype(np.float32)
        out = src + strength * (retouched.astype(np.float32) - src)
        return np.clip(np.round(out), 0, 255).astype(np.uint8)


def parse_abpn_output(result: dict | None, shape: tuple[int, int]) -> np.ndarray | None:
    """The retouched RGB image from the ``skin-retouching-torch`` pipeline output:
    ``{"output_img": uint8 (H, W, 3) BGR}`` (FaceChain writes it with ``cv2.imwrite``,
    facechain/data_process/preprocessing.py; ModelScope's ``Tasks.skin_retouching`` contract:
    ``"output_img": np.array with shape (h, w, 3)``), or None / ``output_img`` None when ABPN
    found no face (returned as None). Resized to ``shape`` (H, W) if it differs."""
    retouched = None if result is None else result.get("output_img")
    if retouched is None:
        return None
    retouched = np.asarray(retouched)
    if retouched.ndim != 3 or retouched.shape[2] != 3:
        raise ModelSourceError(ROLE, f"ABPN output_img has shape {retouched.shape}, "
                                     "expected (H, W, 3)")
    retouched = np.ascontiguousarray(np.clip(retouched, 0, 255).astype(np.uint8)[:, :, ::-1])
    if retouched.shape[:2] != tuple(shape):
        retouched = cv2.resize(retouched, (shape[1], shape[0]), interpolation=cv2.INTER_LINEAR)
    return retouched


@register_backend(ROLE, "modelscope_abpn", weights=ABPN_WEIGHTS)
def _build_modelscope_abpn(source: ResolvedSource, *, trust_remote_code: bool = False,
                           **options: Any) -> ABPNRetoucher:
    """``source: modelscope:damo/cv_unet_skin_retouching_torch@v1.0.1`` (FaceChain's pin), task
    ``skin-retouching-torch``. That pipeline's code ships inside the model repository (a
    ModelScope plugin), so ModelScope runs it only with ``trust_remote_code: true`` in the
    role's options: set it knowingly."""
    if source.path is not None and not trust_remote_code:
        raise ModelSourceError(ROLE, f"modelscope_abpn ({ABPN_MODEL_ID}) runs pipeline code from "
                                     "the model repository; set options: {trust_remote_code: "
                                     "true} to allow it")
    pipe = build_modelscope_pipeline(source, "skin-retouching-torch", ABPN_MODEL_ID,
                                     what="modelscope_abpn (ABPN)", weights=ABPN_WEIGHTS,
                                     trust_remote_code=True)
    return ABPNRetoucher(pipe, **options)
