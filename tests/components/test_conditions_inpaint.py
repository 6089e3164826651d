"""The condition images template inpainting and try-on need (role ``conditions``): face dots from
given landmarks (no detection), the full pose, Canny outside the face, hand depth inside a mask."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from facechain.components.conditions import BodyPose
from facechain.components.inpaint_masks import eye_line, eye_split_mask
from facechain.errors import InvalidInputError
from facechain.registry import ModelRegistry, Profile, RoleSpec


@pytest.fixture(scope="module")
def annotator():
    registry = ModelRegistry(Profile(name="test", roles={"conditions": RoleSpec(backend="mediapipe")}))
    built = registry.build("conditions")
    yield built
    built.close()


@pytest.fixture(scope="module")
def obama68(images, detector, registry):
    image = images["obama.jpg"]
    face = max(detector(image), key=lambda f: f.area)
    return image, registry.build("landmarks")(image, face)


def no_detection(monkeypatch, annotator):
    def refuse(*_args, **_kwargs):
        raise AssertionError("no detection may run")

    for name in ("body", "hands", "face"):
        monkeypatch.setattr(annotator, name, refuse)


def test_face_dots_only_from_given_landmarks(annotator, obama68, monkeypatch):
    """Stage 2's control: 68 white dots of the warped face on black, nothing detected."""
    image, points = obama68
    no_detection(monkeypatch, annotator)
    out = annotator(np.zeros_like(image), "openpose_face", landmarks68=points)
    assert out.shape == image.shape
    colours = np.unique(out.reshape(-1, 3), axis=0)
    assert {tuple(c) for c in colours} == {(0, 0, 0), (255, 255, 255)}
    for x, y in points:
        assert (out[int(round(y)), int(round(x))] == 255).all()
    # Only the face region is drawn (no body, no hands).
    ys, xs = np.nonzero(out[:, :, 0])
    x0, y0 = points.min(axis=0) - 10
    x1, y1 = points.max(axis=0) + 10
    assert xs.min() >= x0 and xs.max() <= x1 and ys.min() >= y0 and ys.max() <= y1


def test_full_pose_draws_body_hands_and_face(annotator, obama68):
    """Stage 3's control: body + hands + face of the image together."""
    image, _ = obama68
    out = annotator(image, "openpose_full")
    body = annotator(image, "openpose")
    white = (out == 255).all(axis=2)
    assert white.sum() > 100, "face dots"
    assert np.count_nonzero(body.any(axis=2) & ~out.any(axis=2)) == 0, "the body is all there"
    hands_only = (out == (0, 0, 255)).all(axis=2) & ~(body == (0, 0, 255)).all(axis=2)
    assert hands_only.sum() > 20, "hand joints (blue) beyond the body's own blue"


def test_canny_outside_the_face(annotator, obama68, registry):
    """Stage 2's Canny: edges of the template with the eye-split face region (0.05) cut out."""
    image, points = obama68
    parser = registry.build("human_parsing")
    try:
        face = parser(image).face
    finally:
        parser.close()
    exclusion = eye_split_mask(face, eye_line(points), k=0.05, k_first=0)
    out = annotator(image, "canny", mask=255 - exclusion)
    full = annotator(image, "canny")
    assert not out[exclusion > 0].any()
    assert full[exclusion > 0].any(), "there were edges in the face"
    assert np.array_equal(out[exclusion == 0], full[exclusion == 0])


def synthetic_hand(cx: float, cy: float, scale: float) -> np.ndarray:
    """(21, 3) open hand, fingers up: wrist at the bottom, joints nearer (z more negative)
    toward the finger tips."""
    rows = [(cx, cy, 0.0)]
    for dx in (-0.5, -0.25, 0.0, 0.25, 0.5):
        for joint in range(1, 5):
            rows.append((cx + dx * (1.2 + 0.2 * joint) * scale, cy - (0.3 + 0.25 * joint) * scale,
                         -2.0 * joint))
    return np.array(rows, np.float32)


def test_hand_depth_restricted_to_a_mask(annotator):
    """Try-on's depth control: hand depth kept only inside the arm mask."""
    h, w = 300, 400
    pose = BodyPose(body=np.full((18, 3), np.nan, np.float32),
                    hands=[synthetic_hand(200, 250, 100)], face=None, size=(h, w))
    blank = np.zeros((h, w, 3), np.uint8)
    full = annotator(blank, "depth_hands", body_pose=pose)
    assert full.any()
    arm = np.zeros((h, w), np.uint8)
    arm[150:, :] = 255  # the lower half of the hand
    cut = annotator(blank, "depth_hands", body_pose=pose, mask=arm)
    assert not cut[:150].any()
    assert np.array_equal(cut[150:], full[150:])
    assert cut[150:].any() and full[:150].any()
    three = annotator(blank, "depth_hands", body_pose=pose, mask=np.dstack([arm] * 3))
    assert np.array_equal(three, cut)
    with pytest.raises(InvalidInputError):
        annotator(blank, "depth_hands", body_pose=pose, mask=arm[:-1])


def test_canny_try_on_thresholds_on_the_body(annotator, obama68):
    """Try-on's Canny(80, 200) kept on the body only: thresholds and mask both apply."""
    image, _ = obama68
    body = np.zeros(image.shape[:2], np.uint8)
    body[image.shape[0] // 2:] = 255
    out = annotator(image, "canny", low=80, high=200, mask=body)
    expected = cv2.Canny(image, 80, 200)
    expected[body == 0] = 0
    assert np.array_equal(out[:, :, 0], expected)
