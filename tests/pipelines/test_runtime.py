"""LocalComponents' list calls: one call per stage for many items, one answer per item."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

from facechain.errors import InvalidInputError
from facechain.pipelines.failures import each, per_item, value
from facechain.types import Rotation
from tests.conftest import shrink

BAD = np.zeros((32, 32), np.float32)  # not a uint8 RGB image: every component refuses it


def test_each_answers_per_item_and_lets_cancellation_through():
    def call(x):
        if x == 2:
            raise ValueError("two")
        if x == 3:
            raise asyncio.CancelledError()
        return x * 10

    answers = each(call, [(1,), (2,), (4,)])
    assert answers[0] == 10 and answers[2] == 40 and isinstance(answers[1], ValueError)
    assert value(answers[0]) == 10
    with pytest.raises(ValueError, match="two"):
        value(answers[1])
    with pytest.raises(asyncio.CancelledError):
        each(call, [(1,), (3,)])


def test_per_item_spreads_a_failed_call_over_its_items():
    async def down():
        raise ConnectionError("lost")

    answers = asyncio.run(per_item(down(), 3))
    assert len(answers) == 3 and all(isinstance(a, ConnectionError) for a in answers)


@pytest.fixture(scope="module")
def photos(images):
    return [shrink(images["obama.jpg"]), shrink(images["biden.jpg"])]


def test_detect_many_equals_detect_per_image_and_isolates_a_bad_item(local_components, photos):
    obama, biden = photos
    answers = asyncio.run(local_components.detect_many([obama, BAD, biden]))
    assert isinstance(answers[1], InvalidInputError)
    for image, answer in ((obama, answers[0]), (biden, answers[2])):
        (single,) = asyncio.run(local_components.detect(image))
        (face,) = answer
        assert face.box == single.box
        np.testing.assert_array_equal(face.landmarks, single.landmarks)


def test_fuse_and_embed_many_equal_the_single_calls(local_components, photos):
    obama, biden = photos
    (obama_face,), (biden_face,) = asyncio.run(local_components.detect_many([obama, biden]))
    fused = asyncio.run(local_components.fuse_many([(biden, biden_face), (BAD, biden_face)],
                                                   obama, obama_face, 0.5))
    single = asyncio.run(local_components.fuse(biden, biden_face, obama, obama_face, 0.5))
    np.testing.assert_array_equal(fused[0], single)
    assert isinstance(fused[1], Exception)
    embedded = asyncio.run(local_components.embed_many([(fused[0], biden_face), (obama, obama_face)]))
    np.testing.assert_array_equal(embedded[1], asyncio.run(local_components.embed(obama, obama_face)))
    assert embedded[0].shape == embedded[1].shape


@pytest.mark.slow
def test_preprocess_list_calls_answer_per_photo(local_components, photos):
    obama, _ = photos
    rotations = asyncio.run(local_components.upright_many([obama, BAD]))
    assert isinstance(rotations[0], Rotation) and rotations[0].faces
    assert isinstance(rotations[1], InvalidInputError)
    (face,) = asyncio.run(local_components.detect(obama))
    parsed, retouched, quality, attributes = (asyncio.run(c) for c in (
        local_components.parse_many([obama, BAD]),
        local_components.retouch_many([obama, BAD], 0.3),
        local_components.quality_many([(obama, face), (BAD, face)]),
        local_components.attributes_many([(obama, face), (BAD, face)])))
    for answers in (parsed, retouched, quality, attributes):
        assert len(answers) == 2 and not isinstance(answers[0], Exception)
        assert isinstance(answers[1], Exception)
    tags = asyncio.run(local_components.tag_many([(obama, face, parsed[0]), (BAD, face, None)]))
    assert isinstance(tags[0], list) and isinstance(tags[1], Exception)
