"""ControlNet conditions (role ``conditions``): pose, edge and hand-depth images for diffusion.

The ControlNet networks run inside the SD deployment; this role produces their input images
(DESIGN.md §3). Users: generation (optional pose image: a reference photo whose pose the portrait
follows), template inpainting (OpenPose of the face landmarks + Canny of the area outside the
face) and virtual try-on (OpenPose body + hands, Depth of the hand region, Canny of the body).

Backend ``mediapipe`` (offline default, :class:`ConditionAnnotator`): MediaPipe Pose
(33 points, ``model_complexity=1``, the only pose model inside the wheel), Hands (21 points) and
the face mesh stand in for the OpenPose networks; the drawing follows the OpenPose / ControlNet
colour convention exactly (``controlnet_aux``'s ``draw_bodypose``, ``draw_handpose``,
``draw_facepose``), so the images are what a ControlNet-OpenPose model was trained on. Hand depth
has no offline depth network: it is rasterised from MediaPipe's per-landmark hand z (a classical
stand-in for a MiDaS depth map restricted to the hands).

``annotator(image, kind, **options)`` returns a uint8 RGB condition image of the image's size:

- ``openpose``       body (18 COCO keypoints); options ``include_hands``, ``include_face``
- ``openpose_full``  body + hands + face points
- ``openpose_face``  face points only (68 dlib-order points, + 2 pupils from the mesh)
- ``canny``          ``cv2.Canny`` edges, options ``low``/``high`` (100/200) and ``mask``
- ``depth_hands``    hand depth, near = bright, on black; option ``mask`` (kept where > 0: try-on
                     passes the arm mask, as upstream multiplies its hand-box depth by it)

The keypoints themselves come from :meth:`ConditionAnnotator.pose` as a :class:`BodyPose`
(pixel coordinates + the image size), and :func:`draw_openpose` / :func:`draw_hand_depth`
draw one at any size, so a pose taken from one photo can condition an image of another size.
"""

from __future__ import annotations

import logging
import math
import threading
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from facechain.components.human_parsing import FaceMeshLandmarker, check_rgb_image
from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import ResolvedSource, register_backend, require_builtin

logger = logging.getLogger(__name__)

ROLE = "conditions"
KINDS = ("openpose", "openpose_face", "openpose_full", "canny", "depth_hands")
# Options each kind accepts (anything else is a caller's typo and is rejected).
KIND_OPTIONS: dict[str, frozenset[str]] = {
    "openpose": frozenset({"include_hands", "include_face", "landmarks68", "body_pose"}),
    "openpose_full": frozenset({"landmarks68", "body_pose"}),
    "openpose_face": frozenset({"landmarks68", "body_pose"}),
    "canny": frozenset({"low", "high", "mask"}),
    "depth_hands": frozenset({"body_pose", "mask"}),
}

# ---------------------------------------------------------------------------------------------
# Keypoint conventions

# OpenPose COCO-18 order, with the MediaPipe Pose index each point comes from ("left"/"right" are
# the subject's, in both conventions). The neck (1) is the mid-point of the two shoulders.
BODY_NAMES = ("nose", "neck", "right_shoulder", "right_elbow", "right_wrist", "left_shoulder",
              "left_elbow", "left_wrist", "right_hip", "right_knee", "right_ankle", "left_hip",
              "left_knee", "left_ankle", "right_eye", "left_eye", "right_ear", "left_ear")
NECK = 1
_MP_FOR_COCO = (0, None, 12, 14, 16, 11, 13, 15, 24, 26, 28, 23, 25, 27, 5, 2, 8, 7)
_MP_SHOULDERS = (11, 12)

# controlnet_aux draw_bodypose: limbs as 1-based COCO pairs, one colour per limb (and per joint).
BODY_LIMBS = ((2, 3), (2, 6), (3, 4), (4, 5), (6, 7), (7, 8), (2, 9), (9, 10), (10, 11), (2, 12),
              (12, 13), (13, 14), (2, 1), (1, 15), (15, 17), (1, 16), (16, 18))
BODY_COLORS = ((255, 0, 0), (255, 85, 0), (255, 170, 0), (255, 255, 0), (170, 255, 0),
               (85, 255, 0), (0, 255, 0), (0, 255, 85), (0, 255, 170), (0, 255, 255),
               (0, 170, 255), (0, 85, 255), (0, 0, 255), (85, 0, 255), (170, 0, 255),
               (255, 0, 255), (255, 0, 170), (255, 0, 85))
LIMB_ALPHA = 0.6  # limbs are drawn at 60 % of their colour, joints at full colour

# Hand: MediaPipe's 21 landmarks have OpenPose's hand topology (wrist, then 4 per finger from the
# thumb). Edge i is coloured HSV(i / 20, 1, 1) as in draw_handpose; joints are pure blue.
HAND_EDGES = ((0, 1), (1, 2), (2, 3), (3, 4), (0, 5), (5, 6), (6, 7), (7, 8), (0, 9), (9, 10),
              (10, 11), (11, 12), (0, 13), (13, 14), (14, 15), (15, 16), (0, 17), (17, 18),
              (18, 19), (19, 20))
HAND_JOINT_COLOR = (0, 0, 255)
# Palm as triangles (for the depth rasteriser); fingers are capsules along HAND_EDGES.
PALM_TRIANGLES = ((0, 1, 5), (1, 2, 5), (0, 5, 9), (0, 9, 13), (0, 13, 17))

# The dlib / OpenPose 68-point face layout taken from the 478-point MediaPipe mesh (jaw 0-16,
# brows 17-26, nose 27-35, eyes 36-47, outer lips 48-59, inner lips 60-67), then the two pupils
# (OpenPose face points 68 = right, 69 = left; refined-mesh iris centres 468 and 473).
MESH_TO_68 = (127, 234, 93, 132, 58, 136, 150, 176, 152, 400, 379, 365, 288, 361, 323, 454, 356,
              70, 63, 105, 66, 107, 336, 296, 334, 293, 300,
              168, 197, 5, 4, 75, 97, 2, 326, 305,
              33, 160, 158, 133, 153, 144, 362, 385, 387, 263, 373, 380,
              61, 39, 37, 0, 267, 269, 291, 405, 314, 17, 84, 181,
              78, 82, 13, 312, 308, 317, 14, 87)
MESH_PUPILS = (468, 473)

# controlnet_aux draws at a detect resolution whose short side is 512 px; widths scale from there.
_REFERENCE_SIDE = 512.0
_STICK_WIDTH, _BODY_JOINT_RADIUS = 4, 4
_HAND_LINE_WIDTH, _HAND_JOINT_RADIUS = 2, 4
_FACE_DOT_RADIUS = 3


@dataclass(frozen=True)
class BodyPose:
    """Keypoints of one person, in pixels of an image of ``size`` = (H, W).

    ``body`` is (18, 3) float32 in OpenPose COCO order (:data:`BODY_NAMES`): x, y, visibility
    (0..1); a row is NaN where the point was not found, not visible enough or outside the image.
    ``hands`` holds one (21, 3) float32 array per hand: x, y and z, z in pixels (MediaPipe's hand
    z, which is relative to the wrist and on the x scale: negative = nearer the camera than the
    wrist). ``face`` is (N, 2) float32, N = 68 (dlib order) or 70 (+ right, left pupil), or None.
    """

    body: np.ndarray
    hands: list[np.ndarray]
    face: np.ndarray | None
    size: tuple[int, int]

    @property
    def found(self) -> bool:
        """True when any body, hand or face point was found."""
        return bool(np.isfinite(self.body).all(axis=1).any() or self.hands
                    or (self.face is not None and len(self.face)))

    def scaled(self, shape: tuple[int, ...]) -> BodyPose:
        """The same pose in pixels of an image of ``shape`` = (H, W[, C]) (each axis scaled on
        its own, as normalised coordinates would be; hand z follows the x scale)."""
        h, w = int(shape[0]), int(shape[1])
        sx, sy = w / float(self.size[1]), h / float(self.size[0])
        body = self.body.copy()
        body[:, 0] *= sx
        body[:, 1] *= sy
        hands = []
        for hand in self.hands:
            hand = hand.copy()
            hand[:, 0] *= sx
            hand[:, 1] *= sy
            hand[:, 2] *= sx
            hands.append(hand)
        face = None if self.face is None else self.face * np.array([sx, sy], np.float32)
        return BodyPose(body=body, hands=hands, face=face, size=(h, w))


def _canvas_shape(shape: tuple[int, ...]) -> tuple[int, int]:
    if len(shape) < 2 or int(shape[0]) < 1 or int(shape[1]) < 1:
        raise InvalidInputError(f"invalid canvas shape {tuple(shape)}", param="shape")
    return int(shape[0]), int(shape[1])


def _width(base: int, scale: float) -> int:
    return max(1, round(base * scale))


def _point(p: np.ndarray) -> tuple[int, int]:
    return round(float(p[0])), round(float(p[1]))


def draw_bodypose(canvas: np.ndarray, body: np.ndarray, scale: float = 1.0) -> np.ndarray:
    """OpenPose body drawing (controlnet_aux ``draw_bodypose``) in place on ``canvas``: each limb
    an ellipse of half-width ``4 * scale`` px at 60 % of its colour, then the joints as discs of
    radius ``4 * scale`` at full colour. ``body`` is (18, 2+) pixel coordinates, NaN = missing."""
    stick = _width(_STICK_WIDTH, scale)
    for (i, j), color in zip(BODY_LIMBS, BODY_COLORS):
        a, b = body[i - 1, :2], body[j - 1, :2]
        if not (np.isfinite(a).all() and np.isfinite(b).all()):
            continue
        centre = (a + b) / 2.0
        length = float(np.hypot(*(a - b)))
        angle = math.degrees(math.atan2(float(a[1] - b[1]), float(a[0] - b[0])))
        polygon = cv2.ellipse2Poly(_point(centre), (int(length / 2), stick), int(angle), 0, 360, 1)
        cv2.fillConvexPoly(canvas, polygon, [int(c * LIMB_ALPHA) for c in color])
    radius = _width(_BODY_JOINT_RADIUS, scale)
    for point, color in zip(body, BODY_COLORS):
        if np.isfinite(point[:2]).all():
            cv2.circle(canvas, _point(point), radius, color, thickness=-1)
    return canvas


def _hsv_edge_colors(count: int) -> tuple[tuple[int, int, int], ...]:
    """``matplotlib.colors.hsv_to_rgb([i / count, 1, 1]) * 255`` for each edge i, rounded as
    OpenCV rounds a float colour (draw_handpose passes the float colour to ``cv2.line``)."""
    colors = []
    for i in range(count):
        h6 = i / float(count) * 6.0
        sector, frac = int(h6) % 6, h6 - int(h6)
        rgb = ((1, frac, 0), (1 - frac, 1, 0), (0, 1, frac), (0, 1 - frac, 1), (frac, 0, 1),
               (1, 0, 1 - frac))[sector]
        colors.append(tuple(int(np.rint(c * 255.0)) for c in rgb))
    return tuple(colors)


HAND_EDGE_COLORS = _hsv_edge_colors(len(HAND_EDGES))


def draw_handpose(canvas: np.ndarray, hand: np.ndarray, scale: float = 1.0) -> np.ndarray:
    """OpenPose hand drawing (controlnet_aux ``draw_handpose``) in place: the 20 edges as lines
    of width ``2 * scale`` coloured by HSV, joints as blue discs of radius ``4 * scale``."""
    width = _width(_HAND_LINE_WIDTH, scale)
    for (i, j), color in zip(HAND_EDGES, HAND_EDGE_COLORS):
        a, b = hand[i, :2], hand[j, :2]
        if np.isfinite(a).all() and np.isfinite(b).all():
            cv2.line(canvas, _point(a), _point(b), color, thickness=width)
    radius = _width(_HAND_JOINT_RADIUS, scale)
    for point in hand:
        if np.isfinite(point[:2]).all():
            cv2.circle(canvas, _point(point), radius, HAND_JOINT_COLOR, thickness=-1)
    return canvas


def draw_facepose(canvas: np.ndarray, face: np.ndarray, scale: float = 1.0) -> np.ndarray:
    """OpenPose face drawing (controlnet_aux ``draw_facepose``) in place: white discs of radius
    ``3 * scale``."""
    radius = _width(_FACE_DOT_RADIUS, scale)
    for point in face:
        if np.isfinite(point[:2]).all():
            cv2.circle(canvas, _point(point), radius, (255, 255, 255), thickness=-1)
    return canvas


def draw_openpose(shape: tuple[int, ...], body_pose: BodyPose, include_hands: bool = False,
                  include_face: bool = False, include_body: bool = True) -> np.ndarray:
    """The OpenPose condition image of ``body_pose`` on black, uint8 RGB of ``shape`` = (H, W[, C]).

    The pose is rescaled from its own image size to ``shape``; line widths and disc radii scale
    with the short side (controlnet_aux's at 512 px). Drawing order: body, hands, face.
    """
    h, w = _canvas_shape(shape)
    pose = body_pose if tuple(body_pose.size) == (h, w) else body_pose.scaled((h, w))
    canvas = np.zeros((h, w, 3), np.uint8)
    scale = min(h, w) / _REFERENCE_SIDE
    if include_body:
        draw_bodypose(canvas, pose.body, scale)
    if include_hands:
        for hand in pose.hands:
            draw_handpose(canvas, hand, scale)
    if include_face and pose.face is not None:
        draw_facepose(canvas, pose.face, scale)
    return canvas


# ---------------------------------------------------------------------------------------------
# Hand depth (classical stand-in for a depth network on the hand region)


def _rasterise_capsule(zbuf: np.ndarray, a: np.ndarray, b: np.ndarray, radius: float) -> None:
    """Min-composite into ``zbuf`` a capsule (segment a-b, ``radius`` px) whose depth is the
    segment's z interpolated at each pixel's projection onto the segment. a, b = (x, y, z)."""
    h, w = zbuf.shape
    x0 = max(0, math.floor(min(a[0], b[0]) - radius))
    x1 = min(w, math.ceil(max(a[0], b[0]) + radius) + 1)
    y0 = max(0, math.floor(min(a[1], b[1]) - radius))
    y1 = min(h, math.ceil(max(a[1], b[1]) + radius) + 1)
    if x0 >= x1 or y0 >= y1:
        return
    px = np.arange(x0, x1, dtype=np.float32)[None, :]
    py = np.arange(y0, y1, dtype=np.float32)[:, None]
    dx, dy = float(b[0] - a[0]), float(b[1] - a[1])
    length2 = dx * dx + dy * dy
    if length2 > 1e-9:
        t = np.clip(((px - a[0]) * dx + (py - a[1]) * dy) / length2, 0.0, 1.0)
    else:
        t = np.zeros((y1 - y0, x1 - x0), np.float32)
    cx, cy = a[0] + t * dx, a[1] + t * dy
    inside = (px - cx) ** 2 + (py - cy) ** 2 <= radius * radius
    z = a[2] + t * (b[2] - a[2])
    view = zbuf[y0:y1, x0:x1]
    np.copyto(view, np.minimum(view, z), where=inside)


def _rasterise_triangle(zbuf: np.ndarray, a: np.ndarray, b: np.ndarray, c: np.ndarray) -> None:
    """Min-composite into ``zbuf`` a triangle with depth interpolated barycentrically."""
    h, w = zbuf.shape
    xs, ys = (a[0], b[0], c[0]), (a[1], b[1], c[1])
    x0, x1 = max(0, math.floor(min(xs))), min(w, math.ceil(max(xs)) + 1)
    y0, y1 = max(0, math.floor(min(ys))), min(h, math.ceil(max(ys)) + 1)
    det = (b[1] - c[1]) * (a[0] - c[0]) + (c[0] - b[0]) * (a[1] - c[1])
    if x0 >= x1 or y0 >= y1 or abs(det) < 1e-6:
        return
    px = np.arange(x0, x1, dtype=np.float32)[None, :]
    py = np.arange(y0, y1, dtype=np.float32)[:, None]
    la = ((b[1] - c[1]) * (px - c[0]) + (c[0] - b[0]) * (py - c[1])) / det
    lb = ((c[1] - a[1]) * (px - c[0]) + (a[0] - c[0]) * (py - c[1])) / det
    lc = 1.0 - la - lb
    eps = -1e-4
    inside = (la >= eps) & (lb >= eps) & (lc >= eps)
    z = la * a[2] + lb * b[2] + lc * c[2]
    view = zbuf[y0:y1, x0:x1]
    np.copyto(view, np.minimum(view, z), where=inside)


def rasterise_hand_depth(shape: tuple[int, ...], hand: np.ndarray, finger_width: float = 0.2
                         ) -> np.ndarray:
    """Float32 (H, W) z-buffer of one hand: the palm as triangles (barycentric z), the 20 bones
    as capsules (z interpolated along the bone) of diameter ``finger_width`` x the palm length
    (wrist to middle-finger base); nearest surface kept. +inf outside the hand. ``hand`` is
    (21, 3) x, y, z in pixels of ``shape``."""
    h, w = _canvas_shape(shape)
    zbuf = np.full((h, w), np.inf, np.float32)
    hand = np.asarray(hand, np.float32)
    if hand.shape != (21, 3) or not np.isfinite(hand).all():
        return zbuf
    palm = max(float(np.hypot(*(hand[9, :2] - hand[0, :2]))),
               float(np.hypot(*(hand[17, :2] - hand[5, :2]))), 1.0)
    for i, j, k in PALM_TRIANGLES:
        _rasterise_triangle(zbuf, hand[i], hand[j], hand[k])
    radius = max(1.0, 0.5 * finger_width * palm)
    for i, j in HAND_EDGES:
        _rasterise_capsule(zbuf, hand[i], hand[j], radius)
    return zbuf


def draw_hand_depth(shape: tuple[int, ...], body_pose: BodyPose, far_level: int = 64,
                    finger_width: float = 0.2) -> np.ndarray:
    """Depth condition image of the hands of ``body_pose`` on black, uint8 RGB of ``shape``.

    Each hand is rasterised on its own (:func:`rasterise_hand_depth`) and its z range is mapped
    to ``255`` (nearest point) .. ``far_level`` (farthest), near = bright as in MiDaS depth maps;
    MediaPipe hand z is relative to each hand's wrist, so hands are normalised separately. Where
    hands overlap the brighter value wins.
    """
    h, w = _canvas_shape(shape)
    if not 0 <= int(far_level) <= 255:
        raise InvalidInputError("far_level must be in [0, 255]", param="far_level")
    pose = body_pose if tuple(body_pose.size) == (h, w) else body_pose.scaled((h, w))
    depth = np.zeros((h, w), np.uint8)
    for hand in pose.hands:
        zbuf = rasterise_hand_depth((h, w), hand, finger_width)
        inside = np.isfinite(zbuf)
        if not inside.any():
            continue
        z = zbuf[inside]
        near, far = float(z.min()), float(z.max())
        if far - near < 1e-6:
            values = np.full(z.shape, 255.0, np.float32)
        else:
            values = 255.0 - (z - near) / (far - near) * (255.0 - float(far_level))
        layer = np.zeros((h, w), np.uint8)
        layer[inside] = np.clip(np.round(values), 1, 255).astype(np.uint8)
        np.maximum(depth, layer, out=depth)
    return np.repeat(depth[:, :, None], 3, axis=2)


# ---------------------------------------------------------------------------------------------
# Canny


def canny(image: np.ndarray, low: float = 100, high: float = 200,
          mask: np.ndarray | None = None) -> np.ndarray:
    """``cv2.Canny`` on the RGB image (as controlnet_aux's CannyDetector), edges 255 on black,
    kept only where ``mask`` > 0 when given; uint8 RGB of the image's size."""
    image = check_rgb_image(image)
    low, high = float(low), float(high)
    if not (0 <= low <= high) or not math.isfinite(high):
        raise InvalidInputError(f"canny thresholds need 0 <= low <= high, got {low}, {high}",
                                param="low")
    edges = cv2.Canny(image, low, high)
    if mask is not None:
        edges[_check_mask(mask, image.shape) <= 0] = 0
    return np.repeat(edges[:, :, None], 3, axis=2)


def _check_mask(mask: Any, shape: tuple[int, ...]) -> np.ndarray:
    """A condition's ``mask`` option as (H, W) (a 3-channel mask reduced by max), size-checked."""
    mask = np.asarray(mask)
    if mask.ndim == 3:
        mask = mask.max(axis=2)
    if mask.shape != tuple(shape[:2]):
        raise InvalidInputError(f"mask {mask.shape} does not match image {tuple(shape[:2])}",
                                param="mask")
    return mask


# ---------------------------------------------------------------------------------------------
# The annotator


def _check_landmarks68(points: Any) -> np.ndarray:
    arr = np.asarray(points, dtype=np.float32)
    if arr.ndim != 2 or arr.shape[1] != 2 or arr.shape[0] not in (68, 70):
        raise InvalidInputError(f"landmarks68 must be a (68, 2) array, got shape {arr.shape}",
                                param="landmarks68")
    return arr


class ConditionAnnotator:
    """OpenPose-style, Canny and hand-depth conditions from MediaPipe Pose, Hands and face mesh.

    The three graphs are built once here (Pose: static images, ``model_complexity=1``; Hands:
    static, up to ``max_hands``; face mesh: static, refined, via :class:`FaceMeshLandmarker`
    with its full-range detector fallback). MediaPipe graphs are not thread-safe: each has its
    own lock, so a pose and a hand detection from two threads can still overlap.
    """

    def __init__(self, *, min_detection_confidence: float = 0.5, min_visibility: float = 0.5,
                 max_hands: int = 2, far_level: int = 64, finger_width: float = 0.2):
        if not 0.0 <= min_visibility <= 1.0:
            raise InvalidInputError("min_visibility must be in [0, 1]", param="min_visibility")
        if max_hands < 1:
            raise InvalidInputError("max_hands must be >= 1", param="max_hands")
        try:
            import mediapipe as mp
        except ImportError as exc:  # pragma: no cover - mediapipe is a core dependency
            raise ModelSourceError(ROLE, f"mediapipe is not installed: {exc}") from exc
        self.min_visibility = float(min_visibility)
        self.far_level = int(far_level)
        self.finger_width = float(finger_width)
        self._pose_lock = threading.Lock()
        self._hands_lock = threading.Lock()
        try:
            self._pose = mp.solutions.pose.Pose(
                static_image_mode=True, model_complexity=1, enable_segmentation=False,
                min_detection_confidence=min_detection_confidence)
            self._hands = mp.solutions.hands.Hands(
                static_image_mode=True, max_num_hands=int(max_hands), model_complexity=1,
                min_detection_confidence=min_detection_confidence)
        except Exception as exc:  # graph construction failure (broken install)
            raise ModelSourceError(ROLE, f"cannot build MediaPipe pose / hands: {exc}") from exc
        self._face = FaceMeshLandmarker(min_confidence=min_detection_confidence, role=ROLE)

    # -- keypoints ------------------------------------------------------------------------------

    def body(self, image: np.ndarray) -> np.ndarray:
        """(18, 3) float32 COCO-order x, y, visibility of the most prominent person (NaN rows
        where missing, below ``min_visibility`` or outside the image)."""
        image = check_rgb_image(image)
        h, w = image.shape[:2]
        with self._pose_lock:
            result = self._pose.process(image)
        body = np.full((18, 3), np.nan, np.float32)
        if result.pose_landmarks is None:
            return body
        marks = result.pose_landmarks.landmark
        mp_points = np.array([(m.x * w, m.y * h, m.visibility) for m in marks], np.float32)
        ok = ((mp_points[:, 2] >= self.min_visibility) & (mp_points[:, 0] >= 0)
              & (mp_points[:, 0] < w) & (mp_points[:, 1] >= 0) & (mp_points[:, 1] < h))
        for coco, mp_index in enumerate(_MP_FOR_COCO):
            if mp_index is not None and ok[mp_index]:
                body[coco] = mp_points[mp_index]
        left, right = _MP_SHOULDERS
        if ok[left] and ok[right]:
            body[NECK, :2] = (mp_points[left, :2] + mp_points[right, :2]) / 2.0
            body[NECK, 2] = min(mp_points[left, 2], mp_points[right, 2])
        return body

    def hands(self, image: np.ndarray) -> list[np.ndarray]:
        """One (21, 3) float32 x, y, z (pixels; z relative to the wrist) per detected hand."""
        image = check_rgb_image(image)
        h, w = image.shape[:2]
        with self._hands_lock:
            result = self._hands.process(image)
        hands = []
        for marks in result.multi_hand_landmarks or []:
            hands.append(np.array([(m.x * w, m.y * h, m.z * w) for m in marks.landmark],
                                  np.float32))
        return hands

    def face(self, image: np.ndarray) -> np.ndarray | None:
        """(70, 2) float32: 68 dlib-order points + right, left pupil of the largest face, or
        None when the mesh finds no face."""
        points = self._face(check_rgb_image(image))
        if points is None:
            return None
        return points[list(MESH_TO_68) + list(MESH_PUPILS)].astype(np.float32)

    def pose(self, image: np.ndarray, *, hands: bool = True, face: bool = True,
             body: bool = True) -> BodyPose:
        """Body, hand and face keypoints of ``image`` (each part can be skipped to save time)."""
        image = check_rgb_image(image)
        h, w = image.shape[:2]
        return BodyPose(
            body=self.body(image) if body else np.full((18, 3), np.nan, np.float32),
            hands=self.hands(image) if hands else [],
            face=self.face(image) if face else None,
            size=(h, w))

    # -- conditions ----------------------------------------------------------------------------

    def __call__(self, image: np.ndarray, kind: str, **options: Any) -> np.ndarray:
        """The ``kind`` condition image of ``image`` (uint8 RGB, same H x W).

        Options: ``low``, ``high``, ``mask`` (canny; depth_hands: the depth is kept only where
        ``mask`` > 0, e.g. the arm mask of try-on); ``include_hands``, ``include_face``
        (openpose); ``landmarks68`` ((68, 2) face points in pixels of ``image``, used instead of
        the mesh: template inpainting passes the warped landmarks of the generated face);
        ``body_pose`` (a :class:`BodyPose` from :meth:`pose`, at any size, used instead of
        detecting on ``image``).
        """
        # 1. Check inputs
        if kind not in KINDS:
            raise InvalidInputError(f"unknown condition kind {kind!r}; one of {list(KINDS)}",
                                    param="kind")
        unknown = sorted(set(options) - KIND_OPTIONS[kind])
        if unknown:
            raise InvalidInputError(f"unknown options {unknown} for condition {kind!r}; allowed: "
                                    f"{sorted(KIND_OPTIONS[kind])}", param=unknown[0])
        image = check_rgb_image(image)
        h, w = image.shape[:2]

        # 2. Edges need no keypoints
        if kind == "canny":
            return canny(image, options.get("low", 100), options.get("high", 200),
                         options.get("mask"))

        # 3. Keypoints: given, or detected (only the parts this kind draws)
        if kind == "openpose_full":
            want_body, want_hands, want_face = True, True, True
        elif kind == "openpose_face":
            want_body, want_hands, want_face = False, False, True
        elif kind == "depth_hands":
            want_body, want_hands, want_face = False, True, False
        else:
            want_body = True
            want_hands = bool(options.get("include_hands", False))
            want_face = bool(options.get("include_face", False))
        landmarks = options.get("landmarks68")
        if landmarks is not None:
            landmarks = _check_landmarks68(landmarks)
        body_pose = options.get("body_pose")
        if body_pose is not None:
            if not isinstance(body_pose, BodyPose):
                raise InvalidInputError("body_pose must be a BodyPose", param="body_pose")
            body_pose = body_pose.scaled((h, w))
        else:
            body_pose = self.pose(image, body=want_body, hands=want_hands,
                                  face=want_face and landmarks is None)
        if landmarks is not None:
            body_pose = BodyPose(body=body_pose.body, hands=body_pose.hands, face=landmarks,
                                 size=(h, w))
        logger.debug("condition %s: body points %d, hands %d, face %s", kind,
                     int(np.isfinite(body_pose.body).all(axis=1).sum()), len(body_pose.hands),
                     None if body_pose.face is None else len(body_pose.face))

        # 4. Draw
        if kind == "depth_hands":
            depth = draw_hand_depth((h, w), body_pose, self.far_level, self.finger_width)
            if options.get("mask") is not None:
                depth[_check_mask(options["mask"], (h, w)) <= 0] = 0
            return depth
        return draw_openpose((h, w), body_pose, include_hands=want_hands,
                             include_face=want_face, include_body=want_body)

    def close(self) -> None:
        with self._pose_lock:
            self._pose.close()
        with self._hands_lock:
            self._hands.close()
        self._face.close()


@register_backend(ROLE, "mediapipe")
def _build_mediapipe(source: ResolvedSource, **options: Any) -> ConditionAnnotator:
    require_builtin(source, "mediapipe", "uses the MediaPipe models inside the mediapipe wheel")
    return ConditionAnnotator(**options)
