"""Garment segmentation (role ``garment_segmentation``): the mask of what a person wears, for
virtual try-on (keep the garment, redraw everything else).

Upstream FaceChain takes the M2FP parsing classes UpperClothes + Coat + Dress + Pants + Skirt of
the largest person [try L134]. No parsing network with clothing classes has offline weights, so
the offline backend is a classical algorithm:

Backend ``classical`` (:class:`ClassicalGarmentSegmenter`), "person minus head, hair, neck and
skin": MediaPipe selfie segmentation (the person), the face mesh (face and hair, through the
``mediapipe_head`` parser), MediaPipe Pose (which person, where the shoulders are) and Hands (hand
regions), and a skin colour model calibrated on the person's own face (a Gaussian in Lab fitted
to the inner face pixels; every person pixel within a Mahalanobis distance of it is skin: hands,
bare arms, neck, legs). What is left of the person below the chin is the garment.

Calibrated on obama.jpg and astronaut.png of ``tests/fixtures/faces`` (skin threshold: inner-face
pixels lie at distance <= ~3.4 at their 95th percentile, suit and flight-suit pixels at >= ~4.2 at
their 5th); obama2, obama3 and biden are held-out test photos.

Limits: a garment coloured like the wearer's skin is cut away where it matches; a held object
inside the person's silhouette (a helmet, a microphone) counts as garment. A person is one the
segmentation finds *and* the face mesh or the pose confirms (the segmenter alone sees people in
flags and curtains), so a torso cropped at the neck with no detectable pose is reported as no
person: the caller sends the mask then. Without a face, skin is a generic rule (YCrCb box)
instead of the calibrated model. No person is a :class:`facechain.errors.NoPersonError`.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import cv2
import numpy as np

from facechain.components.conditions import ConditionAnnotator
from facechain.components.human_parsing import (
    HeadParser,
    check_rgb_image,
    colour_distance,
    ellipse_kernel,
    keep_component,
)
from facechain.errors import InvalidInputError, ModelSourceError, NoPersonError
from facechain.registry import ResolvedSource, register_backend, require_builtin
from facechain.types import GarmentParsing, Parsing

logger = logging.getLogger(__name__)

ROLE = "garment_segmentation"

# Skin model: Mahalanobis distance (Lab) to the inner-face colour distribution below which a pixel
# is skin (calibrated as in the module docstring); the neck zone uses a looser one (shadowed skin).
SKIN_DISTANCE = 3.0
NECK_SKIN_DISTANCE = 4.5
# Inner face = the face mask eroded by this fraction of the face size (drops hairline, brows' edge).
FACE_CORE_EROSION = 0.15
# Generic skin rule without a face to calibrate on (Chai & Ngan 1999, YCrCb).
GENERIC_CR = (133, 173)
GENERIC_CB = (77, 127)
# Head (face + hair) grows by this fraction of the face size before it is cut out.
HEAD_MARGIN = 0.06
# Hands: hull of the 21 landmarks grown by this fraction of the palm length (wrist to middle MCP).
HAND_MARGIN = 0.35
# A person is present when the segmentation covers this fraction of the image and the face mesh
# or the pose (both shoulders) confirms it.
MIN_PERSON_FRACTION = 0.01
# Several people: the pose's person spans its keypoints' columns widened by this many shoulder
# widths each side (where its hands and face are looked for).
PERSON_MARGIN = 0.5
# Clean-up: opening kernel (fraction of the image's short side); parts below this fraction of the
# largest garment part are dropped.
OPEN_FRACTION = 0.006
MIN_PART_FRACTION = 0.02


class ClassicalGarmentSegmenter:
    """Garment mask of the main person of a photo: uint8 (H, W), 255 = garment (kept in try-on).

    1. Person, face and hair: :class:`HeadParser` (selfie segmentation + face mesh);
    2. pose and hands: :class:`ConditionAnnotator` keypoints (MediaPipe Pose, Hands);
    3. no person -> :class:`NoPersonError`; several people -> the pose's person: the
       segment under its torso (else the one holding the face), its hands, and its face (parsed
       again in the columns its keypoints span when the largest face is someone else's); when
       BlazeFace sees another person's face, the person mask is cut to those columns too (so
       touching silhouettes part);
    4. skin = person pixels close to the face's colour (Lab Mahalanobis), looser in the neck zone
       (between the chin and the shoulders, jaw-wide);
    5. garment = person - head (grown face + hair, and everything above the chin, from the
       pose's head points when the mesh finds no face) - skin - grown hand hulls, opened, small
       parts dropped.

    ``__call__`` returns the garment mask; :meth:`segment` returns it with the other masks
    try-on needs (:class:`facechain.types.GarmentParsing`: person, head, neck, arms).

    The MediaPipe graphs are built once here; calls are serialised (MediaPipe is not
    thread-safe, and both helpers hold their own locks too).
    """

    def __init__(self, *, skin_distance: float = SKIN_DISTANCE,
                 neck_skin_distance: float = NECK_SKIN_DISTANCE,
                 min_person_fraction: float = MIN_PERSON_FRACTION, use_hands: bool = True):
        if skin_distance <= 0 or neck_skin_distance < skin_distance:
            raise InvalidInputError("need 0 < skin_distance <= neck_skin_distance",
                                    param="skin_distance")
        self.skin_distance = float(skin_distance)
        self.neck_skin_distance = float(neck_skin_distance)
        self.min_person_fraction = float(min_person_fraction)
        self.use_hands = bool(use_hands)  # False: hands are cut by the skin model alone
        self._parser = HeadParser()
        self._keypoints = ConditionAnnotator()
        try:
            import mediapipe as mp

            self._faces = mp.solutions.face_detection.FaceDetection(
                model_selection=1, min_detection_confidence=0.5)
        except Exception as exc:  # graph construction failure (broken install)
            raise ModelSourceError(ROLE, f"cannot build the MediaPipe face detector: {exc}") from exc
        self._lock = threading.Lock()

    def __call__(self, image: np.ndarray) -> np.ndarray:
        """The garment mask of ``image``: uint8 (H, W), 255 = garment."""
        return self.segment(image).garment

    def segment(self, image: np.ndarray) -> GarmentParsing:
        """Garment and the other try-on masks of ``image`` (:class:`GarmentParsing`)."""
        # 1. Check input; person, face, hair; pose and hands
        image = check_rgb_image(image)
        h, w = image.shape[:2]
        with self._lock:
            parsing = self._parser(image)
            body = self._keypoints.body(image)
            hands = self._keypoints.hands(image) if self.use_hands else []
        shoulders = body[[2, 5], :2]
        has_pose = bool(np.isfinite(shoulders).all())
        person = parsing.person > 0
        if has_pose:
            # Several people: the pose's person spans these columns; its hands are the ones in
            # them, and its face is parsed again there when the largest face is someone else's.
            # When another face is seen (not at the pose's head), silhouettes that touch are
            # cut at the columns.
            x0, x1 = self._person_columns(body, w)
            if self._other_faces(image, body):
                zone = np.zeros((h, w), bool)
                zone[:, x0:x1] = True
                person &= zone
            hands = [hand for hand in hands if x0 <= float(hand[0, 0]) < x1]
            face_pixels = parsing.face > 0
            if face_pixels.any() and face_pixels[:, x0:x1].sum() < 0.5 * face_pixels.sum():
                with self._lock:
                    sub = self._parser(np.ascontiguousarray(image[:, x0:x1]))
                parsing = Parsing(head=_pad_columns(sub.head, x0, w),
                                  face=_pad_columns(sub.face, x0, w),
                                  hair=_pad_columns(sub.hair, x0, w), person=parsing.person)
        face = parsing.face > 0

        # 2. Is there a person at all?
        fraction = float(person.mean())
        if fraction < self.min_person_fraction or not (has_pose or face.any()):
            raise NoPersonError(
                "no person found in the garment photo (send a photo of someone wearing the "
                "garment, or the garment mask)", param="image")

        # 3. The main person: the segment under the torso, else the one holding the face
        prefer = self._torso_seed(body, (h, w))
        if prefer is None and face.any():
            prefer = parsing.face
        person = keep_component(person.astype(np.uint8) * 255, prefer=prefer) > 0

        # 4. Head (grown face + hair, and everything above the chin) and skin (calibrated on the
        #    face when there is one; looser in the neck zone)
        size = float(np.sqrt(max(face.sum(), 1)))
        head = np.zeros((h, w), bool)
        if face.any():
            head = cv2.dilate(parsing.head, ellipse_kernel(HEAD_MARGIN * size)) > 0
            chin = int(np.nonzero(face.any(axis=1))[0].max())
        else:
            chin = self._chin_from_pose(body)
        head[:chin + 1] = True
        head &= person
        skin_d = self._skin_distance(image, face, size)
        neck_zone = self._neck_zone(face, body, (h, w), size)
        if skin_d is None:
            skin = self._generic_skin(image)
        else:
            skin = (skin_d < self.skin_distance) | (neck_zone & (skin_d < self.neck_skin_distance))
        skin &= person & ~head
        neck = skin & neck_zone
        hand_regions = np.zeros((h, w), bool)
        for hand in hands:
            hand_regions |= self._hand_region(hand, (h, w))
        arms = (skin & ~neck) | (hand_regions & person & ~head)

        # 5. Garment = person - head - skin - hands; clean up
        garment = person & ~head & ~skin & ~hand_regions
        mask = self._clean(garment.astype(np.uint8) * 255, (h, w))
        if not mask.any():
            raise InvalidInputError("no garment found on the person in the photo (send the "
                                    "garment mask)", param="image")
        logger.debug("garment: %.1f %% of the image, %d hands, face %s", 100 * (mask > 0).mean(),
                     len(hands), bool(face.any()))

        def u8(m: np.ndarray) -> np.ndarray:
            return m.astype(np.uint8) * 255

        return GarmentParsing(garment=mask, person=u8(person), head=u8(head), neck=u8(neck),
                              arms=u8(arms & ~neck & (mask == 0)))

    # -- helpers -------------------------------------------------------------------------------

    @staticmethod
    def _torso_seed(body: np.ndarray, shape: tuple[int, int]) -> np.ndarray | None:
        """Filled quadrilateral shoulders -> hips (or a band under the shoulders without hips)."""
        rs, ls, rh, lh = body[2, :2], body[5, :2], body[8, :2], body[11, :2]
        if not (np.isfinite(rs).all() and np.isfinite(ls).all()):
            return None
        width = float(np.linalg.norm(ls - rs))
        if np.isfinite(rh).all() and np.isfinite(lh).all():
            polygon = np.array([rs, ls, lh, rh])
        else:
            down = np.array([0.0, 0.6 * width])
            polygon = np.array([rs, ls, ls + down, rs + down])
        seed = np.zeros(shape, np.uint8)
        cv2.fillPoly(seed, [np.round(polygon).astype(np.int32)], 255)
        return seed if seed.any() else None

    def _other_faces(self, image: np.ndarray, body: np.ndarray) -> int:
        """How many detected faces (BlazeFace, full range) are not the pose person's: their
        centre is farther than one face width from the pose's nose (or its eyes' midpoint)."""
        head = body[0, :2] if np.isfinite(body[0, :2]).all() else np.nanmean(body[[14, 15], :2], 0)
        h, w = image.shape[:2]
        with self._lock:
            result = self._faces.process(image)
        others = 0
        for detection in result.detections or []:
            b = detection.location_data.relative_bounding_box
            centre = np.array([(b.xmin + b.width / 2) * w, (b.ymin + b.height / 2) * h])
            if not np.isfinite(head).all() or \
                    np.linalg.norm(centre - head) > max(b.width * w, b.height * h):
                others += 1
        return others

    @staticmethod
    def _person_columns(body: np.ndarray, width: int) -> tuple[int, int]:
        """Columns of the pose's person: its keypoints' x span, widened by PERSON_MARGIN
        shoulder widths each side (sleeves, loose garments)."""
        points = body[np.isfinite(body).all(axis=1), :2]
        shoulder = float(np.linalg.norm(body[5, :2] - body[2, :2]))
        margin = PERSON_MARGIN * shoulder
        x0 = int(max(0, np.floor(points[:, 0].min() - margin)))
        x1 = int(min(width, np.ceil(points[:, 0].max() + margin)))
        return x0, max(x1, x0 + 1)

    @staticmethod
    def _chin_from_pose(body: np.ndarray) -> int:
        """Without a face mesh: the lowest head keypoint (nose, eyes, ears) plus 0.2 shoulder
        widths stands in for the chin; without head keypoints, 0.3 widths above the shoulders."""
        shoulders = body[[2, 5], :2]
        width = float(np.linalg.norm(shoulders[1] - shoulders[0]))
        head = body[[0, 14, 15, 16, 17], 1]
        head = head[np.isfinite(head)]
        if head.size:
            return max(int(head.max() + 0.2 * width), 0)
        return max(int(shoulders[:, 1].min() - 0.3 * width), 0)

    @staticmethod
    def _skin_distance(image: np.ndarray, face: np.ndarray, size: float) -> np.ndarray | None:
        """Per-pixel Mahalanobis distance (Lab) to the inner-face colours, or None."""
        if not face.any():
            return None
        core = cv2.erode(face.astype(np.uint8), ellipse_kernel(FACE_CORE_EROSION * size)) > 0
        lab = cv2.cvtColor(image, cv2.COLOR_RGB2LAB)
        distance = colour_distance(lab.reshape(-1, 3), lab[core])
        return None if distance is None else distance.reshape(face.shape)

    @staticmethod
    def _generic_skin(image: np.ndarray) -> np.ndarray:
        ycrcb = cv2.cvtColor(image, cv2.COLOR_RGB2YCrCb)
        cr, cb = ycrcb[:, :, 1], ycrcb[:, :, 2]
        return ((cr >= GENERIC_CR[0]) & (cr <= GENERIC_CR[1]) & (cb >= GENERIC_CB[0])
                & (cb <= GENERIC_CB[1]))

    @staticmethod
    def _neck_zone(face: np.ndarray, body: np.ndarray, shape: tuple[int, int], size: float
                   ) -> np.ndarray:
        """Below the chin, as wide as the face, down to the shoulder line (or 0.8 face sizes)."""
        zone = np.zeros(shape, bool)
        if not face.any():
            return zone
        rows = np.nonzero(face.any(axis=1))[0]
        cols = np.nonzero(face.any(axis=0))[0]
        chin = int(rows.max())
        bottom = chin + 0.8 * size
        shoulders = body[[2, 5], 1]
        if np.isfinite(shoulders).all():
            bottom = max(float(shoulders.mean()), chin + 0.2 * size)
        zone[chin:int(min(shape[0], bottom)), int(cols.min()):int(cols.max()) + 1] = True
        return zone

    @staticmethod
    def _hand_region(hand: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
        points = hand[:, :2]
        if not np.isfinite(points).all():
            return np.zeros(shape, bool)
        palm = max(float(np.linalg.norm(points[9] - points[0])), 1.0)
        region = np.zeros(shape, np.uint8)
        cv2.fillPoly(region, [cv2.convexHull(np.round(points).astype(np.int32))], 255)
        return cv2.dilate(region, ellipse_kernel(2 * HAND_MARGIN * palm)) > 0

    @staticmethod
    def _clean(mask: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
        mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, ellipse_kernel(OPEN_FRACTION * min(shape)))
        count, labels, stats, _ = cv2.connectedComponentsWithStats(mask // 255, connectivity=8)
        if count <= 1:
            return np.zeros_like(mask)
        areas = stats[1:, cv2.CC_STAT_AREA]
        keep = np.zeros(count, bool)
        keep[1:] = areas >= MIN_PART_FRACTION * areas.max()
        return np.where(keep[labels], 255, 0).astype(np.uint8)

    def close(self) -> None:
        with self._lock:
            self._parser.close()
            self._keypoints.close()
            self._faces.close()


def _pad_columns(mask: np.ndarray, x0: int, width: int) -> np.ndarray:
    """A mask of columns x0.. of an image, back in the whole image's width (zeros elsewhere)."""
    out = np.zeros((mask.shape[0], width), mask.dtype)
    out[:, x0:x0 + mask.shape[1]] = mask
    return out


@register_backend(ROLE, "classical")
def _build_classical(source: ResolvedSource, **options: Any) -> ClassicalGarmentSegmenter:
    require_builtin(source, "classical", "uses the MediaPipe models inside the mediapipe wheel")
    return ClassicalGarmentSegmenter(**options)
