"""Component runtimes: the one interface pipelines are written against.

Pipelines call ``await components.detect(image)`` and so on. :class:`LocalComponents` builds the
library components from the model registry (lazily, once per role) and runs each call in a worker
thread; the serving layer provides the same methods over Ray Serve deployment handles. So the
stage order lives once, in ``facechain/pipelines``, for both runtimes.

Stages that run on many items of one request (candidates, photos, faces) are called once for all
of them through the list methods (``detect_many``, ``fuse_many``, ``embed_many``, ...; one hop per
stage in the served graph, whatever the number of items). Each answers one value per item: its
result, or the ``Exception`` that item raised (:func:`facechain.pipelines.failures.each`), so one
item's failure stays that item's. :class:`ListsFromSingles` derives them from the single-item
methods for a runtime (or a test double) that has only those.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

import numpy as np

from facechain.pipelines.failures import each
from facechain.registry import ModelRegistry
from facechain.types import Attributes, Face, Parsing, QualityScore, Rotation

T = TypeVar("T")
Answers = list[T | Exception]
"""One answer per item of a list call: the item's result or the exception it raised."""


class PreprocessComponents(Protocol):
    async def upright(self, image: np.ndarray) -> Rotation: ...
    async def detect(self, image: np.ndarray) -> list[Face]: ...
    async def parse(self, image: np.ndarray) -> Parsing: ...
    async def retouch(self, image: np.ndarray, strength: float) -> np.ndarray: ...
    async def attributes(self, image: np.ndarray, face: Face) -> Attributes: ...
    async def tag(self, image: np.ndarray, face: Face, parsing: Parsing | None) -> list[str]: ...
    async def quality(self, image: np.ndarray, face: Face) -> QualityScore: ...
    async def embed(self, image: np.ndarray, face: Face) -> np.ndarray: ...
    # one call per stage for all photos
    async def upright_many(self, images: Sequence[np.ndarray]) -> Answers[Rotation]: ...
    async def quality_many(self, items: Sequence[tuple[np.ndarray, Face]]) -> Answers[QualityScore]: ...
    async def parse_many(self, images: Sequence[np.ndarray]) -> Answers[Parsing]: ...
    async def retouch_many(self, images: Sequence[np.ndarray], strength: float) -> Answers[np.ndarray]: ...
    async def attributes_many(self, items: Sequence[tuple[np.ndarray, Face]]) -> Answers[Attributes]: ...
    async def tag_many(self, items: Sequence[tuple[np.ndarray, Face, Parsing | None]]
                       ) -> Answers[list[str]]: ...


class ListsFromSingles:
    """The list methods of the component protocol, each as concurrent single-item calls (one
    answer per item, an item's ``Exception`` as its answer). For runtimes and test doubles that
    implement only the single-item methods; a runtime that can do better overrides ``_many``
    (:class:`LocalComponents`: all items in one worker thread)."""

    async def _many(self, method: str, items: Sequence[tuple[Any, ...]]) -> Answers[Any]:
        """The single-item ``method`` on each item, concurrently (one answer per item)."""
        call = getattr(self, method)

        async def one(args: tuple[Any, ...]) -> Any:
            try:
                return await call(*args)
            except Exception as exc:  # noqa: BLE001 - the item's answer
                return exc

        return list(await asyncio.gather(*(one(tuple(a)) for a in items)))

    async def detect_many(self, images):
        return await self._many("detect", [(i,) for i in images])

    async def fuse_many(self, items, template, template_face, strength):
        """Each ``(target, target_face)`` fused with the one template face."""
        return await self._many("fuse", [(t, f, template, template_face, strength)
                                         for t, f in items])

    async def embed_many(self, items):
        return await self._many("embed", items)

    async def upright_many(self, images):
        return await self._many("upright", [(i,) for i in images])

    async def quality_many(self, items):
        return await self._many("quality", items)

    async def parse_many(self, images):
        return await self._many("parse", [(i,) for i in images])

    async def retouch_many(self, images, strength):
        return await self._many("retouch", [(i, strength) for i in images])

    async def attributes_many(self, items):
        return await self._many("attributes", items)

    async def tag_many(self, items):
        return await self._many("tag", items)


class LocalComponents(ListsFromSingles):
    """In-process components built from a registry profile; each call runs in a thread.

    Each component is guarded by its own lock: the native libraries behind them (dlib,
    MediaPipe graphs, ONNX sessions) are not all safe to call from several threads at once,
    while different components still run concurrently.
    """

    def __init__(self, registry: ModelRegistry | None = None, **overrides: dict[str, Any]):
        self.registry = registry or ModelRegistry.load()
        self._overrides = overrides  # role -> constructor option overrides
        self._built: dict[str, Any] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._build_lock = threading.Lock()

    def component(self, role: str) -> Any:
        """The built component for ``role`` (built on first use)."""
        with self._build_lock:
            if role not in self._built:
                self._built[role] = self.registry.build(role, **self._overrides.get(role, {}))
                self._locks[role] = threading.Lock()
            return self._built[role]

    def _call_sync(self, role: str, *args: Any, **kwargs: Any) -> Any:
        component = self.component(role)
        with self._locks[role]:
            return component(*args, **kwargs)

    async def _call(self, role: str, *args: Any) -> Any:
        return await asyncio.to_thread(self._call_sync, role, *args)

    def _each_sync(self, role: str, items: Sequence[tuple[Any, ...]]) -> Answers[Any]:
        component = self.component(role)
        with self._locks[role]:
            return each(component, items)

    async def _call_many(self, role: str, items: Sequence[tuple[Any, ...]]) -> Answers[Any]:
        """``role``'s component on each item, in one worker thread (one answer per item)."""
        return await asyncio.to_thread(self._each_sync, role, [tuple(a) for a in items])

    async def upright(self, image):
        return await self._call("rotation", image)

    async def detect(self, image):
        return await self._call("face_detection", image)

    async def parse(self, image):
        return await self._call("human_parsing", image)

    async def retouch(self, image, strength):
        return await self._call("skin_retouching", image, strength)

    async def attributes(self, image, face):
        return await self._call("face_attributes", image, face)

    async def tag(self, image, face, parsing):
        return await self._call("tagging", image, face, parsing)

    async def quality(self, image, face):
        return await self._call("face_quality", image, face)

    async def embed(self, image, face):
        return await self._call("face_recognition", image, face)

    async def fuse(self, target, target_face, template, template_face, strength):
        return await self._call("face_fusion", target, target_face, template, template_face, strength)

    async def condition(self, image, kind, **options):
        return await asyncio.to_thread(self._call_sync, "conditions", image, kind, **options)

    # -- list calls (ListsFromSingles' methods): one worker thread per stage for all items -------
    _ROLES = {"detect": "face_detection", "fuse": "face_fusion", "embed": "face_recognition",
              "upright": "rotation", "quality": "face_quality", "parse": "human_parsing",
              "retouch": "skin_retouching", "attributes": "face_attributes", "tag": "tagging"}
    """Single-item method -> registry role, for the list methods."""

    async def _many(self, method: str, items: Sequence[tuple[Any, ...]]) -> Answers[Any]:
        return await self._call_many(self._ROLES[method], items)

    async def landmarks(self, image, faces):
        """68-point landmarks (``(68, 2)`` float arrays, image pixels) of each face, in order."""
        def run():
            predictor = self.component("landmarks")
            with self._locks["landmarks"]:
                return [predictor(image, face) for face in faces]

        return await asyncio.to_thread(run)

    async def segment_garment(self, image):
        """:class:`~facechain.types.GarmentParsing` of a garment photo (try-on)."""
        def run():
            segmenter = self.component("garment_segmentation")
            with self._locks["garment_segmentation"]:
                return segmenter.segment(image)

        return await asyncio.to_thread(run)

    # -- talking head: TTS and the x2 enhancer (the animator is ``component("talking_head")``)
    async def synthesize(self, text, voice=None, seed=None):
        """:class:`~facechain.types.Audio` of ``text`` in ``voice`` (phoneme timings included)."""
        def run():
            tts = self.component("tts")
            with self._locks["tts"]:
                return tts.synthesize(text, voice, seed=seed)

        return await asyncio.to_thread(run)

    async def voices(self):
        """The ``tts`` role's :class:`~facechain.types.Voice` list."""
        return await asyncio.to_thread(lambda: self.component("tts").voices())

    async def enhance(self, frames, boxes=None):
        """Each frame x2 (the face region by the model when ``boxes`` are given)."""
        def run():
            enhancer = self.component("face_restoration")
            with self._locks["face_restoration"]:
                return enhancer.enhance(frames, boxes)

        return await asyncio.to_thread(run)

    # -- diffusion: one engine (base pipeline resident, adapters per request) ------------------
    def engine(self):
        """The diffusion engine over the profile's base model (built on first use), on the
        backend of the ``diffusion`` override (``LocalComponents(diffusion={"backend":
        "compiled"})``, :class:`facechain.diffusion.accelerate.BackendConfig`; default torch)."""
        with self._build_lock:
            if "diffusion" not in self._built:
                from facechain.diffusion.accelerate import BackendConfig, apply_memory_budget
                from facechain.diffusion.engine import DiffusionEngine

                backend = BackendConfig.parse(self._overrides.get("diffusion"))
                base = self.registry.build("base_model", **self._overrides.get("base_model", {}))
                apply_memory_budget(backend, base.device)
                self._built["diffusion"] = DiffusionEngine(
                    base, controlnets=lambda kind: self.registry.build(f"controlnet_{kind}"),
                    backend=backend)
            return self._built["diffusion"]

    async def diffuse(self, request):
        return await asyncio.to_thread(lambda: self.engine()(request))
