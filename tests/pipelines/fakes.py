"""Component doubles for pipeline tests: fast, deterministic, and able to fail on one item only.

Photos are flat grey images whose grey level identifies them (:func:`grey_photo`); a
``fail={"parse": (level, exc)}`` entry makes that method raise ``exc`` on the photo of that
level only (after alignment the crop keeps the flat grey, so every stage can tell).

The list methods (``detect_many`` ...) come from :class:`ListsFromSingles` (each item through
the single-item method, so ``fail`` hits one item of a list call); ``calls`` counts the calls
the pipeline made per method name, list calls included (one per stage hop in the served graph)."""

from __future__ import annotations

import asyncio
from collections import Counter

import numpy as np

from facechain.imageio import encode_png
from facechain.pipelines.runtime import ListsFromSingles
from facechain.types import Attributes, Face, Parsing, Photo, QualityScore, Rotation

SIDE = 360
FACE = Face(box=(110.0, 100.0, 250.0, 260.0), score=1.0, landmarks=np.array(
    [[150.0, 160.0], [210.0, 160.0], [180.0, 195.0], [155.0, 225.0], [205.0, 225.0]]))


def grey_photo(level: int, name: str | None = None) -> Photo:
    image = np.full((SIDE, SIDE, 3), level, np.uint8)
    return Photo(name or f"grey{level}.png", encode_png(image))


def level_of(image: np.ndarray) -> int:
    return int(image[image.shape[0] // 2, image.shape[1] // 2, 0])


class CountingLists(ListsFromSingles):
    """:class:`ListsFromSingles` that counts each list call in ``calls`` (method -> calls)."""

    calls: Counter

    async def _many(self, method, items):
        self.calls[f"{method}_many"] += 1
        return await super()._many(method, items)


class FakePreprocessComponents(CountingLists):
    """Every photo shows one face (:data:`FACE`); attributes, tags and quality are fixed.
    ``fail`` maps a method name to ``(grey level, exception)``; level None: every photo."""

    def __init__(self, *, fail: dict[str, tuple[int | None, BaseException]] | None = None,
                 male_probability: float = 0.9, age: float = 30.0,
                 tags: tuple[str, ...] = ("solo", "1boy", "smile")):
        self.fail = fail or {}
        self.calls = Counter()
        self.male_probability, self.age, self.tags = male_probability, age, list(tags)

    def _check(self, method: str, image: np.ndarray) -> None:
        if method in self.fail:
            level, exc = self.fail[method]
            if level is None or level_of(image) == level:
                raise exc

    async def upright(self, image):
        self._check("upright", image)
        return Rotation(angle=0, image=image, faces=[FACE])

    async def detect(self, image):
        self._check("detect", image)
        return [FACE]

    async def parse(self, image):
        self._check("parse", image)
        head = np.zeros(image.shape[:2], np.uint8)
        h, w = head.shape
        head[h // 8:7 * h // 8, w // 8:7 * w // 8] = 255
        return Parsing(head=head, face=head, hair=np.zeros_like(head), person=head)

    async def retouch(self, image, strength):
        self._check("retouch", image)
        return image

    async def attributes(self, image, face):
        self._check("attributes", image)
        await asyncio.sleep(0)
        return Attributes(male_probability=self.male_probability, age=self.age)

    async def tag(self, image, face, parsing):
        self._check("tag", image)
        return list(self.tags)

    async def quality(self, image, face):
        self._check("quality", image)
        return QualityScore(score=level_of(image) / 255.0, terms={})

    async def embed(self, image, face):
        self._check("embed", image)
        return np.full(128, level_of(image) / 255.0, np.float32)


CANDIDATE_SIDE = 256
CANDIDATE_FACE = Face(box=(64.0, 64.0, 192.0, 192.0), score=1.0, landmarks=np.array(
    [[100.0, 110.0], [156.0, 110.0], [128.0, 140.0], [104.0, 165.0], [152.0, 165.0]]))


def grey_candidate(level: int) -> np.ndarray:
    return np.full((CANDIDATE_SIDE, CANDIDATE_SIDE, 3), level, np.uint8)


class FakeRankComponents(CountingLists):
    """One plausible face per candidate (none on a black one); fusion brightens the image by one
    level, the embedding is the image's level. ``fail`` maps ``detect`` / ``fuse`` / ``embed`` to
    ``(grey level, exception)`` (level None: every candidate; the level before fusion)."""

    def __init__(self, *, fail: dict[str, tuple[int | None, BaseException]] | None = None):
        self.fail = fail or {}
        self.calls = Counter()

    def _check(self, method: str, image: np.ndarray, shift: int = 0) -> None:
        if method in self.fail:
            level, exc = self.fail[method]
            if level is None or level_of(image) - shift == level:
                raise exc

    async def detect(self, image):
        self._check("detect", image)
        return [CANDIDATE_FACE] if level_of(image) > 0 else []

    async def fuse(self, target, target_face, template, template_face, strength):
        self._check("fuse", target)
        await asyncio.sleep(0)
        return np.minimum(target.astype(np.int16) + 1, 255).astype(np.uint8)

    async def embed(self, image, face):
        self._check("embed", image, shift=1)
        vector = np.zeros(128, np.float32)
        vector[0], vector[1] = 1.0, level_of(image) / 255.0
        return vector


class CountingCalls:
    """Forwards to ``inner`` and counts each component method the pipeline calls (each call is
    one deployment hop when the components are served)."""

    def __init__(self, inner):
        self.inner, self.calls = inner, Counter()

    def __getattr__(self, name):
        method = getattr(self.inner, name)

        async def call(*args, **kwargs):
            self.calls[name] += 1
            return await method(*args, **kwargs)

        return call
