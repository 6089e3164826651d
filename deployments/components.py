"""One thin Ray Serve deployment per model role.

Each class wraps the library component its registry profile names for the role: it builds the
component once in the constructor, runs each call in a worker thread (the event loop stays free
for health checks and other requests; a lock serialises calls into native code that is not
re-entrant), times it into the ``stage`` latency histogram and has a ``check_health`` that runs
the component on a small probe image. Replicas, CPUs and GPUs come from ``configs/serve/*.yaml``.

The ``*_many`` methods take all items of a request in one call (one hop): the items run one
after the other under the lock, each timed into the histogram as a single call is, and each
answers its result or the ``Exception`` it raised (:func:`facechain.pipelines.failures.each`), so
one item's failure stays that item's.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import numpy as np
from ray import serve

from deployments.process import lower_priority
from facechain.errors import NoPersonError
from facechain.pipelines.failures import each
from facechain.registry import ModelRegistry
from servekit.metrics import observe_stage

PROBE = np.zeros((64, 64, 3), np.uint8)


def setup_model_process(threads: int) -> None:
    """Once per model replica: one intra-op torch thread per fractional-CPU replica by default
    (measured faster, DESIGN §3), and the model niceness (:mod:`deployments.process`)."""
    try:
        import torch

        torch.set_num_threads(max(1, int(threads)))
    except ImportError:  # pragma: no cover - torch is a hard dependency of the library
        pass
    lower_priority()


class ComponentDeployment:
    """Base of the per-role deployments: ``role`` names the registry role."""

    role: str = ""

    def __init__(self, models: str = "default", options: dict[str, Any] | None = None,
                 threads: int = 1):
        setup_model_process(threads)
        self.component = ModelRegistry.load(models).build(self.role, **(options or {}))
        self._lock = threading.Lock()

    def _locked(self, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            return self.component(*args, **kwargs)

    async def _run(self, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return await asyncio.to_thread(self._locked, *args, **kwargs)
        finally:
            observe_stage(self.role, time.perf_counter() - started)

    def _timed_locked(self, *args: Any) -> Any:
        started = time.perf_counter()
        try:
            return self._locked(*args)
        finally:
            observe_stage(self.role, time.perf_counter() - started)

    async def _run_many(self, items: list[tuple[Any, ...]]) -> list[Any]:
        """The component on each argument tuple, in one worker thread; one answer per item."""
        return await asyncio.to_thread(each, self._timed_locked, [tuple(a) for a in items])

    def _probe(self) -> None:
        """A cheap real call; raising marks the replica unhealthy and Serve replaces it."""

    async def check_health(self) -> None:
        await asyncio.to_thread(self._probe)


@serve.deployment(name="Rotation")
class Rotation(ComponentDeployment):
    role = "rotation"

    async def upright(self, image):
        return await self._run(image)

    async def upright_many(self, images) -> list:
        """``(angle, faces)`` of each photo: the caller turns its own copy by ``angle``, so the
        upright full-resolution image does not cross back."""
        answers = await self._run_many([(i,) for i in images])
        return [a if isinstance(a, Exception) else (a.angle, a.faces) for a in answers]

    def _probe(self):
        self._locked(PROBE)


@serve.deployment(name="FaceDetection")
class FaceDetection(ComponentDeployment):
    """Face detection (role ``face_detection``) and, in the same replica, the 68-point landmarks
    (role ``landmarks``) that template inpainting asks for right after detecting.

    Why here and not a ``Landmarks`` deployment of its own: the offline detector already runs the
    very same dlib 68-point predictor for its 5 landmarks (one ~100 MB model, loaded once per
    process and shared), the two calls always come as a pair on the same image, and a separate
    deployment would cost another replica process and another hop for a call of milliseconds.
    Both components are called under the replica's one lock (the shared dlib predictor).
    """

    role = "face_detection"

    def __init__(self, models: str = "default", options: dict[str, Any] | None = None,
                 threads: int = 1, landmarks_options: dict[str, Any] | None = None):
        super().__init__(models, options, threads)
        self.landmark_predictor = ModelRegistry.load(models).build("landmarks",
                                                                   **(landmarks_options or {}))

    async def detect(self, image):
        return await self._run(image)

    async def detect_many(self, images) -> list:
        return await self._run_many([(i,) for i in images])

    def _landmarks_locked(self, image, faces) -> list:
        with self._lock:
            return [self.landmark_predictor(image, face) for face in faces]

    async def landmarks(self, image, faces) -> list:
        """68-point landmarks ((68, 2) float arrays, image pixels) of each face, in order: one
        hop for all the faces of a request."""
        started = time.perf_counter()
        try:
            return await asyncio.to_thread(self._landmarks_locked, image, list(faces))
        finally:
            observe_stage("landmarks", time.perf_counter() - started)

    def _probe(self):
        self._locked(PROBE)
        self._landmarks_locked(PROBE, [(8.0, 8.0, 56.0, 56.0)])


@serve.deployment(name="HumanParsing")
class HumanParsing(ComponentDeployment):
    role = "human_parsing"

    async def parse(self, image):
        return await self._run(image)

    async def parse_many(self, images) -> list:
        return await self._run_many([(i,) for i in images])

    def _probe(self):
        self._locked(PROBE)


@serve.deployment(name="SkinRetouching")
class SkinRetouching(ComponentDeployment):
    role = "skin_retouching"

    async def retouch(self, image, strength):
        return await self._run(image, strength)

    async def retouch_many(self, images, strength) -> list:
        return await self._run_many([(i, strength) for i in images])

    def _probe(self):
        self._locked(PROBE, 0.5)


@serve.deployment(name="FaceAttributes")
class FaceAttributes(ComponentDeployment):
    role = "face_attributes"

    async def attributes(self, image, face):
        return await self._run(image, face)

    async def attributes_many(self, items) -> list:
        return await self._run_many(items)


@serve.deployment(name="Tagging")
class Tagging(ComponentDeployment):
    role = "tagging"

    async def tag(self, image, face, parsing):
        return await self._run(image, face, parsing)

    async def tag_many(self, items) -> list:
        return await self._run_many(items)


@serve.deployment(name="FaceQuality")
class FaceQuality(ComponentDeployment):
    role = "face_quality"

    async def quality(self, image, face):
        return await self._run(image, face)

    async def quality_many(self, items) -> list:
        return await self._run_many(items)


@serve.deployment(name="FaceRecognition")
class FaceRecognition(ComponentDeployment):
    role = "face_recognition"

    async def embed(self, image, face):
        return await self._run(image, face)

    async def embed_many(self, items) -> list:
        return await self._run_many(items)


@serve.deployment(name="FaceFusion")
class FaceFusion(ComponentDeployment):
    role = "face_fusion"

    async def fuse(self, target, target_face, template, template_face, strength):
        return await self._run(target, target_face, template, template_face, strength)

    async def fuse_many(self, items, template, template_face, strength) -> list:
        """Each ``(target, target_face)`` fused with the one template (sent once)."""
        return await self._run_many([(t, f, template, template_face, strength)
                                     for t, f in items])


@serve.deployment(name="Conditions")
class Conditions(ComponentDeployment):
    """Condition annotators (pose / canny / depth) for the ControlNets inside Diffusion."""

    role = "conditions"

    async def condition(self, image, kind, **options):
        return await self._run(image, kind, **options)

    def _probe(self):
        self._locked(PROBE, "canny")


@serve.deployment(name="GarmentSegmentation")
class GarmentSegmentation(ComponentDeployment):
    """Garment mask and the other try-on masks of a garment photo
    (:class:`facechain.types.GarmentParsing`); a photo without a person raises
    :class:`facechain.errors.NoPersonError` (HTTP 400 ``no_person``)."""

    role = "garment_segmentation"

    def _locked(self, image):  # the component's ``segment``, not its ``__call__`` (mask only)
        with self._lock:
            return self.component.segment(image)

    async def segment(self, image):
        return await self._run(image)

    def _probe(self):
        # a real pass through every graph; a blank probe has no person, which is its answer
        try:
            self._locked(PROBE)
        except NoPersonError:
            pass


@serve.deployment(name="TextToSpeech")
class TextToSpeech(ComponentDeployment):
    """TTS (role ``tts``): Piper with phoneme timings, espeak-ng voices as the fallback."""

    role = "tts"

    def _synthesize_locked(self, text, voice, seed):
        with self._lock:
            return self.component.synthesize(text, voice, seed=seed)

    async def synthesize(self, text, voice=None, seed=None):
        started = time.perf_counter()
        try:
            return await asyncio.to_thread(self._synthesize_locked, text, voice, seed)
        finally:
            observe_stage(self.role, time.perf_counter() - started)

    async def voices(self) -> list:
        return self.component.voices()

    async def check(self, text: str, voice: str | None = None) -> None:
        """Validate a TTS request before its job is queued: text length, voice id (typed
        errors: 400 / 413 ``text``, 404 ``voice``)."""
        from facechain.components.tts import check_text

        check_text(text, self.component.max_chars)
        self.component.voice(voice)

    def _probe(self):
        self.component.voice(None)


@serve.deployment(name="FaceRestoration")
class FaceRestoration(ComponentDeployment):
    """x2 enhancement (role ``face_restoration``) of talk frames, a chunk per call."""

    role = "face_restoration"

    def _locked(self, frames, boxes=None):
        with self._lock:
            return self.component.enhance(frames, boxes)

    async def enhance(self, frames, boxes=None):
        return await self._run(frames, boxes)

    def _probe(self):
        self._locked([np.zeros((16, 16, 3), np.uint8)])
