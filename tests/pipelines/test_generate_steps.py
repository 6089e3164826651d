"""Training and generation steps with component doubles: what reaches the prompt, what runs when.

The diffusion here is either the builtin tiny model (LoRA training, seconds) or a double; the
preprocessing and ranking components are the doubles of ``fakes.py``."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest
from PIL import Image

from facechain.diffusion.lora_io import TEMPLATE_FACE_NAME, LoraArtifact, LoraMetadata
from facechain.errors import InvalidInputError
from facechain.pipelines.generate import GenerateParams, TemplateFaces, agenerate, build_prompt
from facechain.pipelines.train import TrainParams, atrain

from .fakes import (
    CountingCalls,
    FakePreprocessComponents,
    FakeRankComponents,
    grey_candidate,
    grey_photo,
    level_of,
)

WAIT_S = 5.0  # a test that would hang fails after this instead


# --- the child row's "children" tag reaches the generation prompt ------------------------------


def _train(base, out, components, **params) -> LoraArtifact:
    photos = [grey_photo(60), grey_photo(120)]
    params = TrainParams(steps=1, resolution=64, retouch_strength=0.0, **params)
    return asyncio.run(atrain(photos, components, base, out, params)).artifact


def test_a_child_band_lora_prompts_with_children(tiny_base, tmp_path):
    artifact = _train(tiny_base, tmp_path, FakePreprocessComponents(male_probability=0.2, age=9.0))
    assert artifact.metadata.trigger == "a girl"
    assert build_prompt(artifact, None).startswith("a girl, children, ")
    assert "children" in build_prompt(artifact, None, "red scarf").split(", ")


def test_train_overrides_reach_the_trigger_and_the_prompt(tiny_base, tmp_path):
    # an elderly woman the classifiers call a mature man
    components = FakePreprocessComponents(male_probability=0.98, age=70.0)
    artifact = _train(tiny_base, tmp_path, components, gender="female")
    assert artifact.metadata.trigger == "a mature woman"
    assert "children" not in build_prompt(artifact, None)
    child = _train(tiny_base, tmp_path / "child", components, gender="male", age_group="child")
    assert child.metadata.trigger == "a boy"
    assert build_prompt(child, None).startswith("a boy, children")
    report = child.metadata.extra["preprocess"]
    assert report["gender"] == "male" and all(a["caption"].startswith("a boy, children, ")
                                              for a in report["accepted"])


def test_train_params_hand_the_overrides_to_preprocessing():
    params = TrainParams(gender="female", age_group="mature", retouch_strength=0.1)
    pre = params.preprocess_params(size=128)
    assert (pre.gender.value, pre.age_group.value, pre.retouch_strength, pre.size) == (
        "female", "mature", 0.1, 128)
    assert params.preprocess_params(gender="male").gender.value == "male"
    assert TrainParams().preprocess_params().gender is None


# --- the template face is detected beside diffusion ---------------------------------------------

TEMPLATE_LEVEL = 100


@pytest.fixture
def lora(tmp_path) -> LoraArtifact:
    """A face LoRA folder without weights (the diffusion double never reads them)."""
    Image.fromarray(grey_candidate(TEMPLATE_LEVEL)).save(tmp_path / TEMPLATE_FACE_NAME)
    meta = LoraMetadata(kind="face", trigger="a handsome man", common_tags=["smile"],
                        base_model_id="builtin:tiny-sd15", base_model_fingerprint=None, rank=4,
                        alpha=4, steps=1, resolution=64, template_face=TEMPLATE_FACE_NAME,
                        template_embedding=np.eye(1, 128, 0, dtype=np.float32)[0].tolist())
    return LoraArtifact(path=tmp_path, weights_file=tmp_path / "unused.safetensors", metadata=meta)


class Components(FakeRankComponents):
    """Ranking doubles + a diffusion double. ``diffuse`` waits until the template face detection
    has started; ``template_faces=False``: the template has no face; ``diffuse_error``: diffusion
    fails once the detection started (and then template detection never finishes by itself)."""

    def __init__(self, *, template_faces: bool = True, diffuse_error: Exception | None = None):
        super().__init__()
        self.template_faces, self.diffuse_error = template_faces, diffuse_error
        self.detection_started = asyncio.Event()
        self.cancelled: set[str] = set()

    async def diffuse(self, request):
        try:
            async with asyncio.timeout(WAIT_S):  # (wait_for could swallow a cancellation)
                await self.detection_started.wait()
            if self.diffuse_error is not None:
                raise self.diffuse_error
            if not self.template_faces:  # the failed detection should have cancelled us by now
                await asyncio.sleep(WAIT_S)
            return [grey_candidate(40 + i) for i in range(request.num_images)]
        except asyncio.CancelledError:
            self.cancelled.add("diffuse")
            raise

    async def detect(self, image):
        if level_of(image) != TEMPLATE_LEVEL:
            return await super().detect(image)
        self.detection_started.set()
        try:
            if self.diffuse_error is not None:
                await asyncio.sleep(WAIT_S)
            return await super().detect(image) if self.template_faces else []
        except asyncio.CancelledError:
            self.cancelled.add("detect")
            raise


def _generate(lora, components):
    params = GenerateParams(num_images=3, top_k=2, seed=5, steps=1)
    return asyncio.run(asyncio.wait_for(agenerate(lora, params, components), 3 * WAIT_S))


def test_template_face_detection_runs_beside_diffusion(lora):
    out = _generate(lora, Components())
    assert [p.seed for p in out.portraits] == [5, 6] and [d.seed for d in out.dropped] == [7]


def test_a_template_without_a_face_is_reported_and_cancels_diffusion(lora):
    components = Components(template_faces=False)
    with pytest.raises(InvalidInputError, match="template face") as err:
        _generate(lora, components)
    assert err.value.param == "lora_id"
    assert components.cancelled == {"diffuse"}


def test_a_diffusion_failure_cancels_the_template_detection(lora):
    components = Components(diffuse_error=RuntimeError("CUDA out of memory"))
    with pytest.raises(RuntimeError, match="out of memory"):
        _generate(lora, components)
    assert components.cancelled == {"detect"}


def test_generation_reads_the_lora_off_the_event_loop(lora, monkeypatch):
    """The served graph runs agenerate on a replica's event loop: the LoRA folder, its template
    face, the style registry and the style's LoRA file are read in worker threads."""
    import threading

    import facechain.pipelines.generate as generate_module

    on_loop: dict[str, bool] = {}
    loop_thread: list[int] = []

    def spy(name, fn):
        def wrapped(*args, **kwargs):
            on_loop[name] = threading.get_ident() in loop_thread
            return fn(*args, **kwargs)
        return wrapped

    monkeypatch.setattr(generate_module, "read_lora", spy("read_lora", lambda path: lora))
    monkeypatch.setattr(LoraArtifact, "load_template_face",
                        spy("load_template_face", LoraArtifact.load_template_face))
    monkeypatch.setattr(generate_module.StyleRegistry, "load",
                        spy("StyleRegistry.load", generate_module.StyleRegistry.load))
    # the diffusion double never opens the file: no builtin style LoRA is built for this test
    monkeypatch.setattr(generate_module, "resolve_lora",
                        spy("resolve_lora", lambda style: lora.path / "style.safetensors"))

    async def run():
        loop_thread.append(threading.get_ident())
        params = GenerateParams(num_images=3, top_k=2, seed=5, steps=1, style="ink")
        return await asyncio.wait_for(agenerate(lora.path, params, Components()), 3 * WAIT_S)

    out = asyncio.run(run())
    assert [p.seed for p in out.portraits] == [5, 6]
    assert on_loop == {"read_lora": False, "load_template_face": False, "StyleRegistry.load": False,
                       "resolve_lora": False}


# --- a generation makes the same number of component calls whatever num_images ----------------


@pytest.mark.parametrize("num_images", [1, 4, 10])
def test_component_calls_per_generation_do_not_grow_with_num_images(lora, num_images):
    counted = CountingCalls(Components())
    params = GenerateParams(num_images=num_images, top_k=1, seed=5, steps=1)
    out = asyncio.run(asyncio.wait_for(agenerate(lora, params, counted), 3 * WAIT_S))
    assert len(out.portraits) + len(out.dropped) == num_images
    assert counted.calls == {"diffuse": 1, "detect": 1, "detect_many": 1, "fuse_many": 1,
                             "embed_many": 1}


# --- the template face, once per LoRA ------------------------------------------------------------


def _with_template_faces(lora, components, cache, **params):
    params = GenerateParams(**{"num_images": 2, "top_k": 1, "seed": 5, "steps": 1, **params})
    return asyncio.run(asyncio.wait_for(agenerate(lora, params, components, template_faces=cache),
                                        3 * WAIT_S))


def test_template_faces_detects_a_lora_template_once(lora):
    cache = TemplateFaces()
    first = CountingCalls(Components())
    _with_template_faces(lora, first, cache)
    assert first.calls["detect"] == 1 and (cache.hits, cache.misses, len(cache)) == (0, 1, 1)

    class NoDetectionWait(Components):  # a hit never detects: diffusion must not wait for it
        async def diffuse(self, request):
            self.detection_started.set()
            return await super().diffuse(request)

    again = CountingCalls(NoDetectionWait())
    out = _with_template_faces(lora, again, cache)
    assert "detect" not in again.calls and cache.hits == 1
    assert len(out.portraits) + len(out.dropped) == 2
    # the cached face is the one detection found: the same ranking as without the cache
    uncached = asyncio.run(asyncio.wait_for(agenerate(lora, GenerateParams(
        num_images=2, top_k=1, seed=5, steps=1), Components()), 3 * WAIT_S))
    assert [p.similarity for p in out.portraits] == [p.similarity for p in uncached.portraits]


def test_template_faces_keeps_no_failure_and_stays_bounded(lora, tmp_path):
    import dataclasses

    cache = TemplateFaces(size=1)
    with pytest.raises(InvalidInputError, match="no face found"):
        _with_template_faces(lora, Components(template_faces=False), cache)
    assert len(cache) == 0  # a template without a face is not remembered as one
    _with_template_faces(lora, Components(), cache)
    other = dataclasses.replace(lora, metadata=lora.metadata.model_copy(update={
        "template_embedding": np.eye(1, 128, 1, dtype=np.float32)[0].tolist()}))
    _with_template_faces(other, Components(), cache)  # another template: a miss, evicts the first
    assert (cache.misses, len(cache)) == (3, 1)
