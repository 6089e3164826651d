"""Classical face quality on the real photos: blur, size and pose lower the score."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from facechain.components.face_quality import (
    BLUR_THRESHOLD,
    FaceQualityScorer,
    build_classical,
    build_modelscope_fqa,
    head_pose,
    sharpness,
)
from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import ResolvedSource
from facechain.types import Face

CROP_FACE_SIDE = 205  # the face's side in a 512 training crop (face_ratio 0.4)


@pytest.fixture(scope="module")
def scorer(registry):
    return registry.build("face_quality")


def scaled(image: np.ndarray, face: Face, factor: float) -> tuple[np.ndarray, Face]:
    interpolation = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
    out = cv2.resize(image, None, fx=factor, fy=factor, interpolation=interpolation)
    return out, Face(box=tuple(v * factor for v in face.box), landmarks=face.landmarks * factor,
                     score=face.score)


def test_blur_threshold_separates_sharp_from_blurred(images, faces):
    sharp, blurred = [], []
    for name, image in images.items():
        face = faces[name]
        # at the photo's own scale (faces ~250-330 px) and at the training crop's scale
        for factor in (1.0, CROP_FACE_SIDE / max(face.width, face.height)):
            img, f = scaled(image, face, factor)
            sharp.append(sharpness(img, f))
            for sigma in (3.0, 4.0):  # at the photo's scale, so scaled with the image
                blurred.append(sharpness(cv2.GaussianBlur(img, (0, 0), sigma * factor), f))
    assert min(sharp) > BLUR_THRESHOLD > max(blurred)
    assert min(sharp) > 2 * BLUR_THRESHOLD and max(blurred) < BLUR_THRESHOLD / 1.5  # margins


def test_score_range_and_terms(images, faces, scorer):
    q = scorer(images["obama.jpg"], faces["obama.jpg"])
    assert 0.0 <= q.score <= 1.0
    assert {"sharpness", "frontalness", "size", "detector"} <= set(q.terms)
    assert q.terms["blur_threshold"] == BLUR_THRESHOLD
    assert q.terms["sharpness_raw"] == pytest.approx(sharpness(images["obama.jpg"],
                                                               faces["obama.jpg"]))
    assert q.score > 0.9  # sharp, frontal, big, confidently detected


def test_blurred_copy_scores_lower(images, faces, scorer):
    for name, image in images.items():
        original = scorer(image, faces[name])
        blurred = scorer(cv2.GaussianBlur(image, (0, 0), 3.0), faces[name])
        assert blurred.score < original.score - 0.15, name
        assert blurred.terms["sharpness_raw"] < BLUR_THRESHOLD < original.terms["sharpness_raw"]


def test_small_face_scores_lower(images, faces, scorer):
    image, face = images["obama.jpg"], faces["obama.jpg"]
    original = scorer(image, face)
    small = scorer(*scaled(image, face, 0.25))  # a ~60 px face
    assert small.terms["size"] < 0.3
    assert small.score < original.score - 0.1


def test_turned_face_is_less_frontal(images, faces, scorer):
    frontal = scorer(images["obama.jpg"], faces["obama.jpg"]).terms["frontalness"]
    turned = scorer(images["obama2.jpg"], faces["obama2.jpg"]).terms["frontalness"]
    assert frontal > 0.9 and turned < frontal - 0.2
    yaw, roll = head_pose(faces["obama.jpg"])
    assert abs(yaw) < 0.1 and abs(roll) < 5


def test_roll_lowers_frontalness():
    landmarks = np.array([[40, 50], [80, 50], [60, 75], [45, 95], [75, 95]], float)
    level = Face(box=(20, 20, 100, 110), landmarks=landmarks, score=2.0)
    angle = np.radians(30)
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    tilted = Face(box=level.box, landmarks=(landmarks - 60) @ rot.T + 60, score=2.0)
    assert head_pose(level) == pytest.approx((0.0, 0.0), abs=1e-9)
    yaw, roll = head_pose(tilted)
    assert yaw == pytest.approx(0.0, abs=1e-9) and roll == pytest.approx(30.0)


def test_options_and_sources(tmp_path):
    with pytest.raises(ValueError):
        FaceQualityScorer(score_saturation=0)
    with pytest.raises(ValueError):
        FaceQualityScorer(weights={"sharpness": 1.0})
    with pytest.raises(ModelSourceError):
        build_classical(ResolvedSource("face_quality", "local", str(tmp_path), tmp_path))
    with pytest.raises(ModelSourceError, match="no built-in weights"):
        build_modelscope_fqa(ResolvedSource("face_quality", "builtin", "", None))
    with pytest.raises(ModelSourceError):
        build_modelscope_fqa(ResolvedSource("face_quality", "local", str(tmp_path), tmp_path))


def test_rejects_faces_without_landmarks(images, scorer):
    with pytest.raises(InvalidInputError):
        scorer(images["obama.jpg"], Face(box=(10, 10, 200, 200), landmarks=np.full((5, 2), np.nan),
                                         score=1.0))
