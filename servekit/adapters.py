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

from facechain.diffusion.engine import DiffusionRequest
from servekit.loras import multiplexed_model_id

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
    """``handles``: keyword (see :data:`HANDLES`) -> DeploymentHandle; absent ones are unused."""

    def __init__(self, **handles: Any):
        unknown = set(handles) - set(HANDLES)
        if unknown:
            raise TypeError(f"unknown handles {sorted(unknown)}")
        self.h = handles

    # preprocessing
    async def upright(self, image):
        return await self.h["rotation"].upright.remote(image)

    async def detect(self, image):
        return await self.h["detection"].detect.remote(image)

    async def parse(self, image):
        return await self.h["parsing"].parse.remote(image)

    async def retouch(self, image, strength):
        return await self.h["retouching"].retouch.remote(image, strength)

    async def attributes(self, image, face):
        return await self.h["attributes"].attributes.remote(image, face)

    async def tag(self, image, face, parsing):
        return await self.h["tagging"].tag.remote(image, face, parsing)

    async def quality(self, image, face):
        return await self.h["quality"].quality.remote(image, face)

    async def embed(self, image, face):
        return await self.h["recognition"].embed.remote(image, face)

    # inpainting and try-on
    async def landmarks(self, image, faces):
        """68-point landmarks of each face, in order (one hop for all faces)."""
        return await self.h["detection"].landmarks.remote(image, list(faces))

    async def segment_garment(self, image):
        """:class:`~facechain.types.GarmentParsing` of a garment photo (try-on)."""
        return await self.h["garment_segmentation"].segment.remote(image)

    # generation
    async def fuse(self, target, target_face, template, template_face, strength):
        return await self.h["fusion"].fuse.remote(target, target_face, template, template_face,
                                                  strength)

    async def condition(self, image, kind, **options):
        return await self.h["conditions"].condition.remote(image, kind, **options)

    async def diffuse(self, request: DiffusionRequest):
        handle = self.h["diffusion"]
        model_id = multiplexed_model_id(request)
        if model_id:
            handle = handle.options(multiplexed_model_id=model_id)
        return await handle.diffuse.remote(request)

    # talking head
    async def synthesize(self, text, voice=None, seed=None):
        return await self.h["tts"].synthesize.remote(text, voice, seed)

    async def voices(self):
        return await self.h["tts"].voices.remote()

    async def enhance(self, frames, boxes=None):
        return await self.h["restoration"].enhance.remote(list(frames), boxes)
