"""Fusion + similarity ranking over real candidates, with local components in threads."""

from __future__ import annotations

import asyncio

import cv2
import numpy as np
import pytest

from facechain.errors import (
    AllItemsFailedError,
    ComponentError,
    FusionError,
    InvalidInputError,
    LowQualityFaceError,
)
from facechain.pipelines.failures import each
from facechain.pipelines.postprocess import (
    TemplateRef,
    fuse_and_rank,
    fuse_and_rank_sync,
    screen_faces,
)
from facechain.types import DropReason, Face, TemplateFace
from tests.conftest import shrink

from .fakes import CANDIDATE_FACE, FakeRankComponents, grey_candidate


def to_height(image: np.ndarray, height: int) -> np.ndarray:
    scale = height / image.shape[0]
    return cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)


class LocalRankComponents:
    """The real detector, embedder and fuser behind the list methods (each list call in one
    thread, as LocalComponents runs them), counting list calls and the items they carried."""

    def __init__(self, detector, embedder, fuser):
        self.detector, self.embedder, self.fuser = detector, embedder, fuser
        self.calls = {"detect_many": 0, "fuse_many": 0, "embed_many": 0}
        self.items = {"detect": 0, "fuse": 0, "embed": 0}

    async def _run(self, name, fn, items):
        self.calls[f"{name}_many"] += 1
        self.items[name] += len(items)
        return await asyncio.to_thread(each, fn, items)

    async def detect_many(self, images):
        return await self._run("detect", self.detector, [(i,) for i in images])

    async def embed_many(self, items):
        return await self._run("embed", self.embedder, list(items))

    async def fuse_many(self, items, template, template_face, strength):
        return await self._run("fuse", self.fuser, [(t, f, template, template_face, strength)
                                                    for t, f in items])


@pytest.fixture(scope="module")
def components(registry, detector, embedder):
    return LocalRankComponents(detector, embedder, registry.build("face_fusion"))


@pytest.fixture(scope="module")
def template(images, detector, embedder):
    obama = shrink(images["obama.jpg"])
    (face,) = detector(obama)
    return TemplateRef(image=obama, face=face, embedding=embedder(obama, face))


@pytest.fixture(scope="module")
def candidates(images, detector):
    """(seed, image) candidates: three usable obama-likes, biden, and three unusable ones."""
    obama2, obama3, biden = (shrink(images[n]) for n in ("obama2.jpg", "obama3.jpg", "biden.jpg"))
    blank = np.full((480, 480, 3), 128, np.uint8)
    collage = np.hstack([to_height(images["obama2.jpg"], 480), to_height(images["biden.jpg"], 480)])
    tiny = np.full((800, 800, 3), 200, np.uint8)  # obama's face ~52 px on an 800 px canvas
    small = to_height(images["obama.jpg"], 200)
    tiny[300:300 + small.shape[0], 300:300 + small.shape[1]] = small
    # obama2 with a small (< 1/4 the area) background face of biden: still one face
    (bface,) = detector(shrink(images["biden.jpg"], 1200))
    x0, y0, x1, y1 = (int(v) for v in bface.box)
    margin = (x1 - x0) // 2
    head = shrink(images["biden.jpg"], 1200)[y0 - margin:y1 + margin, x0 - margin:x1 + margin]
    head = to_height(head, 128)
    strip = np.full((obama2.shape[0], 200, 3), 255, np.uint8)
    strip[400:400 + head.shape[0], 40:40 + head.shape[1]] = head
    background_face = np.hstack([obama2, strip])
    return [(10, obama2), (11, obama3), (12, biden), (13, blank), (14, collage), (15, tiny),
            (16, background_face)]


@pytest.fixture(scope="module")
def ranked(candidates, template, components):
    return fuse_and_rank_sync(candidates, template, components, top_k=3, fusion_strength=0.5)


def test_ranking_keeps_the_template_person_on_top(ranked):
    portraits, dropped = ranked
    assert sorted(p.seed for p in portraits) == [10, 11, 16]
    sims = [p.similarity for p in portraits]
    assert sims == sorted(sims, reverse=True)
    assert all(s > 0.5 for s in sims)  # same person after fusion
    (biden,) = [d for d in dropped if d.seed == 12]
    assert biden.reason is DropReason.BELOW_TOP_K
    assert biden.similarity is not None and biden.similarity < min(sims)
    assert "top 3" in biden.message


def test_portraits_carry_fused_images_and_faces(ranked, candidates):
    by_seed = dict(candidates)
    for portrait in ranked[0]:
        source = by_seed[portrait.seed]
        assert portrait.image.shape == source.shape and portrait.image.dtype == np.uint8
        assert not np.array_equal(portrait.image, source)  # fused
        assert portrait.face is not None and portrait.face.area > 0


def test_unusable_candidates_are_dropped_with_reasons(ranked):
    reasons = {d.seed: d.reason for d in ranked[1]}
    assert reasons == {12: DropReason.BELOW_TOP_K, 13: DropReason.NO_FACE,
                       14: DropReason.MULTIPLE_FACES, 15: DropReason.FACE_TOO_SMALL}
    for d in ranked[1]:
        assert d.message
        assert (d.similarity is not None) == (d.reason is DropReason.BELOW_TOP_K)


def test_one_call_per_stage_and_only_usable_ones_are_fused(ranked, components):
    assert components.calls == {"detect_many": 1, "fuse_many": 1, "embed_many": 1}
    assert components.items == {"detect": 7, "fuse": 4, "embed": 4}


def test_screen_faces_thresholds():
    image = np.zeros((512, 512, 3), np.uint8)

    def face(side, x=100):
        return Face(box=(x, 100, x + side, 100 + side), landmarks=np.zeros((5, 2)), score=1.0)

    params = dict(min_face_fraction=0.08, max_face_fraction=0.8, dominance=4.0)
    main, reason, _ = screen_faces([face(150), face(70, 300)], image, **params)  # 0.22 area ratio
    assert main is not None and main.width == 150 and reason is None
    _, reason, msg = screen_faces([face(150), face(80, 300)], image, **params)  # 0.28 area ratio
    assert reason is DropReason.MULTIPLE_FACES and "2 faces" in msg
    assert screen_faces([face(30)], image, **params)[1] is DropReason.FACE_TOO_SMALL
    assert screen_faces([face(450, 0)], image, **params)[1] is DropReason.FACE_TOO_LARGE
    assert screen_faces([], image, **params)[1] is DropReason.NO_FACE


@pytest.mark.parametrize("params", [{"top_k": 0}, {"fusion_strength": 1.5},
                                    {"min_face_fraction": 0.5, "max_face_fraction": 0.4},
                                    {"dominance": 0.5}])
def test_invalid_parameters(params, template, components):
    with pytest.raises(InvalidInputError):
        asyncio.run(fuse_and_rank([], template, components, **params))


def test_empty_candidates_and_template_ref(template, components):
    assert fuse_and_rank_sync([], template, components) == ([], [])
    ref = TemplateRef.from_template(TemplateFace(source="a.jpg", image=template.image,
                                                 face=template.face, quality=0.9,
                                                 embedding=template.embedding))
    assert ref.face is template.face and ref.embedding is template.embedding


# --- one bad candidate never sinks the request ------------------------------------------------

FAKE_TEMPLATE = TemplateRef(image=grey_candidate(100), face=CANDIDATE_FACE,
                            embedding=np.eye(1, 128, 0, dtype=np.float32)[0])


class Wrapped(Exception):
    """What Ray's RayTaskError looks like from a handle: the original as ``.cause``."""

    def __init__(self, cause: BaseException):
        super().__init__(f"Traceback (most recent call last):\n  ...\n{cause!r}")
        self.cause = cause


def _grey_candidates(*levels: int) -> list[tuple[int, np.ndarray]]:
    return [(level, grey_candidate(level)) for level in levels]  # seed = grey level


@pytest.mark.parametrize("method,reason,stage", [
    ("detect", DropReason.DETECTION_FAILED, "detection"),
    ("fuse", DropReason.FUSION_FAILED, "fusion"),
    ("embed", DropReason.EMBEDDING_FAILED, "embedding")])
@pytest.mark.parametrize("exc,type_name", [
    (RuntimeError("dlib: bad alloc"), "RuntimeError"),
    (cv2.error("OpenCV(4.10) error: (-215:Assertion failed) !_src.empty()"), "error"),
    (ValueError("operands could not be broadcast"), "ValueError"),
    (FusionError("the template face does not cover the target face"), "FusionError"),
    (InvalidInputError("expected a uint8 RGB image", param="image"), "InvalidInputError"),
    (Wrapped(RuntimeError("in the replica")), "RuntimeError"),
])
def test_a_component_failing_on_one_candidate_drops_that_candidate_only(method, reason, stage, exc,
                                                                        type_name):
    components = FakeRankComponents(fail={method: (20, exc)})
    portraits, dropped = fuse_and_rank_sync(_grey_candidates(10, 20, 30), FAKE_TEMPLATE,
                                            components, top_k=3)
    assert [p.seed for p in portraits] == [10, 30]
    (drop,) = dropped
    assert drop.seed == 20 and drop.reason is reason and drop.reason.value.endswith("_failed")
    assert drop.message.startswith(f"{stage} failed: {type_name}")
    assert "Traceback" not in drop.message and drop.similarity is None


def test_unexpected_candidate_errors_are_logged_with_their_traceback(caplog):
    components = FakeRankComponents(fail={"fuse": (20, RuntimeError("boom"))})
    with caplog.at_level("WARNING", logger="facechain.pipelines.failures"):
        fuse_and_rank_sync(_grey_candidates(10, 20), FAKE_TEMPLATE, components)
    (record,) = [r for r in caplog.records if "seed=20" in r.getMessage()]
    assert record.exc_info is not None and record.exc_info[0] is RuntimeError


def test_cancellation_of_a_candidate_is_not_a_drop():
    components = FakeRankComponents(fail={"embed": (20, asyncio.CancelledError())})
    with pytest.raises(asyncio.CancelledError):
        fuse_and_rank_sync(_grey_candidates(10, 20), FAKE_TEMPLATE, components)


@pytest.mark.parametrize("method", ["detect", "fuse", "embed"])
def test_every_candidate_failing_is_a_server_error_not_zero_portraits(method):
    down = Wrapped(ConnectionError("the detection deployment is down"))
    with pytest.raises(AllItemsFailedError) as err:
        fuse_and_rank_sync(_grey_candidates(10, 20), FAKE_TEMPLATE,
                           FakeRankComponents(fail={method: (None, down)}))
    assert isinstance(err.value, ComponentError) and not isinstance(err.value, InvalidInputError)
    assert err.value.__cause__ is down
    assert sorted(d.seed for d in err.value.failures) == [10, 20]


def test_zero_portraits_with_a_verdict_is_still_an_answer():
    # the black candidate has no face (a verdict); the other failed: nothing to return, no error
    components = FakeRankComponents(fail={"fuse": (20, RuntimeError("boom"))})
    portraits, dropped = fuse_and_rank_sync(_grey_candidates(0, 20), FAKE_TEMPLATE, components)
    assert portraits == []
    assert {d.seed: d.reason for d in dropped} == {0: DropReason.NO_FACE,
                                                  20: DropReason.FUSION_FAILED}


def test_a_low_quality_face_on_every_candidate_is_a_verdict_not_a_server_error():
    # RTS with min_quality: every fused face scored unreliable drops each candidate, no 5xx
    low = LowQualityFaceError("RTS quality 0.210 below min_quality 0.500")
    portraits, dropped = fuse_and_rank_sync(_grey_candidates(10, 20), FAKE_TEMPLATE,
                                            FakeRankComponents(fail={"embed": (None, low)}))
    assert portraits == []
    assert [(d.seed, d.reason) for d in dropped] == [(10, DropReason.EMBEDDING_FAILED),
                                                    (20, DropReason.EMBEDDING_FAILED)]
    assert "below min_quality" in dropped[0].message


@pytest.fixture(scope="module")
def uncovering_template(template):
    """The template photo cut 2 px into its face box: fusion has nothing of the face to put in."""
    sliver = np.ascontiguousarray(template.image[:, :int(template.face.box[0]) + 2])
    return TemplateRef(image=sliver, face=template.face, embedding=template.embedding)


def test_real_fusion_without_cover_drops_that_candidate(candidates, template, components,
                                                        uncovering_template):
    class UncoveredForSeed11(LocalRankComponents):
        async def fuse_many(self, items, template_image, template_face, strength):
            def fuse(target, target_face):
                if target is by_seed[11]:  # one candidate gets a template that cannot cover it
                    return self.fuser(target, target_face, uncovering_template.image,
                                      uncovering_template.face, strength)
                return self.fuser(target, target_face, template_image, template_face, strength)

            return await self._run("fuse", fuse, list(items))

    by_seed = dict(candidates)
    real = UncoveredForSeed11(components.detector, components.embedder, components.fuser)
    portraits, dropped = fuse_and_rank_sync([(10, by_seed[10]), (11, by_seed[11])], template,
                                            real, top_k=2)
    assert [p.seed for p in portraits] == [10]
    (drop,) = dropped
    assert (drop.seed, drop.reason) == (11, DropReason.FUSION_FAILED)
    assert drop.message == ("fusion failed: FusionError: the template face does not cover the "
                            "target face")


def test_real_fusion_without_cover_on_every_candidate(candidates, components, uncovering_template):
    """A fusion that cannot fuse is a verdict on each candidate (like ``no_face``), not a broken
    component: the request still answers, with every candidate dropped and why."""
    by_seed = dict(candidates)
    portraits, dropped = fuse_and_rank_sync([(10, by_seed[10]), (11, by_seed[11])],
                                            uncovering_template, components)
    assert portraits == []
    assert [(d.seed, d.reason) for d in dropped] == [(10, DropReason.FUSION_FAILED),
                                                     (11, DropReason.FUSION_FAILED)]
    assert all("does not cover" in d.message for d in dropped)


def test_each_stage_is_one_list_call_for_all_candidates():
    components = FakeRankComponents()
    portraits, dropped = fuse_and_rank_sync(_grey_candidates(0, 10, 20, 30), FAKE_TEMPLATE,
                                            components, top_k=2)
    assert len(portraits) == 2 and len(dropped) == 2
    assert components.calls == {"detect_many": 1, "fuse_many": 1, "embed_many": 1}


@pytest.mark.parametrize("method,reason", [("detect_many", DropReason.DETECTION_FAILED),
                                           ("fuse_many", DropReason.FUSION_FAILED),
                                           ("embed_many", DropReason.EMBEDDING_FAILED)])
def test_a_list_call_that_fails_as_a_whole_fails_each_of_its_candidates(method, reason):
    """The hop itself failing (a replica lost): every candidate it carried is dropped with that
    stage's reason, and with none left it is a server error, as with per-candidate calls."""
    down = Wrapped(ConnectionError("the replica died"))

    class Down(FakeRankComponents):
        pass

    async def fail(*args, **kwargs):
        raise down

    setattr(Down, method, fail)
    with pytest.raises(AllItemsFailedError) as err:
        fuse_and_rank_sync(_grey_candidates(10, 20), FAKE_TEMPLATE, Down())
    assert err.value.__cause__ is down
    assert [(d.seed, d.reason) for d in err.value.failures] == [(10, reason), (20, reason)]
    assert all("ConnectionError: the replica died" in d.message for d in err.value.failures)


def test_a_list_call_answering_the_wrong_number_of_items_fails_its_candidates():
    class Short(FakeRankComponents):
        async def embed_many(self, items):
            return (await super().embed_many(items))[:-1]

    with pytest.raises(AllItemsFailedError) as err:
        fuse_and_rank_sync(_grey_candidates(10, 20), FAKE_TEMPLATE, Short())
    assert {d.reason for d in err.value.failures} == {DropReason.EMBEDDING_FAILED}
