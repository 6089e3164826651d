"""Template inpainting on the tiny profile with real photos: a two-person template (obama | biden),
two tiny face LoRAs, 64 px crops and 4 steps (the tiny model draws noise: these tests check the
plumbing, the pixel guarantees and the per-face reports, not likeness)."""

import asyncio

import numpy as np
import pytest

from facechain.components.inpaint_masks import merge_window_mask, square_face_crop
from facechain.diffusion.engine import face_lora_id
from facechain.errors import AllItemsFailedError, InvalidInputError
from facechain.pipelines.inpaint import (
    VAE_PASS_STRENGTH,
    FaceAssignment,
    InpaintParams,
    ainpaint,
    detect_faces_ordered,
    steps_for,
)
from facechain.pipelines.train import TrainParams, train
from facechain.types import FaceStatus, Photo

from ..conftest import FACES, SAME_PERSON, shrink
from .fakes import CountingCalls

pytestmark = pytest.mark.slow

PARAMS = InpaintParams(steps=4, crop_size=64, seed=11)
PASSES_PER_FACE = 5  # stage 1, stage 2 + its zero-mask pass, stage 3 + its zero-mask pass


def _train(local_components, tiny_base, out, seed):
    photos = [Photo(n, (FACES / n).read_bytes()) for n in SAME_PERSON[:1]]
    return train(photos, tiny_base, out, TrainParams(steps=2, seed=seed, resolution=64),
                 local_components).artifact


@pytest.fixture(scope="module")
def lora_a(local_components, tiny_base, tmp_path_factory):
    return _train(local_components, tiny_base, tmp_path_factory.mktemp("lora_a"), seed=1)


@pytest.fixture(scope="module")
def lora_b(local_components, tiny_base, tmp_path_factory):
    return _train(local_components, tiny_base, tmp_path_factory.mktemp("lora_b"), seed=2)


@pytest.fixture(scope="module")
def template(images):
    """obama | biden side by side, 320 px high at most."""
    left, right = shrink(images["obama.jpg"], 320), shrink(images["biden.jpg"], 320)
    h = min(left.shape[0], right.shape[0])
    return np.ascontiguousarray(np.concatenate([left[:h], right[:h]], axis=1))


@pytest.fixture(scope="module")
def faces(template, local_components):
    found = detect_faces_ordered(asyncio.run(local_components.detect(template)))
    assert len(found) == 2 and found[0].box[2] < found[1].box[0]
    return found


class Spy(CountingCalls):
    """The local components, recording every diffusion request; ``fail`` = a LoRA id whose
    diffusion requests raise; ``calls``: the other component methods called (hops when served)."""

    def __init__(self, inner, fail: str | None = None):
        super().__init__(inner)
        self.fail, self.requests = fail, []

    async def diffuse(self, request):
        self.requests.append(request)
        if self.fail is not None and face_lora_id(request.adapters) == self.fail:
            raise RuntimeError("diffusion replica down")
        return await self.inner.diffuse(request)


def run(template, assignments, components, params=PARAMS):
    return asyncio.run(ainpaint(template, assignments, params, components))


def windows(template, faces, indices, crop_size=PARAMS.crop_size):
    """Where the merge of the faces ``indices`` may change pixels (their window masks > 0)."""
    inside = np.zeros(template.shape[:2], bool)
    for i in indices:
        others = [f.box for j, f in enumerate(faces) if j != i]
        crop = square_face_crop(template, faces[i].box, size=crop_size, other_boxes=others)
        inside |= merge_window_mask(crop, faces[i].box, others) > 0
    return inside


def box_pixels(image, face):
    x0, y0, x1, y1 = (int(round(v)) for v in face.box)
    return image[y0:y1, x0:x1]


@pytest.fixture(scope="module")
def both_spied(template, lora_a, lora_b, local_components):
    spy = Spy(local_components)
    out = run(template, [FaceAssignment(0, lora_a, "a"), FaceAssignment(1, lora_b, "b")], spy)
    return out, spy


@pytest.fixture(scope="module")
def both(both_spied):
    out, spy = both_spied
    return out, spy.requests


def test_the_loras_template_faces_are_found_in_one_call(both_spied):
    _, spy = both_spied
    assert spy.calls["detect_many"] == 1  # both LoRAs' template photos
    assert spy.calls["detect"] == 3  # the template, then each redrawn face's draft


@pytest.fixture(scope="module")
def only_a(template, lora_a, local_components):
    return run(template, [FaceAssignment(0, lora_a, "a")], local_components)


def test_two_faces_two_loras_keep_everything_outside_their_windows(template, faces, both):
    out, _ = both
    assert out.image.shape == template.shape and out.image.dtype == np.uint8
    outside = ~windows(template, faces, [0, 1])
    assert outside.any()
    np.testing.assert_array_equal(out.image[outside], template[outside])
    assert [(r.index, r.lora, r.status) for r in out.faces] == [
        (0, "a", FaceStatus.DONE), (1, "b", FaceStatus.DONE)]
    for report, face in zip(out.faces, faces):
        assert report.box == tuple(face.box) and report.reason is None
        assert 0.0 <= report.similarity <= 1.0
        assert not np.array_equal(box_pixels(out.image, face), box_pixels(template, face))
    assert out.seed == PARAMS.seed
    assert out.faces[0].to_dict()["status"] == "done"


def test_each_face_runs_with_its_own_adapter_only(both):
    _, requests = both
    assert len(requests) == 2 * PASSES_PER_FACE
    for i, request in enumerate(requests):
        expected = "a" if i < PASSES_PER_FACE else "b"
        assert [r.face_lora_id for r in request.adapters] == [expected]  # no style: face only
        assert request.adapters[0].weight == pytest.approx(0.95)
        assert (request.width, request.height) == (PARAMS.crop_size, PARAMS.crop_size)
        assert request.seed == PARAMS.seed + (0 if expected == "a" else 1)
    # the recipe of one face: draft, stage 2 (+ zero-mask pass), stage 3 (+ zero-mask pass)
    draft, *passes = requests[:PASSES_PER_FACE]
    assert draft.init_image is None and [c.kind for c in draft.controls] == ["openpose"]
    stage2 = [r for r in passes if r.strength == PARAMS.strength]
    stage3 = [r for r in passes if r.strength == PARAMS.refine_strength]
    zero = [r for r in passes if r.strength == VAE_PASS_STRENGTH]
    assert len(stage2) == len(stage3) == 1 and len(zero) == 2
    assert [(c.kind, c.scale) for c in stage2[0].controls] == [("openpose", 1.0), ("canny", 0.2)]
    assert [(c.kind, c.scale) for c in stage3[0].controls] == [("openpose", 0.8), ("canny", 0.8)]
    assert stage2[0].mask_image.any() and stage3[0].mask_image.any()
    assert all(not r.mask_image.any() for r in zero)
    assert draft.scheduler is None, "stage 1 keeps the base model's scheduler"
    assert all(r.scheduler == "unipc" for r in passes), "stages 2-3 run UniPC, as upstream"
    for r in passes:  # every pass runs at least one denoising step
        assert int(r.steps * r.strength) >= 1


def test_unnamed_face_is_unchanged_pixel_for_pixel(template, faces, only_a):
    assert [r.status for r in only_a.faces] == [FaceStatus.DONE, FaceStatus.SKIPPED]
    skipped = only_a.faces[1]
    assert skipped.lora is None and skipped.similarity is None and skipped.reason
    np.testing.assert_array_equal(box_pixels(only_a.image, faces[1]),
                                  box_pixels(template, faces[1]))
    outside = ~windows(template, faces, [0])
    np.testing.assert_array_equal(only_a.image[outside], template[outside])


def test_swapping_the_loras_swaps_the_faces(template, faces, lora_a, lora_b, local_components,
                                            both, only_a):
    # face 0 is redrawn first, from the template, whatever comes after: its pixels are those of
    # the one-face run with the same LoRA (and face 1's merge never touches face 0's box)
    np.testing.assert_array_equal(box_pixels(both[0].image, faces[0]),
                                  box_pixels(only_a.image, faces[0]))
    spy = Spy(local_components)
    swapped = run(template, [FaceAssignment(0, lora_b, "b"), FaceAssignment(1, lora_a, "a")], spy)
    only_b = run(template, [FaceAssignment(0, lora_b, "b")], local_components)
    assert [r.lora for r in swapped.faces] == ["b", "a"]
    assert [face_lora_id(r.adapters) for r in spy.requests] == \
        ["b"] * PASSES_PER_FACE + ["a"] * PASSES_PER_FACE
    np.testing.assert_array_equal(box_pixels(swapped.image, faces[0]),
                                  box_pixels(only_b.image, faces[0]))
    assert not np.array_equal(box_pixels(only_a.image, faces[0]),
                              box_pixels(only_b.image, faces[0]))


def test_a_face_whose_stage_fails_is_reported_and_left_as_it_was(template, faces, lora_a, lora_b,
                                                                 local_components, only_a):
    spy = Spy(local_components, fail="b")
    out = run(template, [FaceAssignment(0, lora_a, "a"), FaceAssignment(1, lora_b, "b")], spy)
    done, failed = out.faces
    assert done.status == FaceStatus.DONE and failed.status == FaceStatus.FAILED
    assert failed.lora == "b" and failed.similarity is None
    assert failed.reason.startswith("stage1 failed: RuntimeError: diffusion replica down")
    np.testing.assert_array_equal(out.image, only_a.image)  # face 1: as it was

    # every named face failing fails the request, with the per-face report attached
    with pytest.raises(AllItemsFailedError) as info:
        run(template, [FaceAssignment(1, lora_b, "b")], Spy(local_components, fail="b"))
    assert [r.status for r in info.value.faces] == [FaceStatus.SKIPPED, FaceStatus.FAILED]
    assert isinstance(info.value.__cause__, RuntimeError)


def test_bad_requests(template, lora_a, local_components):
    blank = np.full((96, 128, 3), 128, np.uint8)
    with pytest.raises(InvalidInputError) as info:
        run(blank, [FaceAssignment(0, lora_a)], local_components)
    assert info.value.param == "template"
    for assignments in ([FaceAssignment(2, lora_a)], [FaceAssignment(-1, lora_a)],
                        [FaceAssignment(0, lora_a), FaceAssignment(0, lora_a)], []):
        with pytest.raises(InvalidInputError) as info:
            run(template, assignments, local_components)
        assert info.value.param == "faces"
    with pytest.raises(InvalidInputError) as info:
        run(template, [FaceAssignment("0", lora_a)], local_components)
    assert info.value.param == "faces"
    with pytest.raises(InvalidInputError) as info:
        run(template[:, :, 0], [FaceAssignment(0, lora_a)], local_components)
    assert info.value.param == "template"
    with pytest.raises(ValueError):  # pydantic: out-of-range strength, crop not a multiple of 8
        InpaintParams(strength=1.5)
    with pytest.raises(ValueError):
        InpaintParams(crop_size=100)


def test_steps_for_runs_at_least_one_step():
    assert steps_for(40, 0.65) == 40 and int(40 * 0.65) == 26
    assert steps_for(40, VAE_PASS_STRENGTH) == 40  # upstream's one step
    assert steps_for(4, 0.1) == 10 and int(10 * 0.1) == 1
    assert steps_for(4, VAE_PASS_STRENGTH) == 40
    for steps in (1, 2, 3, 7):
        for strength in (0.01, 0.025, 0.1, 1 / 3, 0.65, 1.0):
            assert int(steps_for(steps, strength) * strength) >= 1
    with pytest.raises(InvalidInputError):
        steps_for(4, 0.0)


def test_vae_compensation_lowers_the_background_error(template, faces, lora_a, local_components):
    """Mean |out - template| inside the redrawn window and outside the person, with and without
    the compensation (printed): the issue asks for at least 5x. Measured 49.9 -> 3.2 (16x);
    upstream's add-back alone gave 2.6x here, because the tiny model's random decoder spreads
    the redrawn latents over the whole crop (``add_vae_error`` removes that spread outside the
    redrawn latent cells)."""
    params = PARAMS.model_copy(update={"crop_size": 128})
    person = asyncio.run(local_components.parse(template)).person
    background = windows(template, faces, [0], 128) & (person == 0)
    assert background.sum() > 1000
    error = {}
    for on in (False, True):
        out = run(template, [FaceAssignment(0, lora_a, "a")], local_components,
                  params.model_copy(update={"vae_compensation": on}))
        error[on] = float(np.abs(out.image.astype(np.int16) - template)[background].mean())
    print(f"background error without compensation {error[False]:.2f}, with {error[True]:.2f} "
          f"({error[False] / error[True]:.2f}x)")
    assert error[True] * 5.0 < error[False]


def test_a_style_mixes_in_at_its_inpaint_weight(template, lora_a, local_components):
    spy = Spy(local_components)
    params = PARAMS.model_copy(update={"style": "ink", "refine_strength": 0.0})
    out = run(template, [FaceAssignment(0, lora_a, "a")], spy, params)
    assert out.faces[0].status == FaceStatus.DONE
    assert len(spy.requests) == 3  # no stage 3: draft, stage 2 and its zero-mask pass
    for request in spy.requests:
        assert [(r.name, r.weight) for r in request.adapters] == [("face-a", 0.95),
                                                                   ("style-ink", 0.05)]
