"""Face fusion (role ``face_fusion``): put the user's template face into a generated portrait.

``FaceFuser(target, target_face, template, template_face, strength) -> image`` returns a uint8 RGB
image of the target's size in which the inner face (brows to chin) of ``target`` carries the
identity of ``template``. ``strength`` 0 returns the target unchanged (bit-identical), 1 the fully
fused image; values between blend the two linearly inside the face mask. Malformed arguments raise
:class:`InvalidInputError`; a face that cannot be fused (no 68 landmarks, too small, not covered by
the template face) raises :class:`FusionError`, which the pipelines turn into a dropped candidate.

Backends (``configs/models/*.yaml``, role ``face_fusion``):

- ``poisson``: a classical stand-in for the paper's ModelScope face-fusion network, no learned
  weights beyond the dlib 68-point landmark predictor (source ``builtin`` or a local 68-point
  ``.dat``). Steps, all inside a region of interest around the target face:

  1. 68 landmarks on both faces.
  2. Geometry: a least-squares similarity transform (rotation, uniform scale, translation) maps
     the template's inner landmarks (brows, eyes, nose, mouth) onto the target's. A similarity
     keeps the template's proportions, which is what carries identity (the embedding network sees
     eye spacing, nose length, mouth width). Option ``geometry`` (default 0.25) then moves the
     landmarks that fraction of the way toward the target's own positions with a piecewise-affine
     warp (Delaunay triangles over the 68 points plus fixed frame points), so an open mouth, a
     turned head or a different jaw line of the generated portrait are partly followed. 0 = pure
     template shape, 1 = the target's shape with the template's texture. Measured on the test
     photos (obama fused onto biden at 640 px, strength 1; dlib ResNet L2 distance to obama,
     unfused 0.85): geometry 0 -> 0.47, 0.25 -> 0.44, 0.5 -> 0.46, 1 -> 0.56. A little of the
     target's geometry helps (the features land where the portrait's face is), too much erases
     the template's proportions; 0.25 is the default.
  3. Mask: the convex hull of the jaw line and brows (the 68-point set has no forehead, so hair and
     forehead stay the target's), intersected between both faces and with the pixels the template
     actually covers, eroded by ``erode`` x face size and feathered by ``feather`` x face size.
  4. Colour: the warped template's L*a*b* mean and standard deviation inside the mask are matched
     to the target's (Reinhard transfer; the std ratio is clamped to [0.5, 2]), so the face takes
     the portrait's skin tone and light.
  5. Poisson blending (``cv2.seamlessClone``, ``NORMAL_CLONE``) removes the remaining seam; the
     result is mixed with the target by ``strength`` x the feathered mask.

- ``modelscope_fusion``: the paper's model ``damo/cv_unet-image-face-fusion_damo`` through a
  ModelScope ``image_face_fusion`` pipeline (needs the ``hub`` extra and
  ``source: modelscope:damo/cv_unet-image-face-fusion_damo`` or its folder). The network finds the
  faces itself; ``strength`` blends its output with the target.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from scipy.spatial import Delaunay

from facechain.components.face_detection import (
    LANDMARKS_68_FILE,
    LandmarkPredictor,
    check_image,
    model_file,
)
from facechain.errors import FusionError, InvalidInputError, ModelSourceError
from facechain.registry import ResolvedSource, build_modelscope_pipeline, register_backend
from facechain.types import Face

logger = logging.getLogger(__name__)

ROLE = "face_fusion"
FUSION_MODEL_ID = "damo/cv_unet-image-face-fusion_damo"

# iBUG 68-point groups.
_JAW = np.arange(0, 17)
_BROWS = np.arange(17, 27)
_INNER = np.arange(17, 68)  # brows, nose, eyes, mouth: the points the similarity is fitted on
_OUTLINE = np.concatenate([_JAW, _BROWS])
_LEFT_EYE = np.arange(36, 42)
_RIGHT_EYE = np.arange(42, 48)

MIN_FACE_PIXELS = 8.0  # inter-ocular distance below this cannot be fused meaningfully


def check_strength(strength: float) -> float:
    try:
        value = float(strength)
    except (TypeError, ValueError):
        raise InvalidInputError(f"strength must be a number, got {strength!r}",
                                param="strength") from None
    if not 0.0 <= value <= 1.0:
        raise InvalidInputError(f"strength must be in [0, 1], got {value}", param="strength")
    return value


def check_fusion_inputs(target: np.ndarray, target_face: Face, template: np.ndarray,
                        template_face: Face, strength: float) -> tuple[np.ndarray, np.ndarray, float]:
    """Validate one fusion call (every backend): images, faces inside them, strength in [0, 1]."""
    target = check_image(target, "target")
    template = check_image(template, "template")
    check_face(target_face, target, "target_face")
    check_face(template_face, template, "template_face")
    return target, template, check_strength(strength)


def check_face(face: Any, image: np.ndarray, param: str) -> Face:
    """A :class:`Face` with a non-empty box overlapping ``image`` and five finite landmarks."""
    if not isinstance(face, Face):
        raise InvalidInputError(f"expected a Face, got {type(face).__name__}", param=param)
    landmarks = np.asarray(face.landmarks) if face.landmarks is not None else np.empty((0, 2))
    if landmarks.shape != (5, 2) or not np.all(np.isfinite(landmarks)):
        raise InvalidInputError(f"the face has no 5-point landmarks (got shape {landmarks.shape})",
                                param=param)
    x0, y0, x1, y1 = face.box
    height, width = image.shape[:2]
    if not (x1 > x0 and y1 > y0):
        raise InvalidInputError(f"empty face box {face.box}", param=param)
    if x1 <= 0 or y1 <= 0 or x0 >= width or y0 >= height:
        raise InvalidInputError(f"face box {face.box} lies outside the {width}x{height} image",
                                param=param)
    return face


def similarity_transform(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Least-squares similarity (Umeyama, no reflection) mapping ``src`` points onto ``dst``:
    a (2, 3) matrix ``M`` with ``dst ~ M @ [x, y, 1]``."""
    src = np.asarray(src, dtype=np.float64)
    dst = np.asarray(dst, dtype=np.float64)
    mu_s, mu_d = src.mean(axis=0), dst.mean(axis=0)
    s, d = src - mu_s, dst - mu_d
    var_s = (s ** 2).sum() / len(src)
    cov = d.T @ s / len(src)
    u, sig, vt = np.linalg.svd(cov)
    sign = np.eye(2)
    if np.linalg.det(u) * np.linalg.det(vt) < 0:
        sign[1, 1] = -1.0
    rot = u @ sign @ vt
    scale = float(np.trace(np.diag(sig) @ sign) / var_s) if var_s > 0 else 1.0
    matrix = np.zeros((2, 3))
    matrix[:, :2] = scale * rot
    matrix[:, 2] = mu_d - scale * rot @ mu_s
    return matrix


def _apply(matrix: np.ndarray, points: np.ndarray) -> np.ndarray:
    return points @ matrix[:, :2].T + matrix[:, 2]


def _invert(matrix: np.ndarray) -> np.ndarray:
    return cv2.invertAffineTransform(matrix.astype(np.float64))


def _inter_ocular(points68: np.ndarray) -> float:
    return float(np.linalg.norm(points68[_LEFT_EYE].mean(axis=0) - points68[_RIGHT_EYE].mean(axis=0)))


def _hull_mask(points: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    mask = np.zeros(shape, dtype=np.uint8)
    hull = cv2.convexHull(np.round(points).astype(np.int32))
    cv2.fillConvexPoly(mask, hull, 255)
    return mask


def piecewise_affine_map(src: np.ndarray, dst: np.ndarray, shape: tuple[int, int]
                         ) -> tuple[np.ndarray, np.ndarray]:
    """Backward map of the piecewise-affine warp taking ``src`` points to ``dst`` over an image of
    ``shape`` (H, W): for each output pixel, the (x, y) it reads in the source (for ``cv2.remap``).

    The frame corners and edge midpoints are added as fixed points so every pixel lies in a
    Delaunay triangle of ``dst``; each triangle is rasterised into an index map and its pixels get
    that triangle's affine map back to ``src``."""
    height, width = shape
    frame = np.array([[0, 0], [width - 1, 0], [0, height - 1], [width - 1, height - 1],
                      [(width - 1) / 2, 0], [(width - 1) / 2, height - 1],
                      [0, (height - 1) / 2], [width - 1, (height - 1) / 2]], dtype=np.float64)
    src_all = np.vstack([np.asarray(src, np.float64), frame])
    dst_all = np.vstack([np.asarray(dst, np.float64), frame])
    triangles = Delaunay(dst_all).simplices
    # Per triangle: the affine (2, 3) taking its dst corners to its src corners; row 0 is identity
    # for pixels no triangle covers (none in practice).
    affines = np.zeros((len(triangles) + 1, 2, 3))
    affines[0, :, :2] = np.eye(2)
    index = np.zeros((height, width), dtype=np.int32)
    for i, tri in enumerate(triangles, start=1):
        d, s = dst_all[tri], src_all[tri]
        (ax, ay), (bx, by) = d[1] - d[0], d[2] - d[0]
        if abs(ax * by - ay * bx) < 1e-9:
            continue  # degenerate sliver: its pixels belong to the neighbours
        affines[i] = cv2.getAffineTransform(d.astype(np.float32), s.astype(np.float32))
        cv2.fillConvexPoly(index, np.round(d).astype(np.int32), i)
    coeff = affines[index]  # (H, W, 2, 3)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float64)
    map_x = coeff[..., 0, 0] * xs + coeff[..., 0, 1] * ys + coeff[..., 0, 2]
    map_y = coeff[..., 1, 0] * xs + coeff[..., 1, 1] * ys + coeff[..., 1, 2]
    return map_x.astype(np.float32), map_y.astype(np.float32)


def transfer_colour(source: np.ndarray, reference: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Match the L*a*b* mean and std of ``source`` to ``reference`` inside ``mask`` (Reinhard)."""
    inside = mask > 0
    if inside.sum() < 4:
        return source
    src_lab = cv2.cvtColor(source, cv2.COLOR_RGB2LAB).astype(np.float32)
    ref_lab = cv2.cvtColor(reference, cv2.COLOR_RGB2LAB).astype(np.float32)
    s_pix, r_pix = src_lab[inside], ref_lab[inside]
    s_mean, s_std = s_pix.mean(axis=0), s_pix.std(axis=0)
    r_mean, r_std = r_pix.mean(axis=0), r_pix.std(axis=0)
    ratio = np.clip(r_std / np.maximum(s_std, 1e-3), 0.5, 2.0)
    out = (src_lab - s_mean) * ratio + r_mean
    return cv2.cvtColor(np.clip(out, 0, 255).astype(np.uint8), cv2.COLOR_LAB2RGB)


class FaceFuser:
    """Classical face fusion (landmark alignment + colour transfer + Poisson blending); see the
    module docstring. ``erode`` and ``feather`` are fractions of the face size (inter-ocular
    distance x 2.5); ``margin`` is the region of interest around the face, same unit."""

    backend = "poisson"

    def __init__(self, landmarks: LandmarkPredictor, *, geometry: float = 0.25,
                 erode: float = 0.06, feather: float = 0.08, margin: float = 0.5,
                 colour_transfer: bool = True):
        for name, value, hi in (("geometry", geometry, 1.0), ("erode", erode, 0.5),
                                ("feather", feather, 0.5), ("margin", margin, 2.0)):
            if not 0.0 <= float(value) <= hi:
                raise InvalidInputError(f"{name} must be in [0, {hi}], got {value}", param=name)
        self.landmarks = landmarks
        self.geometry = float(geometry)
        self.erode = float(erode)
        self.feather = float(feather)
        self.margin = float(margin)
        self.colour_transfer = bool(colour_transfer)
        self._lock = threading.Lock()  # one landmark call at a time through this fuser

    def _landmarks68(self, image: np.ndarray, face: Face, param: str) -> np.ndarray:
        with self._lock:
            points = self.landmarks(image, face)
        if points.shape != (68, 2) or not np.all(np.isfinite(points)):
            raise FusionError(f"no 68-point landmarks for the face {face.box}", param=param)
        if _inter_ocular(points) < MIN_FACE_PIXELS:
            raise FusionError(
                f"face {face.box} is too small to fuse (eye distance "
                f"{_inter_ocular(points):.1f} px < {MIN_FACE_PIXELS:g})", param=param)
        return points

    def __call__(self, target: np.ndarray, target_face: Face, template: np.ndarray,
                 template_face: Face, strength: float = 0.5) -> np.ndarray:
        # 1. Check inputs
        target, template, strength = check_fusion_inputs(target, target_face, template,
                                                         template_face, strength)
        if strength == 0.0:
            return target.copy()

        # 2. Landmarks
        tgt68 = self._landmarks68(target, target_face, "target_face")
        tpl68 = self._landmarks68(template, template_face, "template_face")
        face_size = 2.5 * _inter_ocular(tgt68)

        # 3. Region of interest around the target face (clipped to the image)
        height, width = target.shape[:2]
        lo = np.floor(tgt68.min(axis=0) - self.margin * face_size).astype(int)
        hi = np.ceil(tgt68.max(axis=0) + self.margin * face_size).astype(int)
        x0, y0 = max(0, lo[0]), max(0, lo[1])
        x1, y1 = min(width, hi[0] + 1), min(height, hi[1] + 1)
        if x1 - x0 < 4 or y1 - y0 < 4:
            raise FusionError(f"target face {target_face.box} lies outside the image",
                              param="target_face")
        roi = target[y0:y1, x0:x1]
        roi_shape = roi.shape[:2]
        tgt_pts = tgt68 - (x0, y0)

        # 4. Geometry: similarity template -> target, then a partial piecewise-affine warp
        sim = similarity_transform(tpl68[_INNER], tgt_pts[_INNER])
        aligned = _apply(sim, tpl68)  # template landmarks in ROI coordinates
        moved = aligned + self.geometry * (tgt_pts - aligned)
        if self.geometry > 0.0:
            map_x, map_y = piecewise_affine_map(aligned, moved, roi_shape)
        else:
            ys, xs = np.mgrid[0:roi_shape[0], 0:roi_shape[1]]
            map_x, map_y = xs.astype(np.float32), ys.astype(np.float32)
        inv = _invert(sim)  # ROI (aligned) coordinates -> template pixels
        src_x = (inv[0, 0] * map_x + inv[0, 1] * map_y + inv[0, 2]).astype(np.float32)
        src_y = (inv[1, 0] * map_x + inv[1, 1] * map_y + inv[1, 2]).astype(np.float32)
        warped = cv2.remap(template, src_x, src_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
        covered = cv2.remap(np.full(template.shape[:2], 255, np.uint8), src_x, src_y,
                            cv2.INTER_NEAREST, borderMode=cv2.BORDER_CONSTANT, borderValue=0)

        # 5. Mask: inner face of both, where the template has pixels; eroded, then feathered
        mask = cv2.bitwise_and(_hull_mask(tgt_pts[_OUTLINE], roi_shape),
                               _hull_mask(moved[_OUTLINE], roi_shape))
        mask = cv2.bitwise_and(mask, covered)
        erode_px = max(1, round(self.erode * face_size))
        eroded = cv2.erode(mask, cv2.getStructuringElement(
            cv2.MORPH_ELLIPSE, (2 * erode_px + 1, 2 * erode_px + 1)))
        if cv2.countNonZero(eroded) >= 16:
            mask = eroded
        if cv2.countNonZero(mask) < 16:
            raise FusionError("the template face does not cover the target face",
                              param="template_face")
        feather_px = max(1, round(self.feather * face_size))
        alpha = cv2.GaussianBlur(mask.astype(np.float32) / 255.0, (0, 0), feather_px / 2.0)
        alpha *= mask > 0  # fade inside the mask only: outside it the target stays untouched

        # 6. Colour transfer to the target's skin tone
        if self.colour_transfer:
            warped = transfer_colour(warped, roi, mask)

        # 7. Poisson blending (padded so the mask never touches the frame: seamlessClone needs
        #    the mask's box strictly inside the destination)
        pad = 2 + feather_px
        dst = cv2.copyMakeBorder(roi, pad, pad, pad, pad, cv2.BORDER_REFLECT)
        src = cv2.copyMakeBorder(warped, pad, pad, pad, pad, cv2.BORDER_REFLECT)
        clone_mask = cv2.copyMakeBorder(mask, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=0)
        bx, by, bw, bh = cv2.boundingRect(clone_mask)
        center = (bx + bw // 2, by + bh // 2)
        cloned = cv2.seamlessClone(src, dst, clone_mask, center, cv2.NORMAL_CLONE)
        cloned = cloned[pad:pad + roi_shape[0], pad:pad + roi_shape[1]]

        # 8. Mix with the target by strength inside the feathered mask
        weight = (strength * alpha)[:, :, None]
        mixed = roi.astype(np.float32) * (1.0 - weight) + cloned.astype(np.float32) * weight
        out = target.copy()
        out[y0:y1, x0:x1] = np.clip(np.rint(mixed), 0, 255).astype(np.uint8)
        return out


class ModelScopeFaceFuser:
    """The paper's face-fusion network through a ModelScope ``image_face_fusion`` pipeline
    (``template`` = the image whose face is replaced, ``user`` = the identity source). The network
    detects faces itself; the given faces are only validated. ``strength`` mixes its output with
    the target."""

    backend = "modelscope_fusion"

    def __init__(self, pipeline: Callable[[dict], dict]):
        self._pipeline = pipeline
        self._lock = threading.Lock()

    def __call__(self, target: np.ndarray, target_face: Face, template: np.ndarray,
                 template_face: Face, strength: float = 0.5) -> np.ndarray:
        from PIL import Image

        target, template, strength = check_fusion_inputs(target, target_face, template,
                                                         template_face, strength)
        if strength == 0.0:
            return target.copy()
        with self._lock:
            # PIL images are unambiguous; ModelScope returns BGR arrays.
            out = self._pipeline({"template": Image.fromarray(target),
                                  "user": Image.fromarray(template)})
        fused = parse_fusion_output(out, target)
        mixed = target.astype(np.float32) * (1.0 - strength) + fused.astype(np.float32) * strength
        return np.clip(np.rint(mixed), 0, 255).astype(np.uint8)


def parse_fusion_output(result: dict, target: np.ndarray) -> np.ndarray:
    """The fused RGB image from ModelScope's ``image_face_fusion`` pipeline output
    (``ImageFaceFusion.inference`` in modelscope/models/cv/image_face_fusion/
    image_face_fusion.py): ``{"output_img": uint8 (H, W, 3) BGR}`` at the template's (here: the
    target's) size. When the network finds no face in either image it returns its input
    unchanged, in the input's RGB order: that is a :class:`FusionError` (nothing was fused),
    never a colour-swapped copy."""
    fused = np.asarray(result["output_img"]) if isinstance(result, dict) and \
        result.get("output_img") is not None else None
    if fused is None or fused.ndim != 3 or fused.shape[2] != 3:
        shape = None if fused is None else fused.shape
        raise ModelSourceError(ROLE, f"unexpected face-fusion output_img shape {shape}")
    fused = np.clip(fused, 0, 255).astype(np.uint8)
    if fused.shape == target.shape and np.array_equal(fused, target):
        raise FusionError("the face-fusion network found no face to fuse")
    fused = cv2.cvtColor(fused, cv2.COLOR_BGR2RGB)
    if fused.shape[:2] != target.shape[:2]:
        fused = cv2.resize(fused, (target.shape[1], target.shape[0]),
                           interpolation=cv2.INTER_LINEAR)
    return fused


# The files ImageFaceFusion loads (modelscope/models/cv/image_face_fusion/image_face_fusion.py)
FUSION_WEIGHTS = ("configuration.json", "pytorch_model.pt", "faceRecog/CurricularFace_Backbone.pth",
                  "3dRecon/face_3d.pth", "faceEnhance/GPEN-BFR-1024.pth", "alpha.jpg")


# --- factories -----------------------------------------------------------------------------------

@register_backend(ROLE, "poisson")
def build_poisson(source: ResolvedSource, **options: Any) -> FaceFuser:
    """``builtin`` (the dlib 68-point predictor of face_recognition_models) or a local 68-point
    ``.dat`` (or a folder holding one). Options: see :class:`FaceFuser`."""
    path: Path = model_file(source, LANDMARKS_68_FILE)
    try:
        return FaceFuser(LandmarkPredictor(path), **options)
    except TypeError as exc:  # unknown option names
        raise ModelSourceError(ROLE, f"bad options for poisson: {exc}") from exc


@register_backend(ROLE, "modelscope_fusion", weights=FUSION_WEIGHTS)
def build_modelscope_fusion(source: ResolvedSource, **options: Any) -> ModelScopeFaceFuser:
    """The paper's ``damo/cv_unet-image-face-fusion_damo`` (``source:
    modelscope:damo/cv_unet-image-face-fusion_damo@v1.1``, FaceChain's pin, or a local copy of
    that model folder); needs the ``hub`` extra."""
    pipe = build_modelscope_pipeline(source, "image_face_fusion", FUSION_MODEL_ID,
                                     what="modelscope_fusion (face fusion)",
                                     weights=FUSION_WEIGHTS, **options)
    return ModelScopeFaceFuser(pipe)
