"""Component runtimes over deployment handles.

:class:`ServedComponents` gives the library pipelines (``facechain.pipelines``) the same async
methods as :class:`facechain.pipelines.runtime.LocalComponents`, each one a hop to the deployment
of that model role. The stage order therefore lives once, in the library, for both runtimes.

Diffusion requests are routed by the face LoRA id (:func:`servekit.loras.multiplexed_model_id`)
so they land on a replica that already holds that adapter. Routing is per diffusion request, not
per HTTP request: template inpainting redraws one face after the other and each face's passes
(stage 1 txt2img, stage 2 inpaint, stage 3 refinement) carry that face's adapter only, so an
inpaint naming several LoRAs sends face 0's passes to a replica holding LoRA 0 and face 1's to
one holding LoRA 1; they may be different replicas, and nothing needs both LoRAs in one place.
The running result (a uint8 image) travels with each request, so no replica keeps state between
the faces. Try-on's garment pass and its face pass are routed by the one LoRA in the same way.

``landmarks`` is served by the FaceDetection deployment (same dlib predictor as the detector's
5 points); ``segment_garment`` by GarmentSegmentation; ``synthesize`` / ``voices`` by
TextToSpeech and ``enhance`` by FaceRestoration (the talk pipeline runs in the TalkingHead
deployment, next to its animator, and reaches these two over hops).
"""

from __future__ import annotations

from typing import Any

from facechain.components.face_alignment import rotate_image
from facechain.diffusion.engine import DiffusionRequest
from facechain.types import Rotation
from servekit.loras import multiplexed_model_id
from servekit.metrics import record_stage_call

# handle keyword -> deployment name (configs/serve/*.yaml)
HANDLES = {
    "rotation": "Rotation", "detection": "FaceDetection", "parsing": "HumanParsing",
    "retouching": "SkinRetouching", "attributes": "FaceAttributes", "tagging": "Tagging",
    "quality": "FaceQuality", "recognition": "FaceRecognition", "fusion": "FaceFusion",
    "conditions": "Conditions", "diffusion": "Diffusion",
    "garment_segmentation": "GarmentSegmentation", "tts": "TextToSpeech",
    "restoration": "FaceRestoration",
}


class ServedComponents:
    """``handles``: keyword (see :data:`HANDLES`) -> DeploymentHandle; absent ones are unused.

    Every handle call is one hop, counted in ``facechain_stage_calls_total{target, method}``
    (:func:`servekit.metrics.record_stage_call`). The list methods (``detect_many`` ...) are one
    hop for all items of a request; their answers are one value per item, the result or the
    exception that item raised in the replica."""

    def __init__(self, **handles: Any):
        unknown = set(handles) - set(HANDLES)
        if unknown:
            raise TypeError(f"unknown handles {sorted(unknown)}")
        self.h = handles

    def _remote(self, keyword: str, method: str, *args: Any, **kwargs: Any):
        """``handles[keyword].method.remote(*args, **kwargs)``, counted as one hop."""
        record_stage_call(HANDLES[keyword], method)
        return getattr(self.h[keyword], method).remote(*args, **kwargs)

    # preprocessing
    async def upright(self, image):
        return await self._remote("rotation", "upright", image)

    async def detect(self, image):
        return await self._remote("detection", "detect", image)

    async def parse(self, image):
        return await self._remote("parsing", "parse", image)

    async def retouch(self, image, strength):
        return await self._remote("retouching", "retouch", image, strength)

    async def attributes(self, image, face):
        return await self._remote("attributes", "attributes", image, face)

    async def tag(self, image, face, parsing):
        return await self._remote("tagging", "tag", image, face, parsing)

    async def quality(self, image, face):
        return await self._remote("quality", "quality", image, face)

    async def embed(self, image, face):
        return await self._remote("recognition", "embed", image, face)

    # list calls: one hop per stage for all items of a request
    async def detect_many(self, images):
        return await self._remote("detection", "detect_many", list(images))

    async def fuse_many(self, items, template, template_face, strength):
        """Each ``(target, target_face)`` fused with the one template (it crosses once)."""
        return await self._remote("fusion", "fuse_many", [tuple(i) for i in items], template,
                                  template_face, strength)

    async def embed_many(self, items):
        return await self._remote("recognition", "embed_many", [tuple(i) for i in items])

    async def upright_many(self, images):
        """The replica answers the angle and the faces only; the upright image is this side's
        copy turned by that angle (the full-resolution photo does not cross back)."""
        images = list(images)
        answers = await self._remote("rotation", "upright_many", images)
        return [a if isinstance(a, Exception) else
                Rotation(angle=a[0], image=rotate_image(image, a[0]), faces=a[1])
                for image, a in zip(images, answers)]

    async def quality_many(self, items):
        return await self._remote("quality", "quality_many", [tuple(i) for i in items])

    async def parse_many(self, images):
        return await self._remote("parsing", "parse_many", list(images))

    async def retouch_many(self, images, strength):
        return await self._remote("retouching", "retouch_many", list(images), strength)

    async def attributes_many(self, items):
        return await self._remote("attributes", "attributes_many", [tuple(i) for i in items])

    async def tag_many(self, items):
        return await self._remote("tagging", "tag_many", [tuple(i) for i in items])

    # inpainting and try-on
    async def landmarks(self, image, faces):
        """68-point landmarks of each face, in order (one hop for all faces)."""
        return await self._remote("detection", "landmarks", image, list(faces))

    async def segment_garment(self, image):
        """:class:`~facechain.types.GarmentParsing` of a garment photo (try-on)."""
        return await self._remote("garment_segmentation", "segment", image)

    # generation
    async def fuse(self, target, target_face, template, template_face, strength):
        return await self._remote("fusion", "fuse", target, target_face, template, template_face,
                                  strength)

    async def condition(self, image, kind, **options):
        return await self._remote("conditions", "condition", image, kind, **options)

    async def diffuse(self, request: DiffusionRequest):
        handle = self.h["diffusion"]
        model_id = multiplexed_model_id(request)
        if model_id:
            handle = handle.options(multiplexed_model_id=model_id)
        record_stage_call(HANDLES["diffusion"], "diffuse")
        return await handle.diffuse.remote(request)

    # talking head
    async def synthesize(self, text, voice=None, seed=None):
        return await self._remote("tts", "synthesize", text, voice, seed)

    async def voices(self):
        return await self._remote("tts", "voices")

    async def enhance(self, frames, boxes=None):
        return await self._remote("restoration", "enhance", list(frames), boxes)
