"""Human parsing (role ``human_parsing``): the head (face + hair) mask and the white background.

Stage 5 of training (DESIGN.md §1): the paper segments hair + face with M2FP and paints
everything else white, so the face LoRA learns the person, not the room or the clothes.

Backends:

- ``mediapipe_head`` (offline default, :class:`HeadParser`): MediaPipe selfie segmentation gives
  the person; the MediaPipe face mesh gives the face oval; hair is the person pixels in a
  face-aligned zone around and above the face, never below the jaw line (so neck, collar and
  shoulders stay out), extended down to chin level only where the colour matches the hair on top of
  the head (long hair). Forehead skin between the mesh's oval and the hairline joins the face.
- ``modelscope_m2fp`` (the paper's model, :class:`M2FPHeadParser`): M2FP multi-human parsing via
  ``modelscope``; its ``Face`` / ``Hair`` / ``Human`` masks are combined as FaceChain does.

Both return :class:`facechain.types.Parsing`. When no face is found the head, face and hair masks
are empty (all zero) and ``person`` is still filled in: the caller decides (preprocessing rejects
the photo as ``no_face``). :func:`paint_background` composites the image on a flat colour.

Template inpainting and try-on use the same role for their mask recipe
(:mod:`facechain.components.inpaint_masks`): ``face`` is the face skin with the forehead up to the
hairline, without hair or neck (M2FP's ``Face`` class), and ``person`` is every person pixel
(M2FP's ``Human`` masks summed, as upstream sums them). ``parse`` takes any image size; the face
masks are for the largest face, which is all the recipe needs: the inpaint pipeline parses the
square crop around each face (other faces blacked out), where that face is the largest, so no
per-face output is needed. No face is empty masks, never an error (upstream's ``segment`` reads an
undefined variable there).

The face-mesh helpers here (:class:`FaceMeshLandmarker`, :class:`FaceGeometry`, the landmark
index sets) are shared with ``skin_retouching``.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
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
from facechain.types import Parsing

logger = logging.getLogger(__name__)

ROLE = "human_parsing"
M2FP_MODEL_ID = "damo/cv_resnet101_image-multiple-human-parsing"

# ---------------------------------------------------------------------------------------------
# MediaPipe face-mesh landmark indices (the 468-point canonical mesh; 468..477 are the irises
# with refine_landmarks). "Left"/"right" follow MediaPipe: the subject's left/right.

FACE_OVAL = (10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400,
             377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67,
             109)
LEFT_EYE = (263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466)
RIGHT_EYE = (33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246)
LEFT_EYEBROW = (276, 283, 282, 295, 285, 300, 293, 334, 296, 336)
RIGHT_EYEBROW = (46, 53, 52, 65, 55, 70, 63, 105, 66, 107)
LIPS = (61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39, 40, 185)
# Under the nose tip: both nostrils and the alae.
NOSTRILS = (48, 64, 98, 97, 2, 326, 327, 294, 278, 219, 439)
FOREHEAD_TOP = 10
CHIN = 152
CHEEK_RIGHT, CHEEK_LEFT = 234, 454  # widest points of the oval, at the ears
JAW_RIGHT, JAW_LEFT = 172, 397  # jaw angles (gonion)


def check_rgb_image(image: np.ndarray) -> np.ndarray:
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.ndim != 3 \
            or image.shape[2] != 3 or image.shape[0] < 8 or image.shape[1] < 8:
        desc = f"{image.dtype} {image.shape}" if isinstance(image, np.ndarray) else type(image).__name__
        raise InvalidInputError(f"expected a uint8 RGB image (H, W, 3), got {desc}", param="image")
    return np.ascontiguousarray(image)


def _import_mediapipe(role: str):
    try:
        import mediapipe as mp
    except ImportError as exc:  # pragma: no cover - mediapipe is a core dependency
        raise ModelSourceError(role, f"mediapipe is not installed: {exc}") from exc
    return mp


@dataclass(frozen=True)
class FaceGeometry:
    """A face-aligned frame built from the mesh, so rules work for tilted heads too.

    ``up`` points from the chin to the forehead, ``right`` is image-right for an upright face.
    Face coordinates (s, t): s along ``right`` in half face widths, t along ``up`` in half face
    heights, both from ``centre``; the oval spans roughly s, t in [-1, 1].
    """

    points: np.ndarray  # (N, 2) float32 pixel coordinates of the mesh landmarks
    centre: np.ndarray
    up: np.ndarray
    right: np.ndarray
    width: float  # cheek to cheek, pixels
    height: float  # mid-forehead (top of the oval) to chin, pixels

    @classmethod
    def from_landmarks(cls, points: np.ndarray) -> FaceGeometry:
        points = np.asarray(points, dtype=np.float32)
        top, chin = points[FOREHEAD_TOP], points[CHIN]
        up = top - chin
        height = float(np.linalg.norm(up))
        up = up / max(height, 1e-6)
        right = np.array([-up[1], up[0]], dtype=np.float32)  # up rotated by -90 degrees (y down)
        if float(np.dot(points[CHEEK_LEFT] - points[CHEEK_RIGHT], right)) < 0:
            right = -right  # mirrored mesh; keep the frame consistent with the landmarks
        width = float(np.linalg.norm(points[CHEEK_LEFT] - points[CHEEK_RIGHT]))
        centre = points[list(FACE_OVAL)].mean(axis=0)
        return cls(points, centre.astype(np.float32), up.astype(np.float32), right, max(width, 1.0),
                   max(height, 1.0))

    @property
    def size(self) -> float:
        """A scale for kernels: the geometric mean of face width and height, pixels."""
        return float(np.sqrt(self.width * self.height))

    def face_coords(self, shape: tuple[int, int], box: tuple[int, int, int, int] | None = None):
        """(s, t) float32 grids for the pixels of ``box`` = (x0, y0, x1, y1) (default: all)."""
        x0, y0, x1, y1 = box if box is not None else (0, 0, shape[1], shape[0])
        xs = np.arange(x0, x1, dtype=np.float32) - self.centre[0]
        ys = np.arange(y0, y1, dtype=np.float32) - self.centre[1]
        dx, dy = xs[None, :], ys[:, None]
        s = (dx * self.right[0] + dy * self.right[1]) / (self.width / 2.0)
        t = (dx * self.up[0] + dy * self.up[1]) / (self.height / 2.0)
        return s, t

    def t_of(self, index: int) -> float:
        """Face coordinate t of one landmark."""
        return float(np.dot(self.points[index] - self.centre, self.up) / (self.height / 2.0))

    def polygon(self, indices) -> np.ndarray:
        """Convex hull of some landmarks, int32 for ``cv2.fillPoly``."""
        pts = self.points[list(indices)]
        return cv2.convexHull(np.round(pts).astype(np.int32))

    def fill(self, shape: tuple[int, int], *parts) -> np.ndarray:
        """uint8 mask (0/255) with the convex hull of each landmark group in ``parts`` filled."""
        mask = np.zeros(shape, np.uint8)
        for indices in parts:
            cv2.fillPoly(mask, [self.polygon(indices)], 255)
        return mask


class FaceMeshLandmarker:
    """MediaPipe face mesh (478 points, refined eyes/lips/irises) on still images.

    The mesh's own detector is short-range (faces filling a good part of the frame); when it
    finds nothing, the full-range BlazeFace detector locates the largest face and the mesh runs
    again on a square crop around it. Graphs are built once here; MediaPipe solutions are not
    thread-safe, so every call holds the instance lock.
    """

    def __init__(self, *, min_confidence: float = 0.5, max_faces: int = 2, role: str = ROLE):
        mp = _import_mediapipe(role)
        self._lock = threading.Lock()
        try:
            self._mesh = mp.solutions.face_mesh.FaceMesh(
                static_image_mode=True, max_num_faces=max_faces, refine_landmarks=True,
                min_detection_confidence=min_confidence)
            self._detector = mp.solutions.face_detection.FaceDetection(
                model_selection=1, min_detection_confidence=min_confidence)
        except Exception as exc:  # graph construction failure (broken install)
            raise ModelSourceError(role, f"cannot build the MediaPipe face mesh: {exc}") from exc

    def __call__(self, image: np.ndarray) -> np.ndarray | None:
        """(478, 2) float32 pixel landmarks of the largest face, or None when there is none."""
        image = check_rgb_image(image)
        with self._lock:
            points = self._largest(self._mesh.process(image), image.shape)
            if points is not None:
                return points
            box = self._detect(image)
            if box is None:
                return None
            x0, y0, x1, y1 = box
            crop = np.ascontiguousarray(image[y0:y1, x0:x1])
            points = self._largest(self._mesh.process(crop), crop.shape)
        if points is None:
            return None
        return points + np.array([x0, y0], np.float32)

    def _detect(self, image: np.ndarray) -> tuple[int, int, int, int] | None:
        """Square crop box (2.2x the face) around the largest full-range detection."""
        result = self._detector.process(image)
        if not result.detections:
            return None
        h, w = image.shape[:2]
        boxes = [d.location_data.relative_bounding_box for d in result.detections]
        b = max(boxes, key=lambda b: b.width * b.height)
        cx, cy = (b.xmin + b.width / 2) * w, (b.ymin + b.height / 2) * h
        half = 1.1 * max(b.width * w, b.height * h)
        x0, y0 = int(max(0, cx - half)), int(max(0, cy - half))
        x1, y1 = int(min(w, cx + half)), int(min(h, cy + half))
        if x1 - x0 < 16 or y1 - y0 < 16:
            return None
        return x0, y0, x1, y1

    @staticmethod
    def _largest(result, shape) -> np.ndarray | None:
        if not result.multi_face_landmarks:
            return None
        h, w = shape[:2]
        best, best_area = None, -1.0
        for face in result.multi_face_landmarks:
            pts = np.array([(lm.x * w, lm.y * h) for lm in face.landmark], np.float32)
            area = float(cv2.contourArea(pts[list(FACE_OVAL)]))
            if area > best_area:
                best, best_area = pts, area
        return best

    def close(self) -> None:
        with self._lock:
            self._mesh.close()
            self._detector.close()


# ---------------------------------------------------------------------------------------------
# Mask utilities


def keep_component(mask: np.ndarray, prefer: np.ndarray | None = None) -> np.ndarray:
    """The one connected component of ``mask`` that overlaps ``prefer`` most (default: the
    largest), with its holes filled. uint8 0/255 in, uint8 0/255 out."""
    binary = (mask > 127).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    if count <= 1:
        return np.zeros_like(binary)
    if prefer is not None and np.any(prefer > 127):
        overlap = np.bincount(labels[prefer > 127].ravel(), minlength=count)
        overlap[0] = 0
        best = int(np.argmax(overlap)) if overlap.max() > 0 else 1 + int(np.argmax(stats[1:, 4]))
    else:
        best = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    component = (labels == best).astype(np.uint8) * 255
    contours, _ = cv2.findContours(component, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    filled = np.zeros_like(component)
    cv2.drawContours(filled, contours, -1, 255, thickness=cv2.FILLED)
    return filled


def _odd(n: float) -> int:
    n = max(1, round(n))
    return n if n % 2 else n + 1


def ellipse_kernel(size: float) -> np.ndarray:
    k = _odd(size)
    return cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k))


def colour_distance(pixels: np.ndarray, sample: np.ndarray) -> np.ndarray | None:
    """Mahalanobis distance of ``pixels`` (N, 3) to the colour distribution of ``sample``
    (M, 3), both Lab; None when the sample is too small (< 50) to estimate it."""
    if len(sample) < 50:
        return None
    sample = sample.astype(np.float64)
    mean = sample.mean(axis=0)
    cov = np.cov(sample, rowvar=False) + np.eye(3) * 4.0  # floor: flat regions, JPEG noise
    inv = np.linalg.inv(cov).astype(np.float32)
    diff = pixels.reshape(-1, 3).astype(np.float32) - mean.astype(np.float32)
    d2 = ((diff @ inv) * diff).sum(axis=1)
    return np.sqrt(np.maximum(d2, 0.0))


def paint_background(image: np.ndarray, mask: np.ndarray, color=(255, 255, 255),
                     feather: float | None = None) -> np.ndarray:
    """Composite ``image`` over a flat ``color`` outside ``mask`` (uint8 0..255, same H x W).

    ``feather`` is the Gaussian sigma of the soft edge in pixels; None picks 0.4 % of the image
    diagonal (2 px at 512 x 512), 0 gives a hard edge. Pixels more than ~3 sigma inside the mask
    are kept exactly. Returns a new uint8 RGB image.
    """
    image = check_rgb_image(image)
    if mask.shape != image.shape[:2]:
        raise InvalidInputError(f"mask {mask.shape} does not match image {image.shape[:2]}",
                                param="mask")
    if feather is None:
        feather = 0.004 * float(np.hypot(*image.shape[:2]))
    alpha = mask.astype(np.float32) / 255.0
    if feather > 0:
        alpha = cv2.GaussianBlur(alpha, (0, 0), sigmaX=float(feather))
    alpha = alpha[:, :, None]
    background = np.asarray(color, np.float32).reshape(1, 1, 3)
    out = image.astype(np.float32) * alpha + background * (1.0 - alpha)
    out = np.clip(np.round(out), 0, 255).astype(np.uint8)
    # bit-exact where (nearly) opaque: float blur of a solid region can land a hair below 1.0
    inside = alpha[:, :, 0] >= 1.0 - 1e-3
    out[inside] = image[inside]
    return out


# ---------------------------------------------------------------------------------------------
# mediapipe_head backend


class HeadParser:
    """Head (face + hair) parsing from MediaPipe selfie segmentation and the face mesh.

    1. person = selfie-segmentation probability > ``person_threshold``, lightly cleaned;
    2. face = convex hull of the mesh's face oval;
    3. zone = a face-aligned ellipse around the face, stretched upward (``hair_extent`` half face
       heights above the top of the oval) and cut at the jaw line (the line through the two jaw
       angles, perpendicular to the face's up axis): below it is neck and shoulders;
    4. hair = person pixels in the zone that are not face; below the jaw line and down to chin
       level, only pixels coloured like the hair on top of the head (long hair beside the cheeks);
       skin-coloured pixels above the oval joined to it (the upper forehead) move to the face;
    5. head = the component of face + hair that holds the face, holes filled, plus the face.

    For a small face in a large image the segmentation runs again on a crop around the head, so
    the hair edge is not limited by the segmenter's 256 x 256 input. ``person`` is always the
    whole-image segmentation. Without a face, head, face and hair are empty masks.
    """

    def __init__(self, *, person_threshold: float = 0.5, hair_extent: float = 1.8,
                 hair_width: float = 1.7, colour_tolerance: float = 3.0,
                 min_face_confidence: float = 0.5, selfie_model: int = 0):
        if not 0.0 < person_threshold < 1.0:
            raise InvalidInputError("person_threshold must be in (0, 1)", param="person_threshold")
        mp = _import_mediapipe(ROLE)
        self.person_threshold = float(person_threshold)
        self.hair_extent = float(hair_extent)
        self.hair_width = float(hair_width)
        self.colour_tolerance = float(colour_tolerance)
        self._lock = threading.Lock()
        try:
            self._segmenter = mp.solutions.selfie_segmentation.SelfieSegmentation(
                model_selection=int(selfie_model))
        except Exception as exc:
            raise ModelSourceError(ROLE, f"cannot build MediaPipe selfie segmentation: {exc}") from exc
        self._landmarker = FaceMeshLandmarker(min_confidence=min_face_confidence)

    def __call__(self, image: np.ndarray) -> Parsing:
        # 1. Check input, segment the person
        image = check_rgb_image(image)
        h, w = image.shape[:2]
        person_prob = self._segment(image)
        person = self._clean_person(person_prob > self.person_threshold, (h, w))

        # 2. Face mesh; without a face there is no head (the caller decides what to do)
        points = self._landmarker(image)
        empty = np.zeros((h, w), np.uint8)
        if points is None:
            logger.debug("no face mesh: empty head mask")
            return Parsing(head=empty, face=empty.copy(), hair=empty.copy(), person=person)
        geo = FaceGeometry.from_landmarks(points)
        face = geo.fill((h, w), FACE_OVAL)

        # 3. Head zone (face-aligned), restricted to its bounding box for speed
        box = self._zone_box(geo, (h, w))
        x0, y0, x1, y1 = box
        s, t = geo.face_coords((h, w), box)
        t_jaw = 0.5 * (geo.t_of(JAW_LEFT) + geo.t_of(JAW_RIGHT))
        t_chin = geo.t_of(CHIN)
        top = 1.0 + self.hair_extent
        centre_t, half_t = (t_jaw + top) / 2.0, (top - t_jaw) / 2.0 + 0.35
        in_ellipse = (s / self.hair_width) ** 2 + ((t - centre_t) / half_t) ** 2 <= 1.0
        zone = in_ellipse & (t >= t_jaw)
        low_band = in_ellipse & (t < t_jaw) & (t >= t_chin) & (np.abs(s) > 0.6)

        # 4. Person inside the zone: a sharper segmentation of the head region when it is small
        roi_person = person[y0:y1, x0:x1] > 0
        if (x1 - x0) * (y1 - y0) < 0.5 * h * w:
            roi_prob = self._segment(np.ascontiguousarray(image[y0:y1, x0:x1]))
            roi_person = roi_prob > self.person_threshold
        roi_face = face[y0:y1, x0:x1] > 0
        lab = cv2.cvtColor(np.ascontiguousarray(image[y0:y1, x0:x1]), cv2.COLOR_RGB2LAB)
        candidates = roi_person & ~roi_face
        hair = candidates & zone

        # 4a. Long hair below the jaw line: only where it looks like the hair on the crown
        low = candidates & low_band
        hair_dist = colour_distance(lab[low], lab[hair & (t > 1.15)])
        if hair_dist is not None:
            hair[low] = hair_dist < self.colour_tolerance

        # 4b. Upper forehead: skin-coloured, above the middle of the oval, within its width
        features = geo.fill((h, w), LEFT_EYE, RIGHT_EYE, LEFT_EYEBROW, RIGHT_EYEBROW, LIPS)
        skin_ref = roi_face & (features[y0:y1, x0:x1] == 0)
        upper = hair & (t > 0.3) & (np.abs(s) < 0.95)
        skin_dist = colour_distance(lab[upper], lab[skin_ref])
        roi_face_ext = roi_face.copy()
        if skin_dist is not None:
            forehead = np.zeros_like(upper)
            forehead[upper] = skin_dist < self.colour_tolerance
            forehead_u8 = forehead.astype(np.uint8) * 255
            joined = keep_component(forehead_u8 | roi_face.astype(np.uint8) * 255,
                                    prefer=roi_face.astype(np.uint8) * 255) > 0
            roi_face_ext |= joined & forehead
            hair &= ~roi_face_ext

        # 5. Head: clean, keep the part attached to the face, fill holes
        head_roi = (hair | roi_face_ext).astype(np.uint8) * 255
        kernel = ellipse_kernel(0.04 * geo.size)
        head_roi = cv2.morphologyEx(head_roi, cv2.MORPH_OPEN, kernel)
        head_roi = cv2.morphologyEx(head_roi, cv2.MORPH_CLOSE, kernel)
        head_roi = keep_component(head_roi, prefer=roi_face.astype(np.uint8) * 255)
        head = empty.copy()
        head[y0:y1, x0:x1] = head_roi
        face[y0:y1, x0:x1] |= roi_face_ext.astype(np.uint8) * 255
        head |= face
        hair_out = np.where(face > 0, 0, head).astype(np.uint8)
        return Parsing(head=head, face=face, hair=hair_out, person=person)

    def _segment(self, image: np.ndarray) -> np.ndarray:
        with self._lock:
            result = self._segmenter.process(image)
        mask = result.segmentation_mask
        if mask is None:  # pragma: no cover - MediaPipe always returns a mask
            return np.zeros(image.shape[:2], np.float32)
        return mask

    @staticmethod
    def _clean_person(binary: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
        """Open/close with a kernel of ~0.5 % of the image side, drop specks (< 2 % of the
        largest part), fill holes smaller than 0.1 % of the image."""
        mask = binary.astype(np.uint8) * 255
        kernel = ellipse_kernel(0.005 * min(shape))
        mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)
        mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel)
        count, labels, stats, _ = cv2.connectedComponentsWithStats(mask // 255, connectivity=8)
        if count > 1:
            areas = stats[1:, cv2.CC_STAT_AREA]
            keep = np.zeros(count, bool)
            keep[1:] = areas >= 0.02 * areas.max()
            mask = np.where(keep[labels], 255, 0).astype(np.uint8)
        holes = cv2.bitwise_not(mask)
        count, labels, stats, _ = cv2.connectedComponentsWithStats(holes // 255, connectivity=4)
        small = np.zeros(count, bool)
        small[1:] = stats[1:, cv2.CC_STAT_AREA] < 0.001 * shape[0] * shape[1]
        touches = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
        small[touches] = False
        mask[small[labels]] = 255
        return mask

    def _zone_box(self, geo: FaceGeometry, shape: tuple[int, int]) -> tuple[int, int, int, int]:
        """Image-space bounding box of the head zone (all of it, any head tilt)."""
        h, w = shape
        reach = max(self.hair_width * geo.width / 2.0, (1.0 + self.hair_extent) * geo.height / 2.0)
        reach *= 1.15
        cx, cy = geo.centre
        x0, y0 = int(max(0, np.floor(cx - reach))), int(max(0, np.floor(cy - reach)))
        x1, y1 = int(min(w, np.ceil(cx + reach))), int(min(h, np.ceil(cy + reach)))
        return x0, y0, max(x1, x0 + 1), max(y1, y0 + 1)

    def close(self) -> None:
        with self._lock:
            self._segmenter.close()
        self._landmarker.close()


@register_backend(ROLE, "mediapipe_head")
def _build_mediapipe_head(source: ResolvedSource, **options: Any) -> HeadParser:
    require_builtin(source, "mediapipe_head", "uses the MediaPipe models inside the mediapipe wheel")
    return HeadParser(**options)


# ---------------------------------------------------------------------------------------------
# modelscope_m2fp backend (the paper's model)


class M2FPHeadParser:
    """The paper's parser: M2FP multi-human parsing (``damo/cv_resnet101_image-multiple-human-
    parsing``) through a ``modelscope`` pipeline, post-processed like FaceChain's
    ``get_mask_head``: the largest ``Face``, ``Hair`` and ``Human`` masks above ``score_threshold``;
    head = (face + hair) dilated by sqrt(face area) / 20, cut to the human, the largest component
    filled, plus the face."""

    def __init__(self, pipeline: Any, *, score_threshold: float = 0.8):
        self._pipeline = pipeline
        self.score_threshold = float(score_threshold)
        self._lock = threading.Lock()

    def __call__(self, image: np.ndarray) -> Parsing:
        from PIL import Image

        image = check_rgb_image(image)
        h, w = image.shape[:2]
        with self._lock:
            result = self._pipeline(Image.fromarray(image))
        best = parse_m2fp_output(result, (h, w), self.score_threshold)
        empty = np.zeros((h, w), np.uint8)
        face, hair, person = (best.get(k, empty) for k in ("Face", "Hair", "Human"))
        if not face.any():
            return Parsing(head=empty, face=empty.copy(), hair=empty.copy(), person=person)
        head = face | hair
        ksize = max(int(np.sqrt((face > 0).sum()) / 20), 1)
        head = cv2.dilate(head, np.ones((ksize, ksize), np.uint8))
        if person.any():
            head &= person
        head = keep_component(head, prefer=face) | face
        return Parsing(head=head, face=face, hair=np.where(face > 0, 0, head).astype(np.uint8),
                       person=person)


def parse_m2fp_output(result: dict, shape: tuple[int, int], score_threshold: float = 0.8,
                      labels: tuple[str, ...] = ("Face", "Hair", "Human")) -> dict[str, np.ndarray]:
    """The largest mask per wanted label from ModelScope's M2FP human-parsing pipeline output
    (``ImageHumanParsingPipeline.postprocess``): ``{"masks": [N float64 (H, W) arrays of 0/1],
    "labels": [N class names such as "Face", "Hair", "Human"], "scores": [N floats]}``, masks
    at the input image's size (resized to ``shape`` if not). As FaceChain's ``get_mask_head``:
    only scores above ``score_threshold``, the mask with the most pixels per label. Returns
    uint8 0/255 masks of ``shape`` by label (a label not found is absent)."""
    h, w = shape
    try:
        masks, names, scores = result["masks"], result["labels"], result["scores"]
    except (KeyError, TypeError) as exc:
        raise ModelSourceError(ROLE, f"M2FP output lacks masks/labels/scores: {exc}") from exc
    if not len(masks) == len(names) == len(scores):
        raise ModelSourceError(ROLE, f"M2FP gave {len(masks)} masks, {len(names)} labels and "
                                     f"{len(scores)} scores")
    best: dict[str, np.ndarray] = {}
    for label, score, mask in zip(names, scores, masks):
        if float(score) <= score_threshold or label not in labels:
            continue
        mask = np.asarray(mask, np.float32)
        if mask.ndim != 2:
            raise ModelSourceError(ROLE, f"M2FP mask for {label!r} has shape {mask.shape}")
        if mask.shape != (h, w):
            mask = cv2.resize(mask, (w, h), interpolation=cv2.INTER_LINEAR)
        mask = (mask > 0.5).astype(np.uint8) * 255
        if label not in best or mask.sum() > best[label].sum():
            best[label] = mask
    return best


# M2FP reads ModelFile.TORCH_MODEL_FILE (modelscope/models/cv/image_human_parsing/m2fp_net.py)
M2FP_WEIGHTS = ("configuration.json", "pytorch_model.pt")


@register_backend(ROLE, "modelscope_m2fp", weights=M2FP_WEIGHTS)
def _build_modelscope_m2fp(source: ResolvedSource, **options: Any) -> M2FPHeadParser:
    pipe = build_modelscope_pipeline(source, "image_segmentation", M2FP_MODEL_ID,
                                     what="modelscope_m2fp (M2FP)", weights=M2FP_WEIGHTS)
    return M2FPHeadParser(pipe, **options)
