"""dlib ResNet face embeddings on the real photos: same person closer than different people."""

from __future__ import annotations

import itertools

import cv2
import numpy as np
import pytest

from facechain.components.face_recognition import (
    SIMILARITY_MIDPOINT,
    build_dlib_resnet,
    distance,
    similarity,
    similarity_from_distance,
)
from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import ResolvedSource
from facechain.types import Face
from tests.conftest import OTHER_PERSON, SAME_PERSON


@pytest.fixture(scope="module")
def embeddings(images, faces, embedder):
    return {name: embedder(images[name], faces[name]) for name in images}


def test_embedding_shape_and_determinism(images, faces, embedder, embeddings):
    emb = embeddings["obama.jpg"]
    assert emb.shape == (128,) and emb.dtype == np.float32 and np.isfinite(emb).all()
    assert np.allclose(embedder(images["obama.jpg"], faces["obama.jpg"]), emb)


def test_same_person_closer_than_different_people(embeddings):
    same = [distance(embeddings[a], embeddings[b])
            for a, b in itertools.combinations(SAME_PERSON, 2)]
    other = [distance(embeddings[a], embeddings[OTHER_PERSON]) for a in SAME_PERSON]
    # measured: same 0.34-0.44, different 0.82-0.87
    assert max(same) < min(other)
    assert max(same) < 0.5 and min(other) > 0.7
    assert min(similarity(embeddings[a], embeddings[b])
               for a, b in itertools.combinations(SAME_PERSON, 2)) > 0.5
    assert max(similarity(embeddings[a], embeddings[OTHER_PERSON]) for a in SAME_PERSON) < 0.01


def test_embedding_survives_downscaling(images, faces, embedder, embeddings):
    image, face = images["obama2.jpg"], faces["obama2.jpg"]
    small = cv2.resize(image, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    half = Face(box=tuple(v * 0.5 for v in face.box), landmarks=face.landmarks * 0.5,
                score=face.score)
    assert distance(embedder(small, half), embeddings["obama2.jpg"]) < 0.15


def test_similarity_mapping():
    assert similarity_from_distance(SIMILARITY_MIDPOINT) == pytest.approx(0.5)
    values = [similarity_from_distance(d) for d in np.linspace(0.0, 2.0, 41)]
    assert all(0.0 <= v <= 1.0 for v in values)
    assert all(a > b for a, b in itertools.pairwise(values))  # strictly decreasing
    assert similarity_from_distance(0.0) > 0.99 and similarity_from_distance(0.44) > 0.8
    assert similarity_from_distance(0.64) < 0.2
    a = np.ones(128, np.float32)
    assert similarity(a, a) > 0.99 and distance(a, a) == 0.0


def test_distance_rejects_mismatched_sizes():
    with pytest.raises(InvalidInputError):
        distance(np.zeros(128), np.zeros(512))


def test_bad_inputs(embedder, faces, images):
    with pytest.raises(InvalidInputError):
        embedder(images["obama.jpg"].astype(np.float32), faces["obama.jpg"])
    with pytest.raises(InvalidInputError):
        embedder(images["obama.jpg"], Face(box=(10, 10, 10, 40), landmarks=np.zeros((5, 2)),
                                           score=1.0))


def test_missing_weights_folder(tmp_path):
    source = ResolvedSource("face_recognition", "local", str(tmp_path), tmp_path)
    with pytest.raises(ModelSourceError, match="not found"):
        build_dlib_resnet(source)
