"""ControlNet conditions (role ``conditions``, backend ``mediapipe``) on the real photos."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import cv2
import numpy as np
import pytest

from facechain.components.conditions import (
    BODY_COLORS,
    BODY_NAMES,
    HAND_EDGE_COLORS,
    HAND_EDGES,
    HAND_JOINT_COLOR,
    LIMB_ALPHA,
    BodyPose,
    draw_hand_depth,
    draw_openpose,
    rasterise_hand_depth,
)
from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import (
    ModelRegistry,
    Profile,
    ResolvedSource,
    RoleSpec,
    backends,
)

IDX = {name: i for i, name in enumerate(BODY_NAMES)}


def limb_color(i: int) -> tuple[int, int, int]:
    return tuple(int(c * LIMB_ALPHA) for c in BODY_COLORS[i])


def colour_set(image: np.ndarray) -> set[tuple[int, int, int]]:
    """The distinct RGB colours of an image (vectorised: 24-bit codes)."""
    codes = np.unique(image.reshape(-1, 3).astype(np.int32) @ np.array([1 << 16, 1 << 8, 1]))
    return {(int(c) >> 16, (int(c) >> 8) & 255, int(c) & 255) for c in codes}


def pixel(image: np.ndarray, point) -> tuple[int, int, int]:
    x, y = round(float(point[0])), round(float(point[1]))
    return tuple(int(v) for v in image[y, x])


@pytest.fixture(scope="module")
def annotator():
    registry = ModelRegistry(Profile(name="test", roles={"conditions": RoleSpec(backend="mediapipe")}))
    built = registry.build("conditions")
    yield built
    built.close()


@pytest.fixture(scope="module")
def obama(images):
    return images["obama.jpg"]


@pytest.fixture(scope="module")
def obama_pose(annotator, obama) -> BodyPose:
    return annotator.pose(obama)


def synthetic_pose(size=(512, 512)) -> BodyPose:
    """A standing figure in normalised coordinates, in pixels of ``size``; hips and below missing."""
    h, w = size
    body = np.full((18, 3), np.nan, np.float32)
    points = {"nose": (0.5, 0.2), "neck": (0.5, 0.4), "right_shoulder": (0.3, 0.4),
              "left_shoulder": (0.7, 0.4), "right_elbow": (0.25, 0.65), "left_elbow": (0.75, 0.65),
              "right_eye": (0.45, 0.17), "left_eye": (0.55, 0.17)}
    for name, (x, y) in points.items():
        body[IDX[name]] = (x * w, y * h, 1.0)
    return BodyPose(body=body, hands=[synthetic_hand(size)], face=None, size=(h, w))


def synthetic_hand(size=(512, 512), tip_z=-0.1) -> np.ndarray:
    """An open hand, wrist at the bottom, fingers up; z goes linearly from 0 at the wrist to
    ``tip_z`` (x image width) at the finger tips."""
    h, w = size
    hand = np.zeros((21, 3), np.float32)
    wrist = np.array([0.5, 0.9])
    hand[0, :2] = wrist
    for finger, dx in enumerate((-0.12, -0.05, 0.0, 0.05, 0.1)):
        for joint in range(4):
            k = 1 + finger * 4 + joint
            hand[k, :2] = wrist + np.array([dx * (1 + 0.3 * joint), -0.1 - 0.06 * joint])
            hand[k, 2] = tip_z * (joint + 1) / 4.0
    hand[:, 0] *= w
    hand[:, 1] *= h
    hand[:, 2] *= w
    return hand


# -- registry ---------------------------------------------------------------------------------


def test_backend_registered_and_builtin_only(tmp_path):
    assert "mediapipe" in backends("conditions")
    from facechain.components.conditions import _build_mediapipe

    with pytest.raises(ModelSourceError):
        _build_mediapipe(ResolvedSource("conditions", "local", str(tmp_path), tmp_path))


# -- keypoints on a real photo ------------------------------------------------------------------


def test_pose_finds_upper_body_of_obama(obama, obama_pose):
    h, w = obama.shape[:2]
    body = obama_pose.body
    assert obama_pose.size == (h, w) and body.shape == (18, 3)
    for name in ("nose", "neck", "right_shoulder", "left_shoulder", "right_eye", "left_eye"):
        assert np.isfinite(body[IDX[name]]).all(), name
        assert body[IDX[name], 2] >= 0.5
    nose, neck = body[IDX["nose"]], body[IDX["neck"]]
    rs, ls = body[IDX["right_shoulder"]], body[IDX["left_shoulder"]]
    # Facing the camera: the subject's right shoulder is on the image left.
    assert rs[0] < nose[0] < ls[0]
    np.testing.assert_allclose(neck[:2], (rs[:2] + ls[:2]) / 2, atol=1e-3)
    assert nose[1] < neck[1] and abs(nose[0] - neck[0]) < 0.1 * w
    assert ls[0] - rs[0] > 0.35 * w  # shoulders span the photo (a half-length portrait)
    # Hips are below the frame: not reported.
    assert np.isnan(body[IDX["right_hip"]]).all() and np.isnan(body[IDX["left_hip"]]).all()
    # Face: 68 points + 2 pupils around the nose, the jaw below the eyes.
    face = obama_pose.face
    assert face.shape == (70, 2)
    assert np.all(np.abs(face[:, 0] - nose[0]) < 0.2 * w)
    assert face[8, 1] > face[36:48, 1].max()  # chin below the eyes
    # The one visible hand (resting on the arm) is found, below the shoulders.
    assert len(obama_pose.hands) >= 1
    hand = obama_pose.hands[0]
    assert hand.shape == (21, 3) and np.isfinite(hand).all()
    assert hand[:, 1].min() > neck[1]


def test_pose_is_thread_safe(annotator, images):
    image = images["obama2.jpg"]
    expected = annotator.body(image)
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(annotator.body, [image] * 3))  # re-raises a worker's error
    for body in results:
        np.testing.assert_array_equal(body, expected)


# -- openpose ---------------------------------------------------------------------------------


def test_openpose_draws_the_palette_on_black(annotator, obama, obama_pose):
    out = annotator(obama, "openpose", body_pose=obama_pose)
    h, w = obama.shape[:2]
    assert out.shape == (h, w, 3) and out.dtype == np.uint8
    body = obama_pose.body
    neck, rs, ls, nose = (body[IDX[n]] for n in ("neck", "right_shoulder", "left_shoulder", "nose"))
    # Limb 0 (neck -> right shoulder) is red at 60 %, limb 1 (neck -> left shoulder) orange.
    assert pixel(out, (neck + rs) / 2) == limb_color(0) == (153, 0, 0)
    assert pixel(out, (neck + ls) / 2) == limb_color(1) == (153, 51, 0)
    # Joints at full colour: nose (0), right shoulder (2).
    assert pixel(out, nose) == BODY_COLORS[0]
    assert pixel(out, rs) == BODY_COLORS[2]
    # Upper body drawn, background black: top corners (flags, curtains in the photo) and the
    # chest between the limbs.
    lit = out.max(axis=2) > 0
    y0, y1 = int(neck[1] - 20), int(neck[1] + 20)
    assert lit[y0:y1, int(rs[0]):int(ls[0])].mean() > 0.2
    assert not lit[: h // 6, : w // 5].any() and not lit[: h // 6, -w // 5:].any()
    assert not lit[int(neck[1]) + 60: int(neck[1]) + 200, int(rs[0]) + 60: int(ls[0]) - 60].any()
    assert 0.005 < lit.mean() < 0.1
    # Body only: no face dots (white) and no hand joints (pure blue).
    assert not np.all(out == 255, axis=2).any()
    assert not np.all(out == HAND_JOINT_COLOR, axis=2).any()


def test_openpose_detects_by_itself(annotator, obama, obama_pose):
    np.testing.assert_array_equal(
        annotator(obama, "openpose"),
        draw_openpose(obama.shape, obama_pose, include_hands=False, include_face=False))


def test_openpose_full_adds_hands_and_face(annotator, obama, obama_pose):
    full = annotator(obama, "openpose_full", body_pose=obama_pose)
    body_only = annotator(obama, "openpose", body_pose=obama_pose)
    assert (full.max(axis=2) > 0).sum() > (body_only.max(axis=2) > 0).sum()
    # Face drawn last: every face point is a white dot.
    for point in obama_pose.face:
        assert pixel(full, point) == (255, 255, 255)
    # Hand joints are blue; hand edges carry the HSV palette (the first colours are red-orange).
    hand = obama_pose.hands[0]
    assert pixel(full, hand[20]) == HAND_JOINT_COLOR
    colours = colour_set(full)
    assert sum(c in colours for c in HAND_EDGE_COLORS) >= 10
    # The same with include_* options on "openpose".
    np.testing.assert_array_equal(
        full, annotator(obama, "openpose", body_pose=obama_pose, include_hands=True,
                        include_face=True))


def test_openpose_face_from_mesh_and_from_landmarks(annotator, obama, obama_pose):
    out = annotator(obama, "openpose_face")
    assert colour_set(out) == {(0, 0, 0), (255, 255, 255)}
    lit = out.max(axis=2) > 0
    x0, y0 = obama_pose.face.min(axis=0).astype(int) - 15
    x1, y1 = obama_pose.face.max(axis=0).astype(int) + 15
    assert lit[y0:y1, x0:x1].sum() == lit.sum() > 0  # only around the face

    # Caller-supplied landmarks (template inpainting): drawn where given, nothing detected.
    rng = np.random.default_rng(0)
    landmarks = rng.uniform([100, 100], [400, 300], size=(68, 2)).astype(np.float32)
    blank = np.zeros((480, 640, 3), np.uint8)  # no face in it: the points come from the caller
    drawn = annotator(blank, "openpose_face", landmarks68=landmarks)
    assert drawn.shape == (480, 640, 3)
    for point in landmarks:
        assert pixel(drawn, point) == (255, 255, 255)
    lit = drawn.max(axis=2) > 0
    assert not lit[:90].any() and not lit[320:].any() and not lit[:, :90].any()


# -- draw_openpose ----------------------------------------------------------------------------


def test_draw_openpose_is_deterministic_and_scales():
    pose = synthetic_pose((512, 512))
    small = draw_openpose((512, 512), pose, include_hands=True)
    np.testing.assert_array_equal(small, draw_openpose((512, 512), pose, include_hands=True))
    large = draw_openpose((1024, 1024, 3), pose, include_hands=True)  # pose rescaled x2
    lit_small, lit_large = (small.max(axis=2) > 0).sum(), (large.max(axis=2) > 0).sum()
    assert 3.3 < lit_large / lit_small < 4.7  # widths scale with the side: area x4
    # The same drawing: the downscaled large image overlaps the small one.
    down = cv2.resize(large, (512, 512), interpolation=cv2.INTER_AREA).max(axis=2) > 64
    ref = small.max(axis=2) > 0
    assert (down & ref).sum() / (down | ref).sum() > 0.75
    # Same limb colour at the same relative place, per-axis scaling on a non-square canvas.
    wide = draw_openpose((256, 1024), pose)
    for canvas in (small, large, wide):
        h, w = canvas.shape[:2]
        neck_rs = np.array([0.4 * w, 0.4 * h])  # mid-point of neck (0.5, 0.4) and shoulder (0.3, 0.4)
        assert pixel(canvas, neck_rs) == limb_color(0)
    assert not (wide.max(axis=2) > 0)[:, :200].any()  # nothing left of the right elbow (x=0.25)
    # Missing points draw nothing: an all-NaN pose is a black image.
    empty = BodyPose(np.full((18, 3), np.nan, np.float32), [], None, (512, 512))
    assert not draw_openpose((300, 200), empty, include_hands=True, include_face=True).any()


def test_hand_edge_palette_matches_draw_handpose():
    colors = pytest.importorskip("matplotlib.colors")
    for i, colour in enumerate(HAND_EDGE_COLORS):
        expected = colors.hsv_to_rgb([i / float(len(HAND_EDGES)), 1.0, 1.0]) * 255
        assert colour == tuple(int(np.rint(v)) for v in expected)


def test_body_pose_from_another_size(annotator, obama, obama_pose):
    small = cv2.resize(obama, (obama.shape[1] // 2, obama.shape[0] // 2))
    out = annotator(small, "openpose", body_pose=obama_pose)
    assert out.shape == small.shape
    np.testing.assert_array_equal(out, draw_openpose(small.shape, obama_pose.scaled(small.shape)))
    neck = obama_pose.body[IDX["neck"]] / 2
    rs = obama_pose.body[IDX["right_shoulder"]] / 2
    assert pixel(out, (neck + rs) / 2) == limb_color(0)


# -- canny ------------------------------------------------------------------------------------


def test_canny_keeps_edges_outside_the_face_only(annotator, obama, obama_pose):
    face = np.zeros(obama.shape[:2], np.uint8)
    cv2.fillPoly(face, [cv2.convexHull(obama_pose.face.astype(np.int32))], 255)
    outside = cv2.bitwise_not(face)
    plain = annotator(obama, "canny")
    masked = annotator(obama, "canny", mask=outside)
    assert plain.shape == masked.shape == obama.shape
    assert np.array_equal(plain[..., 0], plain[..., 2]) and set(np.unique(plain)) <= {0, 255}
    inside = face > 0
    assert (plain[..., 0][inside] > 0).sum() > 500  # the face has edges (eyes, mouth, teeth)
    assert not masked[inside].any()
    np.testing.assert_array_equal(masked[~inside], plain[~inside])
    # Higher thresholds, fewer edges.
    strict = annotator(obama, "canny", low=200, high=400)
    assert 0 < (strict > 0).sum() < (plain > 0).sum()


# -- depth of the hands -----------------------------------------------------------------------


def test_depth_hands_black_without_hands(annotator, images):
    image = images["obama2.jpg"]  # behind a lectern, no hands in view
    out = annotator(image, "depth_hands")
    assert out.shape == image.shape and out.dtype == np.uint8
    assert not out.any()


def test_depth_hands_on_the_visible_hand(annotator, obama, obama_pose):
    out = annotator(obama, "depth_hands")
    depth = out[..., 0]
    assert np.array_equal(out[..., 0], out[..., 1])
    hand = obama_pose.hands[0]
    # Lit only around the hand.
    x0, y0 = hand[:, :2].min(axis=0).astype(int) - 40
    x1, y1 = hand[:, :2].max(axis=0).astype(int) + 40
    lit = depth > 0
    assert lit.sum() > 2000 and lit[y0:y1, x0:x1].sum() == lit.sum()
    # MediaPipe puts the finger tips nearer than the wrist: they are brighter.
    assert hand[12, 2] < hand[0, 2]
    assert depth.max() == 255
    assert int(pixel(out, hand[12])[0]) > int(pixel(out, hand[0])[0])


def test_hand_rasteriser_nearer_is_brighter():
    size = (400, 400)
    near_tips = BodyPose(np.full((18, 3), np.nan, np.float32), [synthetic_hand(size, -0.1)], None,
                         size)
    far_tips = BodyPose(near_tips.body, [synthetic_hand(size, +0.1)], None, size)
    a = draw_hand_depth(size, near_tips, far_level=64)[..., 0]
    b = draw_hand_depth(size, far_tips, far_level=64)[..., 0]
    hand = synthetic_hand(size)
    wrist, tip = hand[0], hand[12]
    assert pixel(a[..., None], tip)[0] > pixel(a[..., None], wrist)[0]
    assert pixel(b[..., None], tip)[0] < pixel(b[..., None], wrist)[0]
    # The range is normalised per hand: nearest 255, farthest far_level, background black.
    assert a.max() == 255 and a[a > 0].min() == 64
    assert a[:100].max() == 0 and a[:, :60].max() == 0
    # Same silhouette either way; z-buffer is finite exactly there.
    np.testing.assert_array_equal(a > 0, b > 0)
    np.testing.assert_array_equal(np.isfinite(rasterise_hand_depth(size, synthetic_hand(size))), a > 0)
    # Deterministic, and scales with the canvas.
    np.testing.assert_array_equal(a, draw_hand_depth(size, near_tips, far_level=64)[..., 0])
    big = draw_hand_depth((800, 800), near_tips, far_level=64)[..., 0]
    assert 3.5 < (big > 0).sum() / (a > 0).sum() < 4.5


# -- errors -----------------------------------------------------------------------------------


def test_invalid_inputs(annotator, obama):
    with pytest.raises(InvalidInputError) as err:
        annotator(obama, "segmentation")
    assert err.value.param == "kind"
    with pytest.raises(InvalidInputError):
        annotator(obama, "canny", include_face=True)  # option of another kind
    with pytest.raises(InvalidInputError):
        annotator(obama, "canny", low=300, high=100)
    with pytest.raises(InvalidInputError):
        annotator(obama, "canny", mask=np.zeros((10, 10), np.uint8))
    with pytest.raises(InvalidInputError):
        annotator(obama, "openpose_face", landmarks68=np.zeros((5, 2)))
    with pytest.raises(InvalidInputError):
        annotator(obama.astype(np.float32), "openpose")
    with pytest.raises(InvalidInputError):
        annotator(obama, "openpose", body_pose={"body": []})
