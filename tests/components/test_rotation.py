"""Upright correction by detector vote on the real fixture photos turned by np.rot90."""

from __future__ import annotations

import sys

import cv2
import numpy as np
import pytest

from facechain.components.face_detection import build_face_detector
from facechain.components.rotation import RotationCorrector
from facechain.errors import ModelSourceError
from facechain.registry import ModelRegistry, Profile, RoleSpec, backends
from facechain.types import Rotation


@pytest.fixture(scope="module")
def corrector(registry):
    return registry.build("rotation")


@pytest.fixture(scope="module")
def small_images(images):
    """Fixture photos downscaled to 800 px (the vote logic does not depend on size; this keeps
    the full-resolution detection after the vote fast)."""
    out = {}
    for name, image in images.items():
        scale = 800 / max(image.shape[:2])
        size = (round(image.shape[1] * scale), round(image.shape[0] * scale))
        out[name] = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    return out


def assert_upright(result: Rotation) -> None:
    assert len(result.faces) == 1
    left_eye, right_eye, nose, mouth_left, mouth_right = result.faces[0].landmarks
    eye_y = (left_eye[1] + right_eye[1]) / 2
    assert eye_y < nose[1] < (mouth_left[1] + mouth_right[1]) / 2
    assert left_eye[0] < right_eye[0]


@pytest.mark.parametrize("name", ["obama.jpg", "biden.jpg"])
@pytest.mark.parametrize("turns", [1, 2, 3])
def test_rotated_photo_comes_back_upright(corrector, small_images, name, turns):
    upright = small_images[name]
    rotated = np.ascontiguousarray(np.rot90(upright, turns))  # counter-clockwise turns
    result = corrector(rotated)
    assert result.angle == 90 * turns  # the clockwise correction
    assert np.array_equal(result.image, upright)
    assert_upright(result)


def test_upright_photo_is_kept(corrector, small_images, detector):
    image = small_images["obama2.jpg"]
    result = corrector(image)
    assert result.angle == 0
    assert result.image is image or np.array_equal(result.image, image)
    assert_upright(result)
    # the vote's boxes, scaled to full resolution, with landmarks predicted at full resolution:
    # within a couple of pixels of a separate full-resolution detection pass
    reference = detector(image)
    np.testing.assert_allclose(result.faces[0].landmarks, reference[0].landmarks, atol=3.0)


def test_faces_are_in_full_resolution_pixels(corrector, images):
    image = images["obama.jpg"]  # 910 x 1137, voted on at 640 px
    result = corrector(np.ascontiguousarray(np.rot90(image, 2)))
    assert result.angle == 180
    face = result.faces[0]
    assert 300 < face.center[0] < 650 and 150 < face.center[1] < 450  # measured ~(500, 280)


def test_vote_scores_only_the_upright_turn(corrector, small_images):
    votes = corrector.vote(small_images["obama3.jpg"])
    assert set(votes) == {0, 90, 180, 270}
    assert votes[0] and max(score for _, score in votes[0]) > 0.5
    best_other = max((s for a in (90, 180, 270) for _, s in votes[a]), default=0.0)
    assert best_other < max(score for _, score in votes[0])


def test_no_face_at_any_angle_keeps_the_image(corrector):
    noise = np.random.default_rng(3).integers(0, 256, (500, 700, 3), dtype=np.uint8)
    result = corrector(noise)
    assert result.angle == 0 and result.faces == []
    assert result.image.shape == noise.shape


def test_vote_with_mediapipe_detector(small_images):
    corrector = RotationCorrector(build_face_detector("mediapipe"), max_side=640)
    result = corrector(np.ascontiguousarray(np.rot90(small_images["obama2.jpg"], 3)))
    assert result.angle == 270
    assert_upright(result)


def test_detector_options_pass_through():
    profile = Profile(name="t", roles={"rotation": RoleSpec(
        backend="detector_vote", options={"detector": "dlib_hog", "max_side": 480,
                                          "detector_options": {"upsample": 0, "max_side": 800}})})
    corrector = ModelRegistry(profile).build("rotation")
    assert corrector.max_side == 480
    assert corrector.detector.upsample == 0 and corrector.detector.max_side == 800


def test_backends_registered():
    assert {"detector_vote", "modelscope_pipeline"} <= set(backends("rotation"))


def test_modelscope_pipeline_needs_a_model_source():
    profile = Profile(name="t", roles={"rotation": RoleSpec(backend="modelscope_pipeline")})
    with pytest.raises(ModelSourceError, match="no built-in weights"):
        ModelRegistry(profile).build("rotation")


def test_modelscope_pipeline_without_modelscope_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "modelscope", None)  # as if the hub extra were missing
    profile = Profile(name="t", roles={"rotation": RoleSpec(backend="modelscope_pipeline",
                                                            source=str(tmp_path))})
    with pytest.raises(ModelSourceError, match="hub"):
        ModelRegistry(profile).build("rotation")
