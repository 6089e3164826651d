"""ServedComponents: every handle call is one counted hop; list calls carry all items at once.

No Ray cluster: the handles are recorders and the metric objects are replaced by recorders."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import numpy as np
import pytest

pytest.importorskip("ray.serve")

from facechain.components.face_alignment import rotate_image  # noqa: E402
from facechain.errors import FusionError  # noqa: E402
from facechain.pipelines.postprocess import TemplateRef, fuse_and_rank  # noqa: E402
from facechain.types import DropReason, Face, Rotation  # noqa: E402
from servekit import metrics  # noqa: E402
from servekit.adapters import ServedComponents  # noqa: E402

FACE = Face(box=(16.0, 16.0, 48.0, 48.0), score=1.0, landmarks=np.zeros((5, 2)))


class Handle:
    """Records ``(method, args)`` and answers ``answer(method, *args)``."""

    def __init__(self, answer):
        self.calls, self.answer = [], answer

    def options(self, **_):
        return self

    def __getattr__(self, method):
        async def remote(*args, **kwargs):
            self.calls.append((method, args))
            return self.answer(method, *args)

        return SimpleNamespace(remote=remote)


class Recorder:
    def __init__(self):
        self.calls = []

    def inc(self, value, tags=None):
        self.calls.append((value, tags))


@pytest.fixture
def hops(monkeypatch):
    recorder = Recorder()
    monkeypatch.setattr(metrics, "_objects", {metrics.STAGE_CALLS.name: recorder})
    return recorder


def grey(level: int) -> np.ndarray:
    return np.full((64, 64, 3), level, np.uint8)


def ranking_components():
    """Detection finds a face on every non-black image; fusion of level 20 raises a FusionError
    in the replica (answered as that item's value); the embedding is a fixed vector."""
    def detect(method, images):
        return [[FACE] if int(i[0, 0, 0]) else [] for i in images]

    def fuse(method, items, template, template_face, strength):
        return [FusionError("no cover") if int(t[0, 0, 0]) == 20 else t for t, _ in items]

    def embed(method, items):
        return [np.eye(1, 128, 0, dtype=np.float32)[0] for _ in items]

    handles = {"detection": Handle(detect), "fusion": Handle(fuse), "recognition": Handle(embed)}
    return ServedComponents(**handles), handles


def test_ranking_is_three_counted_hops_whatever_the_number_of_candidates(hops):
    for n in (1, 4, 10):
        hops.calls.clear()
        components, handles = ranking_components()
        candidates = [(i, grey(10 + 10 * i)) for i in range(n)]
        template = TemplateRef(image=grey(100), face=FACE,
                               embedding=np.eye(1, 128, 0, dtype=np.float32)[0])
        portraits, dropped = asyncio.run(fuse_and_rank(candidates, template, components,
                                                       top_k=n))
        assert [tags for _, tags in hops.calls] == [
            {"target": "FaceDetection", "method": "detect_many"},
            {"target": "FaceFusion", "method": "fuse_many"},
            {"target": "FaceRecognition", "method": "embed_many"}]
        (fuse_call,) = handles["fusion"].calls
        assert len(fuse_call[1][0]) == n and fuse_call[1][1] is template.image  # sent once
        failed = [d for d in dropped if d.reason is DropReason.FUSION_FAILED]
        assert [d.seed for d in failed] == ([1] if n > 1 else [])
        assert len(portraits) == n - len(failed)


def test_upright_many_turns_this_sides_copy_by_the_replicas_angle(hops):
    photo = np.arange(6 * 4 * 3, dtype=np.uint8).reshape(6, 4, 3)
    rotation = Handle(lambda method, images: [(90, [FACE]), RuntimeError("dlib")])
    components = ServedComponents(rotation=rotation)
    ok, failed = asyncio.run(components.upright_many([photo, photo]))
    assert isinstance(ok, Rotation) and ok.angle == 90 and ok.faces == [FACE]
    np.testing.assert_array_equal(ok.image, rotate_image(photo, 90))
    assert isinstance(failed, RuntimeError)
    assert [tags for _, tags in hops.calls] == [{"target": "Rotation", "method": "upright_many"}]


def test_single_calls_and_diffusion_are_counted_too(hops):
    handle = Handle(lambda method, *args: [])
    components = ServedComponents(detection=handle, diffusion=handle)
    asyncio.run(components.detect(grey(1)))
    asyncio.run(components.diffuse(SimpleNamespace(adapters=())))
    assert [tags for _, tags in hops.calls] == [
        {"target": "FaceDetection", "method": "detect"},
        {"target": "Diffusion", "method": "diffuse"}]
