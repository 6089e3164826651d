"""Garment segmentation (role ``garment_segmentation``, backend ``classical``) on the real photos.

The skin threshold was calibrated on obama.jpg and astronaut.png; obama2.jpg, obama3.jpg and
biden.jpg are held out. The references are independent of the mask's own inputs where possible:
the face by dlib (HOG box, 68-point hull; the mask uses the MediaPipe mesh), the torso by a fresh
MediaPipe Pose, the hands by a fresh MediaPipe Hands run (hands are found only in obama.jpg).
Assertions are fractions of regions with margins, never single pixels.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from facechain.components.garment_mask import ClassicalGarmentSegmenter
from facechain.errors import InvalidInputError, ModelSourceError, NoPersonError
from facechain.imageio import decode_image
from facechain.registry import ResolvedSource, backends
from facechain.types import GarmentParsing
from tests.conftest import FACES, shrink

CALIBRATION = ["obama.jpg", "astronaut.png"]
HELD_OUT = ["obama2.jpg", "obama3.jpg", "biden.jpg"]
NAMES = CALIBRATION + HELD_OUT


@pytest.fixture(scope="module")
def segmenter(registry):
    component = registry.build("garment_segmentation")
    yield component
    component.close()


@pytest.fixture(scope="module")
def photos():
    return {name: shrink(decode_image((FACES / name).read_bytes())) for name in NAMES}


@pytest.fixture(scope="module")
def masks(segmenter, photos):
    return {name: segmenter(image) for name, image in photos.items()}


@pytest.fixture(scope="module")
def mp_pose():
    import mediapipe as mp

    pose = mp.solutions.pose.Pose(static_image_mode=True, model_complexity=1)
    yield pose
    pose.close()


@pytest.fixture(scope="module")
def mp_hands():
    import mediapipe as mp

    hands = mp.solutions.hands.Hands(static_image_mode=True, max_num_hands=2)
    yield hands
    hands.close()


def hand_hulls(mp_hands, image: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """(21, 2) landmarks and filled hull mask of each hand MediaPipe Hands finds."""
    h, w = image.shape[:2]
    out = []
    for marks in mp_hands.process(image).multi_hand_landmarks or []:
        points = np.array([(m.x * w, m.y * h) for m in marks.landmark], np.float32)
        hull = np.zeros((h, w), np.uint8)
        cv2.fillPoly(hull, [cv2.convexHull(np.round(points).astype(np.int32))], 255)
        out.append((points, hull > 0))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_mask_is_binary_and_of_the_input_size(masks, photos, name):
    mask = masks[name]
    assert mask.dtype == np.uint8 and mask.shape == photos[name].shape[:2]
    assert set(np.unique(mask)) == {0, 255}
    assert 0.15 < (mask > 0).mean() < 0.8, "a garment, not the whole frame or a speck"


@pytest.mark.parametrize("name", NAMES)
def test_mask_covers_the_torso_below_the_shoulders(masks, photos, mp_pose, mp_hands, name):
    """The band 0.15-0.45 shoulder widths below the shoulder line, inner 60 % of the shoulder
    span, minus visible hands, is garment (measured >= 0.96 on every photo)."""
    image, mask = photos[name], masks[name] > 0
    h, w = image.shape[:2]
    marks = mp_pose.process(image).pose_landmarks.landmark
    right = np.array([marks[12].x * w, marks[12].y * h])
    left = np.array([marks[11].x * w, marks[11].y * h])
    width = float(np.linalg.norm(left - right))
    x0, x1 = sorted([right[0], left[0]])
    y = max(right[1], left[1])
    band = np.zeros((h, w), bool)
    band[int(y + 0.15 * width):int(y + 0.45 * width),
         int(x0 + 0.2 * (x1 - x0)):int(x1 - 0.2 * (x1 - x0))] = True
    for _, hull in hand_hulls(mp_hands, image):
        band &= ~hull
    assert band.sum() > 1000
    assert mask[band].mean() > 0.9


@pytest.mark.parametrize("name", NAMES)
def test_mask_excludes_the_face(masks, photos, detector, registry, name):
    """dlib's face box and 68-point hull (measured 0 % in the mask) stay out."""
    image, mask = photos[name], masks[name] > 0
    face = max(detector(image), key=lambda f: f.area)
    points = landmarks68(registry)(image, face)
    hull = np.zeros(mask.shape, np.uint8)
    cv2.fillPoly(hull, [cv2.convexHull(np.round(points).astype(np.int32))], 255)
    assert mask[hull > 0].mean() < 0.01
    x0, y0, x1, y1 = (int(round(v)) for v in face.box)
    assert mask[max(0, y0):y1, max(0, x0):x1].mean() < 0.03
    # Hair and the top of the head: nothing above the eyes is garment.
    eyes_y = int(points[36:48, 1].mean())
    assert not mask[:eyes_y].any()


_LANDMARKS = {}


def landmarks68(registry):
    if "c" not in _LANDMARKS:
        _LANDMARKS["c"] = registry.build("landmarks")
    return _LANDMARKS["c"]


def test_mask_excludes_the_visible_hands(masks, photos, mp_hands):
    """obama.jpg (the photo where MediaPipe Hands finds a hand): its hull is out of the mask
    (measured 0 %), and so are its landmarks."""
    hands = hand_hulls(mp_hands, photos["obama.jpg"])
    assert hands, "MediaPipe Hands finds the hand on the sleeve"
    mask = masks["obama.jpg"] > 0
    for points, hull in hands:
        assert mask[hull].mean() < 0.02
        inside = [mask[int(y), int(x)] for x, y in points if 0 <= x < mask.shape[1]
                  and 0 <= y < mask.shape[0]]
        assert np.mean(inside) < 0.05


def test_skin_model_alone_cuts_most_of_the_hand(photos, mp_hands):
    """Without the hand landmarks the skin colour model calibrated on the face still removes
    most of the hand (measured 85 % of the hull; the rest is the suit between the fingers)."""
    segmenter = ClassicalGarmentSegmenter(use_hands=False)
    try:
        mask = segmenter(photos["obama.jpg"]) > 0
    finally:
        segmenter.close()
    for _, hull in hand_hulls(mp_hands, photos["obama.jpg"]):
        assert mask[hull].mean() < 0.3


def test_full_resolution_photo(segmenter, images, masks, photos):
    """Any size: the full 1434 x 2333 photo gives the same mask as its 640 px copy, upscaled
    (IoU measured 0.99)."""
    full = images["obama3.jpg"]
    mask = segmenter(full)
    assert mask.shape == full.shape[:2]
    small = cv2.resize(masks["obama3.jpg"], (full.shape[1], full.shape[0]),
                       interpolation=cv2.INTER_NEAREST) > 0
    big = mask > 0
    assert (small & big).sum() / (small | big).sum() > 0.85


def test_no_person_is_a_typed_error(segmenter, images):
    for image in (np.full((256, 256, 3), 128, np.uint8),
                  np.ascontiguousarray(images["obama.jpg"][:350, :260])):  # flag and curtain
        with pytest.raises(NoPersonError) as err:
            segmenter(image)
        assert isinstance(err.value, InvalidInputError) and err.value.param == "image"
        assert "no person" in err.value.message


def test_rejects_bad_input(segmenter):
    with pytest.raises(InvalidInputError):
        segmenter(np.zeros((64, 64, 3), np.float32))
    with pytest.raises(InvalidInputError):
        ClassicalGarmentSegmenter(skin_distance=5.0, neck_skin_distance=1.0)


def test_backend_registration(tmp_path: Path):
    assert "classical" in backends("garment_segmentation")
    from facechain.components import garment_mask

    with pytest.raises(ModelSourceError, match="builtin"):
        garment_mask._build_classical(
            ResolvedSource("garment_segmentation", "local", str(tmp_path), tmp_path))


def test_without_a_face_mesh_the_pose_and_a_generic_skin_rule_stand_in(photos, detector,
                                                                        monkeypatch):
    """A face the mesh misses (turned away, covered): the head is cut above a chin line from the
    pose's head points and skin is the generic YCrCb rule; the face stays out, the torso in."""
    from facechain.types import Parsing

    segmenter = ClassicalGarmentSegmenter()
    parse = segmenter._parser.__call__

    def faceless(image):
        p = parse(image)
        empty = np.zeros_like(p.face)
        return Parsing(head=empty, face=empty, hair=empty, person=p.person)

    try:
        with monkeypatch.context() as patch:
            patch.setattr(type(segmenter._parser), "__call__",
                          lambda self, image: faceless(image))
            image = photos["biden.jpg"]
            mask = segmenter(image) > 0
    finally:
        segmenter.close()
    face = max(detector(image), key=lambda f: f.area)
    x0, y0, x1, y1 = (int(round(v)) for v in face.box)
    assert mask[max(0, y0):y1, max(0, x0):x1].mean() < 0.03
    assert not mask[:y1].any(), "nothing at face height or above"
    h, w = mask.shape
    assert mask[int(0.45 * h):int(0.6 * h), int(0.3 * w):int(0.6 * w)].mean() > 0.8


@pytest.fixture(scope="module")
def parts(segmenter, photos):
    return {name: segmenter.segment(photos[name]) for name in ("obama.jpg", "biden.jpg")}


@pytest.mark.parametrize("name", ["obama.jpg", "biden.jpg"])
def test_segment_gives_disjoint_try_on_masks(parts, masks, name):
    p = parts[name]
    assert isinstance(p, GarmentParsing)
    assert np.array_equal(p.garment, masks[name])
    person = p.person > 0
    pieces = [p.garment > 0, p.head > 0, p.neck > 0, p.arms > 0]
    for i, a in enumerate(pieces):
        assert not (a & ~person).any(), "every part lies in the person"
        for b in pieces[i + 1:]:
            assert not (a & b).any(), "parts are disjoint"
    assert p.head.any() and p.arms.any()


def test_arms_hold_the_hand_and_feed_the_try_on_controls(parts, photos, mp_hands):
    """obama.jpg: the hand is in ``arms`` (the depth control's mask; measured 100 % of the hull),
    and the Canny body mask holds the garment but not the face."""
    from facechain.components.inpaint_masks import tryon_body_mask

    p = parts["obama.jpg"]
    for _, hull in hand_hulls(mp_hands, photos["obama.jpg"]):
        assert (p.arms[hull] > 0).mean() > 0.8
    body = tryon_body_mask(p.person, p.head, p.neck, p.garment)
    assert (body[p.garment > 0] == 255).all()
    assert not body[p.head > 0].any()


@pytest.mark.parametrize("pair", [("obama.jpg", "biden.jpg"), ("biden.jpg", "obama2.jpg")])
def test_two_people_the_mask_is_one_persons_garment(segmenter, photos, detector, pair):
    """Two photos side by side with a gap: the garment of one person only, and neither face."""
    height = 480
    left, right = (cv2.resize(photos[n], (int(photos[n].shape[1] * height / photos[n].shape[0]),
                                          height), interpolation=cv2.INTER_AREA) for n in pair)
    gap = np.full((height, 60, 3), 255, np.uint8)
    image = np.ascontiguousarray(np.hstack([left, gap, right]))
    mask = segmenter(image) > 0
    split = left.shape[1] + 30
    one_side = max(mask[:, :split].sum(), mask[:, split:].sum()) / mask.sum()
    assert one_side > 0.98
    for face in detector(image):
        x0, y0, x1, y1 = (int(round(v)) for v in face.box)
        assert mask[max(0, y0):y1, max(0, x0):x1].mean() < 0.03
