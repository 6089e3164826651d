"""The per-role deployments' list methods, on the real components (no Ray cluster): one call for
many items, one answer per item, a bad item's exception as its answer (and it pickles, as it
crosses the hop)."""

from __future__ import annotations

import asyncio
import pickle

import numpy as np
import pytest

pytest.importorskip("ray.serve")

from facechain.errors import InvalidInputError  # noqa: E402
from facechain.imageio import read_image  # noqa: E402
from tests.conftest import FACES, shrink  # noqa: E402

BAD = np.zeros((32, 32), np.float32)


@pytest.mark.slow
def test_list_methods_answer_per_item_like_the_single_calls():
    from deployments.components import FaceDetection, FaceFusion, FaceRecognition, Rotation

    obama, biden = (shrink(read_image(FACES / n)) for n in ("obama.jpg", "biden.jpg"))
    detection = FaceDetection.func_or_class()
    found = pickle.loads(pickle.dumps(asyncio.run(detection.detect_many([obama, BAD, biden]))))
    assert isinstance(found[1], InvalidInputError) and found[1].param == "image"
    (obama_face,), (biden_face,) = found[0], found[2]
    assert obama_face.box == asyncio.run(detection.detect(obama))[0].box

    (angle, faces), bad = asyncio.run(Rotation.func_or_class().upright_many([obama, BAD]))
    assert angle == 0 and [f.box for f in faces] == [obama_face.box]
    assert isinstance(bad, InvalidInputError)

    fusion = FaceFusion.func_or_class()
    fused, bad = asyncio.run(fusion.fuse_many([(biden, biden_face), (BAD, biden_face)], obama,
                                              obama_face, 0.5))
    np.testing.assert_array_equal(fused, asyncio.run(fusion.fuse(biden, biden_face, obama,
                                                                 obama_face, 0.5)))
    assert isinstance(bad, Exception)

    recognition = FaceRecognition.func_or_class()
    vector, bad = asyncio.run(recognition.embed_many([(obama, obama_face), (BAD, obama_face)]))
    np.testing.assert_array_equal(vector, asyncio.run(recognition.embed(obama, obama_face)))
    assert isinstance(bad, Exception)
