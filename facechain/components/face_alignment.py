"""Face geometry shared by several stages (no model): quarter-turn rotation, in-plane roll from the
5 landmarks, and the aligned square crop of DESIGN.md §1 stages 3-4.

Angle conventions:

- :func:`rotate_image` turns an image *clockwise* by 0/90/180/270 degrees (``Rotation.angle``).
- :func:`roll_angle` is the face's in-plane tilt in degrees, counter-clockwise on screen, i.e.
  OpenCV's ``getRotationMatrix2D`` convention: positive when the image-right eye is higher than
  the image-left one. ``cv2.getRotationMatrix2D(center, -roll, 1)`` levels the face.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from facechain.errors import InvalidInputError
from facechain.types import Face

# ArcFace / InsightFace 112x112 template: left eye, right eye, nose tip, left / right mouth corner
# (image-left first), the same order as ``Face.landmarks``.
ARCFACE_TEMPLATE_112 = np.array([[38.2946, 51.6963],
                                 [73.5318, 51.5014],
                                 [56.0252, 71.7366],
                                 [41.5493, 92.3655],
                                 [70.7299, 92.2041]], dtype=np.float64)

# Longer side of a detector box / rms distance of the 5 landmarks from their centroid: mean 3.85
# (spread 3.1-4.3) over dlib HOG (1024 px and full resolution) and MediaPipe boxes of the four
# fixture photos. Used to size the crop from landmarks alone.
FACE_SIDE_PER_RMS = 3.85


def _normalise(points: np.ndarray) -> np.ndarray:
    """Mean-subtracted, divided by the (scalar) standard deviation of all coordinates."""
    centred = points - points.mean(axis=0)
    std = float(np.std(centred))
    if not std > 1e-9:
        raise InvalidInputError("degenerate landmarks (all points coincide)", param="landmarks")
    return centred / std


def roll_angle(landmarks5: np.ndarray) -> float:
    """In-plane roll of a face in degrees (counter-clockwise on screen, see module docstring).

    The paper's least squares: P1 = normalised landmarks, P2 = normalised ArcFace template (both
    5x2), R = ((P1ᵀP1)⁻¹P1ᵀP2)ᵀ maps landmarks onto the template, θ = atan2(R21, R22). In image
    coordinates (y down) R rotates *clockwise* by θ, which undoes a counter-clockwise tilt of θ,
    so θ is returned as is.
    """
    points = np.asarray(landmarks5, dtype=np.float64)
    if points.shape != (5, 2) or not np.all(np.isfinite(points)):
        raise InvalidInputError(f"expected finite (5, 2) landmarks, got shape {points.shape}",
                                param="landmarks")
    p1 = _normalise(points)
    p2 = _normalise(ARCFACE_TEMPLATE_112)
    try:
        m = np.linalg.solve(p1.T @ p1, p1.T @ p2)  # (P1ᵀP1)⁻¹ P1ᵀ P2
    except np.linalg.LinAlgError:
        raise InvalidInputError("degenerate landmarks (collinear points)", param="landmarks") from None
    r = m.T
    return math.degrees(math.atan2(r[1, 0], r[1, 1]))


def rotate_image(image: np.ndarray, angle: int) -> np.ndarray:
    """Rotate ``image`` clockwise by ``angle`` (a multiple of 90 degrees); C-contiguous copy."""
    if int(angle) % 90 != 0:
        raise InvalidInputError(f"angle must be a multiple of 90, got {angle}", param="angle")
    turns = (int(angle) // 90) % 4
    if turns == 0:
        return image
    return np.ascontiguousarray(np.rot90(image, k=-turns))


def rotate_points(points: np.ndarray, angle: int, shape: tuple[int, ...]) -> np.ndarray:
    """Map pixel coordinates of an image of ``shape`` (H, W, ...) to the same pixels in
    ``rotate_image(image, angle)``."""
    if int(angle) % 90 != 0:
        raise InvalidInputError(f"angle must be a multiple of 90, got {angle}", param="angle")
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    x, y = pts[:, 0], pts[:, 1]
    height, width = shape[0], shape[1]
    turns = (int(angle) // 90) % 4
    if turns == 0:
        out = np.stack([x, y], axis=1)
    elif turns == 1:  # clockwise: top-left corner goes to top-right
        out = np.stack([height - 1 - y, x], axis=1)
    elif turns == 2:
        out = np.stack([width - 1 - x, height - 1 - y], axis=1)
    else:
        out = np.stack([y, width - 1 - x], axis=1)
    return out.reshape(np.shape(points))


@dataclass(frozen=True)
class AlignedCrop:
    """An aligned square face crop.

    ``face`` is the input face in crop pixels, ``matrix`` the 2x3 affine map from input-image
    pixels to crop pixels, ``roll`` the face's roll (degrees) in the input that was undone.
    """

    image: np.ndarray
    face: Face
    matrix: np.ndarray
    roll: float


def transform_points(matrix: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Apply a 2x3 affine ``matrix`` to (N, 2) points."""
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    return pts @ matrix[:, :2].T + matrix[:, 2]


def landmark_face_size(landmarks5: np.ndarray) -> float:
    """Face size (px) from the 5 landmarks: ``FACE_SIDE_PER_RMS`` x their rms distance from the
    centroid, i.e. an estimate of a detector box's longer side that does not depend on the
    detector (see ``FACE_SIDE_PER_RMS``)."""
    points = np.asarray(landmarks5, dtype=np.float64).reshape(-1, 2)
    rms = float(np.sqrt(((points - points.mean(axis=0)) ** 2).sum(axis=1).mean()))
    return FACE_SIDE_PER_RMS * rms


def align_and_crop(image: np.ndarray, face: Face, size: int = 512, face_ratio: float = 0.4,
                   center_y: float = 0.42) -> AlignedCrop:
    """Level the eyes and crop a ``size`` x ``size`` square around ``face``.

    1. Roll: :func:`roll_angle` of the 5 landmarks; the image is rotated by -roll about the
       landmark centroid.
    2. Scale: the face size is :func:`landmark_face_size` (the 5 landmarks, not the detector box:
       HOG boxes jump ~20% between pyramid levels, the landmark spread ~2%), scaled to
       ``face_ratio`` of the crop side (the paper samples 0.35-0.45).
    3. Placement: the landmark centroid (the face centre; detector box centres sit within ~6% of
       the face size of it) goes to x = 0.5 and y = ``center_y`` of the side; 0.42 leaves ~0.22
       of the side above the face for hair and ~0.38 below for chin, neck and shoulders.
    Pixels outside the photo are filled by replicating its border. Big reductions are done by an
    area resize first, so the crop does not alias. The returned face is the input face mapped
    into the crop: landmarks through the affine map, the box as the same-size box around the
    mapped box centre (rotated with the face, so it stays axis-aligned).
    """
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.ndim != 3:
        raise InvalidInputError("expected a uint8 RGB image (H, W, 3)", param="image")
    if not 0.05 <= face_ratio <= 1.0:
        raise InvalidInputError(f"face_ratio must be in [0.05, 1], got {face_ratio}",
                                param="face_ratio")
    if not 0.0 < center_y < 1.0:
        raise InvalidInputError(f"center_y must be in (0, 1), got {center_y}", param="center_y")
    if size < 16:
        raise InvalidInputError(f"size must be >= 16, got {size}", param="size")

    # 1.-3. One similarity transform: rotate by -roll and scale about the face centre, then move
    # the face centre to its place in the crop.
    roll = roll_angle(face.landmarks)  # validates the landmarks
    face_size = landmark_face_size(face.landmarks)
    scale = size * face_ratio / face_size
    cx, cy = (float(v) for v in np.asarray(face.landmarks, dtype=np.float64).mean(axis=0))
    # cv2.getRotationMatrix2D((cx, cy), -roll, scale) in float64, centre sent to its place
    alpha = scale * math.cos(math.radians(-roll))
    beta = scale * math.sin(math.radians(-roll))
    matrix = np.array([[alpha, beta, size * 0.5 - alpha * cx - beta * cy],
                       [-beta, alpha, size * center_y + beta * cx - alpha * cy]])

    crop = _warp(image, matrix, size, scale)

    (bx, by), = transform_points(matrix, [face.center])
    half_w, half_h = face.width * scale / 2.0, face.height * scale / 2.0
    crop_face = Face(box=(float(bx - half_w), float(by - half_h), float(bx + half_w),
                          float(by + half_h)),
                     landmarks=transform_points(matrix, face.landmarks), score=face.score)
    return AlignedCrop(image=crop, face=crop_face, matrix=matrix, roll=roll)


def _warp(image: np.ndarray, matrix: np.ndarray, size: int, scale: float) -> np.ndarray:
    """warpAffine with border replication; for reductions below 0.8 the image is first shrunk
    with area interpolation so the remaining warp is ~1:1."""
    source, m = image, matrix
    if scale < 0.8:
        height, width = image.shape[:2]
        new_w, new_h = max(1, round(width * scale)), max(1, round(height * scale))
        source = cv2.resize(image, (new_w, new_h), interpolation=cv2.INTER_AREA)
        fx, fy = new_w / width, new_h / height
        # pixel centres: x = (u + 0.5) / fx - 0.5 (cv2.resize's mapping)
        m = matrix @ np.array([[1 / fx, 0, 0.5 / fx - 0.5], [0, 1 / fy, 0.5 / fy - 0.5], [0, 0, 1]])
    flags = cv2.INTER_CUBIC if scale > 1.0 else cv2.INTER_LINEAR
    return cv2.warpAffine(source, m, (size, size), flags=flags, borderMode=cv2.BORDER_REPLICATE)
