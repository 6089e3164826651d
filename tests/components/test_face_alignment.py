"""Roll estimation, quarter turns and the aligned 512x512 crop (DESIGN.md §1 stages 3-4)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from facechain.components.face_alignment import (
    ARCFACE_TEMPLATE_112,
    AlignedCrop,
    align_and_crop,
    landmark_face_size,
    roll_angle,
    rotate_image,
    rotate_points,
    transform_points,
)
from facechain.errors import InvalidInputError
from facechain.types import Face

PHOTOS = ["obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg"]


def _rotate(points: np.ndarray, angle: float, center=(0.0, 0.0), scale: float = 1.0):
    """Points turned counter-clockwise on screen by ``angle`` (OpenCV convention)."""
    return transform_points(cv2.getRotationMatrix2D(center, angle, scale), points)


def _eyes_dy(face: Face) -> float:
    return float(face.landmarks[1, 1] - face.landmarks[0, 1])


def _eye_distance(face: Face) -> float:
    return float(np.linalg.norm(face.landmarks[1] - face.landmarks[0]))


# --- roll_angle ----------------------------------------------------------------------------------

@pytest.mark.parametrize("angle", [-60, -30, -12.5, -3, 0, 3, 12.5, 30, 60])
def test_roll_of_the_rotated_template_is_the_rotation(angle):
    points = _rotate(ARCFACE_TEMPLATE_112, angle, center=(56, 60), scale=3.2) + (400, 250)
    assert roll_angle(points) == pytest.approx(angle, abs=1e-6)


def test_roll_sign_convention():
    """Positive roll: the image-right eye is higher (counter-clockwise tilt on screen)."""
    points = _rotate(ARCFACE_TEMPLATE_112, 15, center=(56, 60))
    assert points[1, 1] < points[0, 1]
    assert roll_angle(points) > 0
    # undoing it with getRotationMatrix2D(center, -roll) levels the eyes
    levelled = _rotate(points, -roll_angle(points), center=(56, 60))
    assert abs(levelled[1, 1] - levelled[0, 1]) < abs(ARCFACE_TEMPLATE_112[1, 1] -
                                                      ARCFACE_TEMPLATE_112[0, 1]) + 1e-6


@pytest.mark.parametrize("angle", [-35, -20, -5, 5, 20, 35])
def test_roll_recovers_synthetic_rotations_of_real_landmarks(faces, angle):
    for face in faces.values():
        base = roll_angle(face.landmarks)
        rotated = _rotate(face.landmarks, angle, center=tuple(face.landmarks.mean(axis=0)))
        assert roll_angle(rotated) - base == pytest.approx(angle, abs=1.0)


def test_roll_of_real_faces_is_small_and_scale_invariant(faces):
    for face in faces.values():
        roll = roll_angle(face.landmarks)
        assert abs(roll) < 20
        assert roll_angle(face.landmarks * 3.0 + 17.0) == pytest.approx(roll, abs=1e-9)


@pytest.mark.parametrize("bad", [np.zeros((5, 2)), np.zeros((4, 2)),
                                 np.array([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]], float),
                                 np.full((5, 2), np.nan)])
def test_roll_rejects_degenerate_landmarks(bad):
    with pytest.raises(InvalidInputError):
        roll_angle(bad)


# --- quarter turns -------------------------------------------------------------------------------

@pytest.mark.parametrize("angle", [0, 90, 180, 270, -90, 450])
def test_rotate_image_and_points_agree(angle):
    image = np.random.default_rng(0).integers(0, 256, (30, 50, 3), dtype=np.uint8)
    turned = rotate_image(image, angle)
    assert turned.flags["C_CONTIGUOUS"]
    assert turned.shape == ((30, 50, 3) if angle % 180 == 0 else (50, 30, 3))
    points = np.array([[0, 0], [49, 0], [7, 21], [49, 29]], float)
    mapped = rotate_points(points, angle, image.shape)
    for (x, y), (u, v) in zip(points.astype(int), mapped.astype(int)):
        assert np.array_equal(image[y, x], turned[v, u])


def test_rotate_image_is_clockwise_and_inverts_rot90():
    image = np.zeros((2, 3, 3), np.uint8)
    image[0, 0] = 255  # top-left
    assert rotate_image(image, 90)[0, -1].all()  # clockwise: top-left -> top-right
    assert np.array_equal(rotate_image(np.rot90(image, 1), 90), image)
    with pytest.raises(InvalidInputError):
        rotate_image(image, 45)


# --- align_and_crop ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", PHOTOS)
def test_crop_geometry(images, faces, detector, name):
    crop = align_and_crop(images[name], faces[name])
    assert isinstance(crop, AlignedCrop)
    assert crop.image.shape == (512, 512, 3) and crop.image.dtype == np.uint8
    assert crop.matrix.shape == (2, 3)
    assert crop.roll == pytest.approx(roll_angle(faces[name].landmarks))

    # the returned face: landmarks mapped by the matrix, eyes level, centred, at the face ratio
    np.testing.assert_allclose(crop.face.landmarks,
                               transform_points(crop.matrix, faces[name].landmarks), atol=1e-9)
    assert abs(_eyes_dy(crop.face)) < 0.05 * _eye_distance(crop.face)
    assert crop.face.landmarks.mean(axis=0)[0] == pytest.approx(256, abs=1e-6)
    assert landmark_face_size(crop.face.landmarks) / 512 == pytest.approx(0.4, abs=1e-6)
    assert 0.3 < max(crop.face.width, crop.face.height) / 512 < 0.55

    # measured again on the crop: one face, eyes level, centred within 3%, ratio 0.35-0.45
    found = detector(crop.image)
    assert len(found) == 1
    again = found[0]
    assert abs(_eyes_dy(again)) < 0.06 * _eye_distance(again)
    assert abs(again.landmarks.mean(axis=0)[0] - 256) < 0.03 * 512
    assert abs(again.center[0] - 256) < 0.03 * 512
    assert 0.35 <= landmark_face_size(again.landmarks) / 512 <= 0.45
    assert 0.33 <= max(again.width, again.height) / 512 <= 0.5  # HOG box: pyramid-quantised
    # room for hair above the face, eyes in the upper half
    assert again.box[1] > 0.15 * 512 and again.landmarks[:2, 1].mean() < 256


@pytest.mark.parametrize("ratio", [0.35, 0.45])
def test_face_ratio_option(images, faces, ratio):
    crop = align_and_crop(images["obama.jpg"], faces["obama.jpg"], size=256, face_ratio=ratio)
    assert crop.image.shape == (256, 256, 3)
    assert landmark_face_size(crop.face.landmarks) / 256 == pytest.approx(ratio, abs=1e-6)


@pytest.mark.parametrize("angle", [20, -20])
def test_photo_rotated_by_20_degrees_becomes_level(images, detector, angle):
    image = images["obama.jpg"]
    height, width = image.shape[:2]
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    tilted = cv2.warpAffine(image, turn, (width, height), borderMode=cv2.BORDER_REPLICATE)
    upright_roll = roll_angle(detector(image)[0].landmarks)

    found = detector(tilted)
    assert len(found) == 1
    face = found[0]
    assert abs(_eyes_dy(face)) > 0.25 * _eye_distance(face)  # clearly tilted before
    assert roll_angle(face.landmarks) - upright_roll == pytest.approx(angle, abs=2.0)

    crop = align_and_crop(tilted, face)
    assert abs(_eyes_dy(crop.face)) < 0.05 * _eye_distance(crop.face)
    again = detector(crop.image)
    assert len(again) == 1
    assert abs(_eyes_dy(again[0])) < 0.06 * _eye_distance(again[0])
    assert abs(roll_angle(again[0].landmarks)) < 3.0


def test_matrix_maps_the_photo_onto_the_crop(images, faces):
    """The crop is the photo warped by the returned matrix (up to the anti-alias pre-shrink)."""
    image = images["obama3.jpg"]  # 1434 x 2333: the crop shrinks it, so the pre-shrink runs
    crop = align_and_crop(image, faces["obama3.jpg"])
    direct = cv2.warpAffine(image, crop.matrix, (512, 512), flags=cv2.INTER_AREA,
                            borderMode=cv2.BORDER_REPLICATE)
    diff = np.abs(crop.image.astype(np.int16) - direct.astype(np.int16))
    assert diff.mean() < 4.0


def test_outside_the_photo_is_border_replicated(images, faces):
    """A face near the left edge: the part of the crop beyond the edge repeats the edge pixels."""
    image = np.ascontiguousarray(images["obama.jpg"][:, 380:])
    face = faces["obama.jpg"]
    shifted = Face(box=(face.box[0] - 380, face.box[1], face.box[2] - 380, face.box[3]),
                   landmarks=face.landmarks - (380, 0), score=face.score)
    crop = align_and_crop(image, shifted)
    marker = cv2.warpAffine(np.zeros_like(image), crop.matrix, (512, 512),
                            borderMode=cv2.BORDER_CONSTANT, borderValue=(255, 0, 255))
    outside = np.all(marker == (255, 0, 255), axis=2)
    assert outside[20:, :50].all() and not outside[20:, -50:].any()  # the left strip is outside
    # each row of the outside strip (no roll to speak of) repeats the photo's left column
    roll = crop.roll
    assert abs(roll) < 2.0
    rows = crop.image[100:400, 5:40].astype(np.int16)
    assert (np.abs(rows - rows[:, :1]).mean()) < 6.0
    assert not np.all(crop.image[outside] == 0)


@pytest.mark.parametrize("kwargs", [{"face_ratio": 0.0}, {"face_ratio": 1.5}, {"size": 8},
                                    {"center_y": 1.0}])
def test_bad_parameters(images, faces, kwargs):
    with pytest.raises(InvalidInputError):
        align_and_crop(images["obama.jpg"], faces["obama.jpg"], **kwargs)
