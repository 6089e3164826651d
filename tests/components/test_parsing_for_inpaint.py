"""The parsing role as the inpaint mask recipe uses it: on square face crops (zero-padded at the
image edge), with the face mask checked against dlib's 68 landmarks (independent of the mesh)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from facechain.components.inpaint_masks import (
    eye_line,
    eye_split_mask,
    soft_person_mask,
    square_face_crop,
)


@pytest.fixture(scope="module")
def parser(registry):
    component = registry.build("human_parsing")
    yield component
    component.close()


@pytest.fixture(scope="module")
def landmarker(registry):
    return registry.build("landmarks")


def hull(points: np.ndarray, shape) -> np.ndarray:
    mask = np.zeros(shape, np.uint8)
    cv2.fillPoly(mask, [cv2.convexHull(np.round(points).astype(np.int32))], 255)
    return mask > 0


@pytest.mark.parametrize("name", ["obama.jpg", "biden.jpg"])
def test_face_mask_of_a_square_crop(parser, detector, landmarker, images, name):
    """On the 512 px crop the pipeline makes: the face mask holds the 68-point hull (measured 96 %),
    stops near the chin (no neck), and the person mask holds the face and the shoulders."""
    image = images[name]
    face = max(detector(image), key=lambda f: f.area)
    crop = square_face_crop(image, face.box)
    faces = detector(crop.image)
    assert len(faces) == 1
    points = landmarker(crop.image, faces[0])
    p = parser(crop.image)
    assert p.face.shape == (512, 512)
    inner = hull(points, (512, 512))
    assert (p.face[inner] > 0).mean() > 0.9
    chin = float(points[8, 1])
    face_height = chin - float(points[19, 1])
    rows = np.nonzero(p.face.any(axis=1))[0]
    assert rows.max() < chin + 0.1 * face_height, "no neck in the face mask"
    assert not (p.face & p.hair).any()
    assert (p.person[inner] > 0).mean() > 0.95
    assert (p.person[-25:] > 0).mean() > 0.3, "the shoulders at the bottom of the crop"
    # The recipe on it: split at the eye line, bigger below than above.
    mask = eye_split_mask(p.face, eye_line(points))
    assert (mask >= p.face).all()
    eye = int(np.ceil(eye_line(points)))
    grown_below = (mask[eye:] > 0).sum() - (p.face[eye:] > 0).sum()
    grown_above = (mask[:eye] > 0).sum() - (p.face[:eye] > 0).sum()
    assert grown_below > 2 * grown_above
    alpha = soft_person_mask(p.person)
    assert (alpha[p.person == 0] == 0).all() and alpha[inner].mean() > 0.9


def test_crop_zero_padded_at_the_image_edge(parser, detector, images):
    """A face near the image edge: the crop is padded with black; parsing still finds the face."""
    image = images["obama2.jpg"]
    face = max(detector(image), key=lambda f: f.area)
    x0, y0, x1, y1 = face.box
    shifted = np.ascontiguousarray(image[:, int(x0 + 0.25 * (x1 - x0)):])  # face cut at the left
    box = max(detector(shifted), key=lambda f: f.area).box
    crop = square_face_crop(shifted, box)
    assert crop.window[0] < 0 and (crop.image[:, :8] == 0).all()
    p = parser(crop.image)
    assert p.face.any()
    cx, cy = crop.to_crop(np.array([[(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]]))[0]
    assert p.face[int(cy), int(cx)] == 255


def test_no_face_is_empty_masks_through_the_recipe(parser, images):
    """Upstream crashes here; parsing returns empty face masks and the recipe empty masks."""
    background = np.ascontiguousarray(images["obama.jpg"][:350, :260])
    p = parser(background)
    assert not p.face.any()
    assert not eye_split_mask(p.face, 100.0).any()
