"""Virtual try-on on the tiny profile with a real photo (obama.jpg: head and shoulders in a suit).

Exact pixel equality is asserted only where it holds by construction: inside the garment eroded
by 15 x 15 the paste-back alpha is exactly 1, so the output there is the input photo's bytes.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from facechain.components.inpaint_masks import tryon_body_mask, tryon_inpaint_mask
from facechain.diffusion.engine import AdapterRef
from facechain.diffusion.styles import StyleRegistry
from facechain.errors import InvalidInputError, NoPersonError
from facechain.imageio import decode_image
from facechain.pipelines import inpaint as inpainting
from facechain.pipelines import tryon as tryon_module
from facechain.pipelines.train import TrainParams, train
from facechain.pipelines.tryon import (
    CANNY_HIGH,
    CANNY_LOW,
    TRYON_INPAINT_EROSION,
    TryonParams,
    background_prompt,
    main_face_index,
    resize_mask,
    tryon,
    working_size,
)
from facechain.types import Face, FaceReport, FaceStatus, Photo

from ..conftest import FACES, shrink

pytestmark = pytest.mark.slow

SIZE = 128  # working width of these tests
FAST = dict(size=SIZE, steps=3, seed=3, face_crop_size=64)


def _erode15(mask: np.ndarray) -> np.ndarray:
    return cv2.erode(mask, np.ones((15, 15), np.uint8)) > 0


class Spy:
    """The local components, recording conditions, diffusion requests and garment parsings;
    ``diffuse`` / ``detect`` can be replaced by fakes (no diffusion, chosen faces)."""

    def __init__(self, inner, *, diffuse=None, detect=None):
        self.inner, self._diffuse, self._detect = inner, diffuse, detect
        self.conditions, self.requests, self.parsings = [], [], []

    def __getattr__(self, name):
        return getattr(self.inner, name)

    async def condition(self, image, kind, **options):
        self.conditions.append((kind, image, options))
        return await self.inner.condition(image, kind, **options)

    async def diffuse(self, request):
        self.requests.append(request)
        if self._diffuse is not None:
            return self._diffuse(request)
        return await self.inner.diffuse(request)

    async def detect(self, image):
        if self._detect is not None:
            return self._detect(image)
        return await self.inner.detect(image)

    async def segment_garment(self, image):
        parsing = await self.inner.segment_garment(image)
        self.parsings.append(parsing)
        return parsing


def grey_result(request):
    """A fake diffusion: mid-grey at the request's size."""
    return [np.full((request.height, request.width, 3), 128, np.uint8)]


@pytest.fixture(scope="module")
def lora(local_components, tiny_base, tmp_path_factory):
    photos = [Photo("obama.jpg", (FACES / "obama.jpg").read_bytes())]
    out = train(photos, tiny_base, tmp_path_factory.mktemp("tryon_lora"),
                TrainParams(steps=2, resolution=64, seed=1), local_components)
    return out.artifact


@pytest.fixture(scope="module")
def photo():
    return shrink(decode_image((FACES / "obama.jpg").read_bytes()), 320)


@pytest.fixture(scope="module")
def computed(lora, photo, local_components):
    """One real try-on (tiny model, computed garment mask, no face pass) and its spy."""
    spy = Spy(local_components)
    out = tryon(photo, lora, TryonParams(face_pass=False, background="beach", **FAST), spy)
    return out, spy


def test_garment_pixels_are_the_input_and_the_size_is_kept(computed, photo):
    out, _ = computed
    assert out.image.shape == photo.shape and out.image.dtype == np.uint8
    assert out.mask.shape == photo.shape[:2] and set(np.unique(out.mask)) <= {0, 255}
    kept = _erode15(out.mask)
    assert kept.sum() > 0.1 * kept.size  # the suit is a large part of the photo
    np.testing.assert_array_equal(out.image[kept], photo[kept])
    outside = out.mask == 0
    assert not np.array_equal(out.image[outside], photo[outside])  # the rest is redrawn
    assert out.faces == [] and out.seed == 3


def test_reported_mask_is_the_one_used(computed, photo):
    out, spy = computed
    (parsing,) = spy.parsings
    np.testing.assert_array_equal(out.mask, parsing.garment)
    (request,) = spy.requests
    ww, wh = working_size(photo.shape, SIZE)
    assert (request.width, request.height) == (ww, wh) and request.init_image.shape == (wh, ww, 3)
    erosion = round(TRYON_INPAINT_EROSION * ww / 768)
    np.testing.assert_array_equal(request.mask_image,
                                  tryon_inpaint_mask(resize_mask(out.mask, ww, wh), erosion))


def test_controls_and_diffusion_request(computed, lora, photo):
    out, spy = computed
    (parsing,) = spy.parsings
    ww, wh = working_size(photo.shape, SIZE)
    calls = {kind: (image, options) for kind, image, options in spy.conditions}
    assert sorted(calls) == ["canny", "depth_hands", "openpose"]
    for image, _ in calls.values():
        assert image.shape == (wh, ww, 3)
    assert calls["openpose"][1] == {"include_hands": True, "include_face": False}
    arms = np.where(out.mask > 0, 0, parsing.arms).astype(np.uint8)
    np.testing.assert_array_equal(calls["depth_hands"][1]["mask"], resize_mask(arms, ww, wh))
    canny = calls["canny"][1]
    assert (canny["low"], canny["high"]) == (CANNY_LOW, CANNY_HIGH) == (80, 200)
    body = tryon_body_mask(parsing.person, parsing.head, parsing.neck, out.mask)
    np.testing.assert_array_equal(canny["mask"], resize_mask(body, ww, wh))

    (request,) = spy.requests
    assert [(c.kind, c.scale) for c in request.controls] == [
        ("openpose", 1.0), ("depth", 0.2), ("canny", 0.4)]
    assert request.strength == 1.0 and request.num_images == 1 and request.steps == 3
    assert request.adapters == (AdapterRef.face(lora.path.name, lora.path, 0.95),)
    assert lora.metadata.trigger in request.prompt
    assert background_prompt("beach") in request.prompt == out.prompt
    assert request.negative_prompt.endswith("blurry, blurry background")


def test_given_mask_round_trips_and_is_kept_exactly(lora, photo, local_components):
    h, w = photo.shape[:2]
    given = np.zeros((h, w), np.uint8)
    given[h // 2:, w // 5:4 * w // 5] = 255
    spy = Spy(local_components, diffuse=grey_result)
    out = tryon(photo, lora, TryonParams(face_pass=False, **FAST), spy, mask=given)
    np.testing.assert_array_equal(out.mask, given)
    kept = _erode15(given)
    np.testing.assert_array_equal(out.image[kept], photo[kept])
    assert (out.image[given == 0] == 128).all()  # the fake generation everywhere else
    ww, wh = working_size(photo.shape, SIZE)
    np.testing.assert_array_equal(spy.requests[0].mask_image, tryon_inpaint_mask(
        resize_mask(given, ww, wh), round(TRYON_INPAINT_EROSION * ww / 768)))


def test_style_mixes_in_at_upstream_weights(lora, photo, local_components):
    spy = Spy(local_components, diffuse=grey_result)
    styles = StyleRegistry.load("tiny-sd15")
    tryon(photo, lora, TryonParams(face_pass=False, style="ink", **FAST), spy, styles=styles,
          lora_id="user-1")
    face, style = spy.requests[0].adapters
    assert face == AdapterRef.face("user-1", lora.path, 0.95)
    assert style == AdapterRef.style("ink", styles.resolve_lora("ink"), 0.05)


def test_bad_masks_are_invalid_input(lora, photo, local_components):
    h, w = photo.shape[:2]
    for bad in (np.full((h + 8, w), 255, np.uint8), np.zeros((h, w), np.uint8)):
        with pytest.raises(InvalidInputError) as err:
            tryon(photo, lora, TryonParams(**FAST), local_components, mask=bad)
        assert err.value.param == "mask"


def test_too_small_photo(lora, local_components):
    with pytest.raises(InvalidInputError) as err:
        tryon(np.zeros((40, 300, 3), np.uint8), lora, TryonParams(**FAST), local_components)
    assert err.value.param == "photo"


def test_photo_without_a_person(lora, local_components):
    ramp = np.tile(np.linspace(40, 220, 256).astype(np.uint8)[None, :, None], (256, 1, 3))
    with pytest.raises(NoPersonError):
        tryon(ramp, lora, TryonParams(**FAST), local_components)


def test_face_pass_on_the_result(lora, photo, local_components):
    """Real face pass on the tiny model's result: one face is the LoRA's (done, or failed with a
    reason: the tiny model draws no detectable face); the result keeps the photo's size."""
    out = tryon(photo, lora, TryonParams(**FAST), local_components)
    assert out.image.shape == photo.shape
    named = [f for f in out.faces if f.status != FaceStatus.SKIPPED]
    assert len(named) == 1 and named[0].lora == lora.path.name
    assert named[0].status == FaceStatus.DONE or named[0].reason


def test_face_pass_redraws_the_wearer_s_face(lora, photo, local_components, monkeypatch):
    """The face pass gets the try-on result, the face inside the wearer's head region (not the
    larger one elsewhere), this LoRA and the face strength; its image and report are returned;
    when it fails, the try-on result is returned with a failed entry."""
    h, w = photo.shape[:2]
    seen = {}

    def faces(image):  # a big face in the bottom-left corner, the real head region's face right
        return [Face(box=(0.0, h - 120.0, 120.0, float(h)), score=1.0, landmarks=np.zeros((5, 2))),
                Face(box=(w * 0.35, 10.0, w * 0.65, h * 0.35), score=1.0,
                     landmarks=np.zeros((5, 2)))]

    async def fake_ainpaint(image, assignments, params, components, *, styles=None):
        seen.update(image=image.copy(), assignments=assignments, params=params)
        done = image.copy()
        done[:8] = 0
        return inpainting.InpaintOutput(image=done, seed=params.seed, faces=[
            FaceReport(0, (0.0, 0.0, 1.0, 1.0), None, FaceStatus.SKIPPED, "not named"),
            FaceReport(1, (1.0, 1.0, 2.0, 2.0), "me", FaceStatus.DONE, similarity=0.5)])

    monkeypatch.setattr(inpainting, "ainpaint", fake_ainpaint)
    spy = Spy(local_components, diffuse=grey_result, detect=faces)
    out = tryon(photo, lora, TryonParams(face_strength=0.4, **FAST), spy, lora_id="me")
    (assignment,) = seen["assignments"]
    assert assignment.index == 1 and assignment.lora == lora and assignment.lora_id == "me"
    assert seen["params"].strength == 0.4 and seen["params"].crop_size == 64
    assert seen["image"].shape == photo.shape
    assert (out.image[:8] == 0).all() and [f.status for f in out.faces] == [
        FaceStatus.SKIPPED, FaceStatus.DONE]

    async def failing(image, assignments, params, components, *, styles=None):
        raise InvalidInputError("no face found on the LoRA's template face", param="lora_id")

    monkeypatch.setattr(inpainting, "ainpaint", failing)
    again = tryon(photo, lora, TryonParams(**FAST), spy, lora_id="me")
    np.testing.assert_array_equal(again.image, seen["image"])  # the try-on result itself
    (report,) = again.faces
    assert (report.index, report.status, report.lora) == (1, FaceStatus.FAILED, "me")
    assert "template face" in report.reason

    off = tryon(photo, lora, TryonParams(face_pass=False, **FAST), spy)
    assert off.faces == []


def test_main_face_index():
    def face(x0, y0, x1, y1):
        return Face(box=(x0, y0, x1, y1), score=1.0, landmarks=np.zeros((5, 2)))

    faces = [face(0, 0, 50, 50), face(60, 0, 80, 20)]
    head = np.zeros((100, 100), np.uint8)
    head[5:15, 65:75] = 255
    assert main_face_index(faces, head) == 1
    assert main_face_index(faces, None) == 0  # the largest
    assert main_face_index(faces, np.zeros_like(head)) == 0
    head[:] = 0
    head[90:, 90:] = 255  # no face touches the head region
    assert main_face_index(faces, head) == 0
    assert main_face_index([], head) is None


def test_working_size():
    assert working_size((1137, 910)) == (768, 952)
    assert working_size((1137, 910), 128) == (128, 152)
    w, h = working_size((2204, 970))  # a tall photo: height capped at 1.5x the width
    assert h <= 1152 and w % 8 == 0 and h % 8 == 0
    assert working_size((300, 200)) == (200, 296)  # never upscaled by default
    assert working_size((100, 2000), 768) == (768, 64)  # a panorama: at least 64 px high
    assert tryon_module.background_prompt("") == tryon_module.DEFAULT_BACKGROUND
    assert tryon_module.background_prompt("on a boat") == "on a boat"


def test_face_pass_runs_template_inpainting_on_a_visible_face(lora, photo, local_components):
    """With a try-on pass that gives the photo back (a fake first diffusion), the result shows the
    wearer's face, so the real face pass runs: one entry for this LoRA, and outside its merge
    window (the bottom of the photo, far below the face) the image is the try-on result."""
    def photo_back(request):
        return [request.init_image.copy()]

    class FirstFake(Spy):
        async def diffuse(self, request):
            self.requests.append(request)
            if len(self.requests) == 1:
                return photo_back(request)
            return await self.inner.diffuse(request)

    plain = tryon(photo, lora, TryonParams(face_pass=False, **FAST),
                  Spy(local_components, diffuse=photo_back))
    spy = FirstFake(local_components)
    out = tryon(photo, lora, TryonParams(**FAST), spy)
    named = [f for f in out.faces if f.status != FaceStatus.SKIPPED]
    assert len(named) == 1 and named[0].lora == lora.path.name
    assert named[0].status == FaceStatus.DONE or named[0].reason
    assert len(spy.requests) > 1  # the face pass diffused
    bottom = slice(3 * photo.shape[0] // 4, None)
    np.testing.assert_array_equal(out.image[bottom], plain.image[bottom])
    assert all(r.adapters[0].face_lora_id == lora.path.name for r in spy.requests)
