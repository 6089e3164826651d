"""Skin retouching (stage 6) on the real photos, cropped the way stage 4 crops them."""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cv2
import numpy as np
import pytest

from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import ResolvedSource, backends

NAMES = ["obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg"]
STRENGTHS = [0.0, 0.25, 0.5, 0.75, 1.0]


@pytest.fixture(scope="module")
def blazeface():
    import mediapipe as mp

    detector = mp.solutions.face_detection.FaceDetection(model_selection=1)
    yield detector
    detector.close()


def detect(detector, image: np.ndarray):
    """Largest BlazeFace face: box (x0, y0, x1, y1) and its 6 keypoints (eyes first), a
    reference independent of the face mesh the retoucher uses."""
    h, w = image.shape[:2]
    d = max(detector.process(image).detections,
            key=lambda d: d.location_data.relative_bounding_box.width)
    b = d.location_data.relative_bounding_box
    keypoints = np.array([(k.x * w, k.y * h) for k in d.location_data.relative_keypoints])
    return np.array([b.xmin * w, b.ymin * h, (b.xmin + b.width) * w, (b.ymin + b.height) * h]), keypoints


def crop_like_stage4(detector, image: np.ndarray, size: int = 512) -> np.ndarray:
    """Square crop with the face ~0.4 of the side, centred horizontally, white outside."""
    (x0, y0, x1, y1), _ = detect(detector, image)
    side = int(max(x1 - x0, y1 - y0) / 0.4)
    left, top = int((x0 + x1) / 2 - side / 2), int((y0 + y1) / 2 - 0.45 * side)
    out = np.full((side, side, 3), 255, np.uint8)
    h, w = image.shape[:2]
    sx0, sy0, sx1, sy1 = max(0, left), max(0, top), min(w, left + side), min(h, top + side)
    out[sy0 - top:sy1 - top, sx0 - left:sx1 - left] = image[sy0:sy1, sx0:sx1]
    return cv2.resize(out, (size, size), interpolation=cv2.INTER_AREA)


def laplacian_variance(image: np.ndarray, where: np.ndarray) -> float:
    grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY).astype(np.float32)
    return float(cv2.Laplacian(grey, cv2.CV_32F)[where].var())


@pytest.fixture(scope="module")
def retoucher(registry):
    component = registry.build("skin_retouching")
    yield component
    component.close()


@pytest.fixture(scope="module")
def cases(images, blazeface, retoucher):
    """name -> (crop, box, keypoints, skin mask, {strength: output})."""
    out = {}
    for name in NAMES:
        crop = crop_like_stage4(blazeface, images[name])
        box, keypoints = detect(blazeface, crop)
        results = {s: retoucher(crop, s) for s in STRENGTHS}
        out[name] = (crop, box, keypoints, retoucher.skin_mask(crop), results)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_smooths_skin_and_leaves_the_rest(cases, name):
    crop, (x0, y0, x1, y1), keypoints, mask, results = cases[name]
    out = results[0.5]
    assert out.shape == crop.shape and out.dtype == np.uint8
    skin = mask >= 192
    assert skin.sum() > 0.3 * (x1 - x0) * (y1 - y0), "the skin mask covers most of the face"
    # High-frequency energy inside the skin drops clearly.
    assert laplacian_variance(out, skin) < 0.75 * laplacian_variance(crop, skin)
    change = np.abs(out.astype(np.int16) - crop).mean(axis=2)
    # Eyes (BlazeFace keypoints, independent of the mesh) barely move compared with the skin.
    radius = int(0.04 * (x1 - x0))
    for ex, ey in keypoints[:2].astype(int):
        eye = change[ey - radius:ey + radius, ex - radius:ex + radius]
        assert eye.mean() < 0.15 * change[skin].mean()
    # Outside the face region the image is untouched, bit for bit.
    bw, bh = x1 - x0, y1 - y0
    outside = np.ones(crop.shape[:2], bool)
    outside[max(0, int(y0 - 0.5 * bh)):int(y1 + 0.3 * bh), max(0, int(x0 - 0.3 * bw)):int(x1 + 0.3 * bw)] = False
    assert not change[outside].any()


@pytest.mark.parametrize("name", NAMES)
def test_strength_is_monotonic_and_zero_is_identity(cases, name):
    crop, _, _, mask, results = cases[name]
    assert np.array_equal(results[0.0], crop)
    assert results[0.0] is not crop
    skin = mask >= 192
    energy = [laplacian_variance(results[s], skin) for s in STRENGTHS]
    change = [np.abs(results[s].astype(np.int16) - crop).mean() for s in STRENGTHS]
    assert all(a > b for a, b in itertools.pairwise(energy)), energy
    assert all(a < b for a, b in itertools.pairwise(change)), change


def test_no_face_returns_the_input(retoucher, images):
    background = np.ascontiguousarray(images["obama.jpg"][:350, :260])  # flag and curtain
    out = retoucher(background, 1.0)
    assert np.array_equal(out, background)
    assert retoucher.skin_mask(background) is None


def test_full_resolution_non_square_photo(retoucher, images, blazeface):
    image = images["obama.jpg"]  # 910 x 1137
    out = retoucher(image, 0.5)
    assert out.shape == image.shape and out.dtype == np.uint8
    (x0, y0, x1, y1), _ = detect(blazeface, image)
    changed = np.nonzero((out != image).any(axis=2))
    assert changed[0].size > 0.2 * (x1 - x0) * (y1 - y0)
    assert changed[0].min() > y0 - 0.5 * (y1 - y0) and changed[0].max() < y1 + 0.3 * (y1 - y0)


def test_concurrent_calls_are_safe(retoucher, cases):
    crop, _, _, _, results = cases["biden.jpg"]
    with ThreadPoolExecutor(4) as pool:
        outs = list(pool.map(lambda _: retoucher(crop, 0.5), range(6)))
    assert all(np.array_equal(o, results[0.5]) for o in outs)


@pytest.mark.parametrize("strength", [-0.1, 1.5, float("nan")])
def test_rejects_bad_strength(retoucher, cases, strength):
    crop = cases["obama.jpg"][0]
    with pytest.raises(InvalidInputError):
        retoucher(crop, strength)


def test_rejects_bad_image(retoucher):
    with pytest.raises(InvalidInputError):
        retoucher(np.zeros((64, 64, 4), np.uint8))


def test_backends_and_source_errors(tmp_path: Path):
    assert {"mesh_bilateral", "modelscope_abpn"} <= set(backends("skin_retouching"))
    from facechain.components import skin_retouching as sr

    with pytest.raises(ModelSourceError, match="builtin"):
        sr._build_mesh_bilateral(ResolvedSource("skin_retouching", "local", str(tmp_path), tmp_path))
    with pytest.raises(ModelSourceError, match="modelscope:"):
        sr._build_modelscope_abpn(ResolvedSource("skin_retouching", "builtin", "", None))
    with pytest.raises(ModelSourceError):
        sr._build_modelscope_abpn(ResolvedSource("skin_retouching", "local", str(tmp_path), tmp_path))
