"""Face detection and 68-point landmarks on the real fixture photos."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from facechain.components.face_detection import (
    LANDMARKS_68_FILE,
    FaceDetector,
    LandmarkPredictor,
    build_face_detector,
    builtin_model_file,
    landmarks5_from_68,
)
from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import (
    ModelRegistry,
    Profile,
    ResolvedSource,
    RoleSpec,
    backends,
)
from facechain.types import Face

PHOTOS = ["obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg"]


@pytest.fixture(scope="module")
def faces(detector, images):
    return {name: detector(images[name]) for name in PHOTOS}


def _resize_to_height(image: np.ndarray, height: int) -> np.ndarray:
    width = round(image.shape[1] * height / image.shape[0])
    return cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)


def _iou(a, b) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy

    def area(r):
        return (r[2] - r[0]) * (r[3] - r[1])

    return inter / (area(a) + area(b) - inter)


def assert_plausible(face: Face) -> None:
    """Eyes above nose above mouth, image-left points left of image-right ones, inside the box."""
    left_eye, right_eye, nose, mouth_left, mouth_right = face.landmarks
    eye_y = (left_eye[1] + right_eye[1]) / 2
    mouth_y = (mouth_left[1] + mouth_right[1]) / 2
    assert eye_y < nose[1] < mouth_y
    assert left_eye[0] < right_eye[0]
    assert mouth_left[0] < mouth_right[0]
    assert left_eye[0] < nose[0] < right_eye[0]
    eye_distance = right_eye[0] - left_eye[0]
    assert 0.25 * face.width < eye_distance < 0.7 * face.width
    x0, y0, x1, y1 = face.box
    pad = 0.15 * face.width
    assert np.all(face.landmarks[:, 0] > x0 - pad) and np.all(face.landmarks[:, 0] < x1 + pad)
    assert np.all(face.landmarks[:, 1] > y0 - pad) and np.all(face.landmarks[:, 1] < y1 + pad)


@pytest.mark.parametrize("name", PHOTOS)
def test_each_photo_has_one_plausible_face(faces, images, name):
    found = faces[name]
    assert len(found) == 1
    face = found[0]
    assert face.landmarks.shape == (5, 2)
    assert face.score > 0
    height, width = images[name].shape[:2]
    assert 0.1 * width < face.width < 0.6 * width
    assert 0 <= face.center[0] < width and 0 <= face.center[1] < height
    assert_plausible(face)


def test_landmarks_role_matches_detector_landmarks(registry, images, faces):
    predictor = registry.build("landmarks")
    assert isinstance(predictor, LandmarkPredictor)
    face = faces["obama.jpg"][0]
    points = predictor(images["obama.jpg"], face)
    assert points.shape == (68, 2)
    np.testing.assert_allclose(landmarks5_from_68(points), face.landmarks, atol=1e-6)
    # jaw line (0-16) spans the face: leftmost left of the left eye, rightmost right of the right
    assert points[0, 0] < face.landmarks[0, 0] and points[16, 0] > face.landmarks[1, 0]
    # chin (8) below the mouth corners
    assert points[8, 1] > face.landmarks[3:, 1].max()


def test_landmarks_role_from_local_file(images, faces):
    path = builtin_model_file("landmarks", LANDMARKS_68_FILE)
    profile = Profile(name="local", roles={"landmarks": RoleSpec(backend="dlib_68", source=str(path))})
    predictor = ModelRegistry(profile).build("landmarks")
    assert predictor.model_path == path
    assert predictor(images["obama.jpg"], faces["obama.jpg"][0].box).shape == (68, 2)


def test_missing_local_landmarks_file_is_a_model_source_error(tmp_path):
    source = str(tmp_path / "missing.dat")
    profile = Profile(name="local", roles={"landmarks": RoleSpec(backend="dlib_68", source=source)})
    with pytest.raises(ModelSourceError):
        ModelRegistry(profile).build("landmarks")


@pytest.mark.parametrize("kind", ["blank", "noise", "gradient"])
def test_no_face_in_featureless_images(detector, kind):
    rng = np.random.default_rng(7)
    if kind == "blank":
        image = np.full((480, 640, 3), 200, np.uint8)
    elif kind == "noise":
        image = rng.integers(0, 256, (600, 800, 3), dtype=np.uint8)
    else:
        ramp = np.linspace(0, 255, 640, dtype=np.float64)
        image = np.repeat(np.repeat(ramp[None, :, None], 480, axis=0), 3, axis=2).astype(np.uint8)
    assert detector(image) == []


def test_two_person_collage_gives_two_faces_largest_first(detector, images):
    left = _resize_to_height(images["obama.jpg"], 600)
    right = _resize_to_height(images["biden.jpg"], 600)
    collage = np.ascontiguousarray(np.hstack([left, right]))
    found = detector(collage)
    assert len(found) == 2
    assert found[0].area >= found[1].area
    centres = sorted(face.center[0] for face in found)
    assert centres[0] < left.shape[1] < centres[1]
    for face in found:
        assert_plausible(face)


def test_max_side_scales_boxes_back(images, faces):
    """Detecting on a 600 px copy gives the same face in full-resolution pixels."""
    small_detector = build_face_detector("dlib_hog", max_side=600)
    found = small_detector(images["obama.jpg"])
    assert len(found) == 1
    reference = faces["obama.jpg"][0]
    assert _iou(found[0].box, reference.box) > 0.6
    eye_distance = reference.landmarks[1, 0] - reference.landmarks[0, 0]
    assert np.abs(found[0].landmarks - reference.landmarks).max() < 0.1 * eye_distance


def test_mediapipe_agrees_with_hog(images, faces):
    detector = build_face_detector("mediapipe")
    found = detector(images["obama.jpg"])
    assert len(found) == 1
    assert 0.5 < found[0].score <= 1.0
    reference = faces["obama.jpg"][0]
    assert _iou(found[0].box, reference.box) > 0.5
    assert np.abs(found[0].landmarks - reference.landmarks).max() < 6.0


def test_dlib_cnn_agrees_with_hog(images, faces):
    detector = build_face_detector("dlib_cnn", max_side=320)  # the CNN is slow on CPU
    found = detector(images["obama.jpg"])
    assert len(found) == 1
    reference = faces["obama.jpg"][0]
    assert _iou(found[0].box, reference.box) > 0.5
    assert np.abs(found[0].landmarks - reference.landmarks).max() < 6.0


def test_backends_registered():
    assert {"dlib_hog", "dlib_cnn", "mediapipe", "modelscope_damofd"} <= set(
        backends("face_detection"))
    assert "dlib_68" in backends("landmarks")


def test_registry_builds_the_default_detector(detector):
    assert isinstance(detector, FaceDetector)
    assert detector.backend == "dlib_hog"


def test_damofd_needs_a_model_source():
    with pytest.raises(ModelSourceError, match="no built-in weights"):
        build_face_detector("modelscope_damofd")


def test_damofd_without_modelscope_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "modelscope", None)
    source = ResolvedSource("face_detection", "local", str(tmp_path), tmp_path)
    with pytest.raises(ModelSourceError, match="hub"):
        build_face_detector("modelscope_damofd", source)


def test_unknown_backend_and_options_are_model_source_errors():
    with pytest.raises(ModelSourceError, match="unknown backend"):
        build_face_detector("retinaface")
    with pytest.raises(ModelSourceError, match="bad options"):
        build_face_detector("dlib_hog", upsampel=2)


def test_mediapipe_rejects_a_local_source(tmp_path):
    source = ResolvedSource("face_detection", "local", str(tmp_path), tmp_path)
    with pytest.raises(ModelSourceError, match="builtin"):
        build_face_detector("mediapipe", source)


@pytest.mark.parametrize("bad", [np.zeros((64, 64), np.uint8), np.zeros((64, 64, 3), np.float32),
                                 np.zeros((64, 64, 4), np.uint8), "not an image"])
def test_bad_images_are_invalid_input(detector, bad):
    with pytest.raises(InvalidInputError):
        detector(bad)
