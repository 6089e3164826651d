"""Component runtimes: the one interface pipelines are written against.

Pipelines call ``await components.detect(image)`` and so on. :class:`LocalComponents` builds the
library components from the model registry (lazily, once per role) and runs each call in a worker
thread; the serving layer provides the same methods over Ray Serve deployment handles. So the
stage order lives once, in ``facechain/pipelines``, for both runtimes.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any, Protocol

import numpy as np

from facechain.registry import ModelRegistry
from facechain.types import Attributes, Face, Parsing, QualityScore, Rotation


class PreprocessComponents(Protocol):
    async def upright(self, image: np.ndarray) -> Rotation: ...
    async def detect(self, image: np.ndarray) -> list[Face]: ...
    async def parse(self, image: np.ndarray) -> Parsing: ...
    async def retouch(self, image: np.ndarray, strength: float) -> np.ndarray: ...
    async def attributes(self, image: np.ndarray, face: Face) -> Attributes: ...
    async def tag(self, image: np.ndarray, face: Face, parsing: Parsing | None) -> list[str]: ...
    async def quality(self, image: np.ndarray, face: Face) -> QualityScore: ...
    async def embed(self, image: np.ndarray, face: Face) -> np.ndarray: ...


class LocalComponents:
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
        """The diffusion engine over the profile's base model (built on first use)."""
        with self._build_lock:
            if "diffusion" not in self._built:
                from facechain.diffusion.engine import DiffusionEngine

                base = self.registry.build("base_model", **self._overrides.get("base_model", {}))
                self._built["diffusion"] = DiffusionEngine(
                    base, controlnets=lambda kind: self.registry.build(f"controlnet_{kind}"))
            return self._built["diffusion"]

    async def diffuse(self, request):
        return await asyncio.to_thread(lambda: self.engine()(request))
