"""Head parsing (stage 5) on the real photos, cropped the way stage 4 crops them."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cv2
import numpy as np
import pytest

from facechain.components.human_parsing import paint_background
from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import ResolvedSource, backends
from facechain.types import Parsing

NAMES = ["obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg"]


@pytest.fixture(scope="module")
def blazeface():
    import mediapipe as mp

    detector = mp.solutions.face_detection.FaceDetection(model_selection=1)
    yield detector
    detector.close()


def face_box(detector, image: np.ndarray) -> np.ndarray:
    """(x0, y0, x1, y1) of the largest BlazeFace detection: a reference independent of the mesh."""
    h, w = image.shape[:2]
    boxes = [d.location_data.relative_bounding_box for d in detector.process(image).detections]
    b = max(boxes, key=lambda b: b.width * b.height)
    return np.array([b.xmin * w, b.ymin * h, (b.xmin + b.width) * w, (b.ymin + b.height) * h])


def crop_like_stage4(detector, image: np.ndarray, size: int = 512) -> np.ndarray:
    """Square crop with the face ~0.4 of the side, centred horizontally, white outside."""
    x0, y0, x1, y1 = face_box(detector, image)
    side = int(max(x1 - x0, y1 - y0) / 0.4)
    left, top = int((x0 + x1) / 2 - side / 2), int((y0 + y1) / 2 - 0.45 * side)
    out = np.full((side, side, 3), 255, np.uint8)
    h, w = image.shape[:2]
    sx0, sy0, sx1, sy1 = max(0, left), max(0, top), min(w, left + side), min(h, top + side)
    out[sy0 - top:sy1 - top, sx0 - left:sx1 - left] = image[sy0:sy1, sx0:sx1]
    return cv2.resize(out, (size, size), interpolation=cv2.INTER_AREA)


@pytest.fixture(scope="module")
def parser(registry):
    component = registry.build("human_parsing")
    yield component
    component.close()


@pytest.fixture(scope="module")
def crops(images, blazeface):
    return {name: crop_like_stage4(blazeface, images[name]) for name in NAMES}


@pytest.fixture(scope="module")
def parsed(parser, crops, blazeface):
    """name -> (crop, reference face box, Parsing)."""
    return {name: (crop, face_box(blazeface, crop), parser(crop)) for name, crop in crops.items()}


@pytest.mark.parametrize("name", NAMES)
def test_masks_are_binary_and_consistent(parsed, name):
    crop, _, p = parsed[name]
    assert isinstance(p, Parsing)
    for mask in (p.head, p.face, p.hair, p.person):
        assert mask.shape == crop.shape[:2] and mask.dtype == np.uint8
        assert set(np.unique(mask)) <= {0, 255}
    head, face, hair = p.head > 0, p.face > 0, p.hair > 0
    assert not (face & ~head).any(), "face must lie inside the head"
    assert not (hair & face).any()
    assert np.array_equal(head, face | hair), "head = face + hair"
    count, _ = cv2.connectedComponents(p.head)
    assert count == 2, "one head component (plus background)"


@pytest.mark.parametrize("name", NAMES)
def test_head_covers_face_and_hair_but_not_background_or_body(parsed, name):
    _crop, (x0, y0, x1, y1), p = parsed[name]
    bw, bh = x1 - x0, y1 - y0
    cx, cy = int((x0 + x1) / 2), int((y0 + y1) / 2)
    # Face centre is face and head.
    assert p.face[cy, cx] == 255 and p.head[cy, cx] == 255
    # Above the forehead: the band 0.1-0.3 face heights above the detector box is head, and the
    # top of the head (over the forehead) is labelled hair.
    strip = slice(int(cx - 0.1 * bw), int(cx + 0.1 * bw))
    assert (p.head[int(y0 - 0.3 * bh):int(y0 - 0.1 * bh), strip] > 0).mean() > 0.95
    top = int(np.nonzero(p.head[:, strip].any(axis=1))[0].min())
    assert top < y0 - 0.25 * bh
    crown = (slice(top, top + int(0.08 * bh)), strip)
    assert (p.hair[crown] > 0).sum() >= 0.8 * (p.head[crown] > 0).sum()
    # Background corners stay out.
    for corner in (p.head[:24, :24], p.head[:24, -24:], p.head[-24:, :24], p.head[-24:, -24:]):
        assert not corner.any()
    # The body is there (person) but not in the head: nothing below just under the chin.
    assert (p.person[int(0.8 * 512):] > 0).mean() > 0.5
    rows = np.nonzero(p.head.any(axis=1))[0]
    assert rows.max() <= y1 + 0.1 * bh, "head stops at the chin: no neck, shoulders or chest"
    assert rows.min() < y0 - 0.25 * bh, "head reaches the top of the hair"
    # A head, not the whole person: plausible size relative to the face box.
    assert 0.9 < (p.head > 0).sum() / (bw * bh) < 2.2


def test_tilted_head_gives_the_rotated_mask(parser, parsed):
    """Rules run in the face's own frame: a 25 degree tilt rotates the mask with the head."""
    crop, _, p = parsed["obama.jpg"]
    matrix = cv2.getRotationMatrix2D((256, 256), 25, 1.0)
    tilted = cv2.warpAffine(crop, matrix, (512, 512), borderValue=(255, 255, 255))
    expected = cv2.warpAffine(p.head, matrix, (512, 512), flags=cv2.INTER_NEAREST) > 0
    got = parser(tilted).head > 0
    assert (got & expected).sum() / (got | expected).sum() > 0.85


def test_full_resolution_photo_with_small_face(parser, images, blazeface):
    image = images["obama3.jpg"]  # 1434 x 2333, face ~ 13 % of the width
    x0, y0, x1, y1 = face_box(blazeface, image)
    p = parser(image)
    assert p.head.shape == image.shape[:2]
    assert p.head[int((y0 + y1) / 2), int((x0 + x1) / 2)] == 255
    ys, xs = np.nonzero(p.head)
    bh = y1 - y0
    assert ys.min() < y0 and ys.max() <= y1 + 0.1 * bh
    assert xs.min() > x0 - bh and xs.max() < x1 + bh


def test_no_person_gives_an_empty_head(parser, images):
    background = np.ascontiguousarray(images["obama.jpg"][:350, :260])  # flag and curtain
    p = parser(background)
    assert not p.head.any() and not p.face.any() and not p.hair.any()
    assert p.person.shape == background.shape[:2]
    flat = parser(np.full((256, 256, 3), 128, np.uint8))
    assert not flat.head.any() and not flat.person.any()


def test_paint_background(parsed):
    crop, _, p = parsed["obama.jpg"]
    painted = paint_background(crop, p.head)
    assert painted.shape == crop.shape and painted.dtype == np.uint8
    for corner in (painted[:24, :24], painted[-24:, -24:], painted[-24:, :24]):
        assert (corner == 255).all()
    interior = cv2.erode(p.face, np.ones((15, 15), np.uint8)) > 0
    assert np.array_equal(painted[interior], crop[interior]), "face pixels are kept exactly"
    hard = paint_background(crop, p.head, color=(0, 0, 0), feather=0)
    assert (hard[p.head == 0] == 0).all()
    assert np.array_equal(hard[p.head > 0], crop[p.head > 0])
    # The soft edge really is soft: some pixels between the image and the colour.
    soft = paint_background(crop, p.head, feather=3.0)
    edge = (cv2.dilate(p.head, np.ones((3, 3), np.uint8)) > 0) & (p.head == 0)
    assert (soft[edge] < 255).any()
    with pytest.raises(InvalidInputError):
        paint_background(crop, p.head[:-1])


def test_concurrent_calls_are_safe(parser, parsed):
    crop, _, p = parsed["obama2.jpg"]
    with ThreadPoolExecutor(4) as pool:
        heads = list(pool.map(lambda _: parser(crop).head, range(6)))
    assert all(np.array_equal(h, p.head) for h in heads)


def test_rejects_bad_input(parser):
    with pytest.raises(InvalidInputError):
        parser(np.zeros((64, 64, 3), np.float32))
    with pytest.raises(InvalidInputError):
        parser(np.zeros((64, 64), np.uint8))


def test_backends_and_source_errors(tmp_path: Path):
    assert {"mediapipe_head", "modelscope_m2fp"} <= set(backends("human_parsing"))
    from facechain.components import human_parsing as hp

    with pytest.raises(ModelSourceError, match="builtin"):
        hp._build_mediapipe_head(ResolvedSource("human_parsing", "local", str(tmp_path), tmp_path))
    with pytest.raises(ModelSourceError, match="modelscope:"):
        hp._build_modelscope_m2fp(ResolvedSource("human_parsing", "builtin", "", None))
    # Without modelscope (or with it but no real weights in the folder) it is a ModelSourceError.
    with pytest.raises(ModelSourceError):
        hp._build_modelscope_m2fp(ResolvedSource("human_parsing", "local", str(tmp_path), tmp_path))
