"""Admission by cost (serve/limits.py): the prices of each route and the 413 ``too_expensive``
answer in the API's error shape."""

from __future__ import annotations

import pytest

from facechain.pipelines.generate import GenerateParams
from facechain.pipelines.inpaint import InpaintParams
from facechain.pipelines.tryon import TryonParams
from facechain.talk.params import TalkParams
from serve.errors import ErrorBody, error_body
from serve.limits import (
    DEFAULT_MAX_DIFFUSION_COST,
    RequestLimits,
    TooExpensiveError,
    estimate_speech_seconds,
    generate_cost,
    inpaint_cost,
    talk_cost,
    tryon_cost,
)


def test_generate_costs_images_x_steps_x_pixels():
    base = generate_cost(GenerateParams(num_images=1, steps=1), resolution=1000).value
    assert base == pytest.approx(1.0)  # one step of one megapixel
    assert generate_cost(GenerateParams(num_images=4, steps=10, width=512, height=256),
                         resolution=1000).value == pytest.approx(4 * 10 * 512 * 256 / 1e6, abs=1e-3)
    assert generate_cost(GenerateParams(), resolution=512).value == pytest.approx(52.429, abs=1e-3)
    with_pose = generate_cost(GenerateParams(num_images=1, steps=1), resolution=1000, pose=True)
    assert with_pose.value == pytest.approx(1.5)  # a ControlNet is half a UNet step


def test_inpaint_costs_faces_x_passes():
    one = inpaint_cost(InpaintParams(), faces=1).value
    assert one == pytest.approx(32.506, abs=1e-3)
    assert inpaint_cost(InpaintParams(), faces=3).value == pytest.approx(3 * one, abs=1e-2)
    # no stage 3 and no compensation: fewer passes, lower price
    lean = inpaint_cost(InpaintParams(refine_strength=0.0, vae_compensation=False), faces=1).value
    px = 512 * 512 / 1e6
    assert lean == pytest.approx(px * (40 * 1.5 + int(40 * 0.65) * 2.0), abs=1e-3)


def test_tryon_costs_its_working_size_and_face_pass():
    full = tryon_cost(TryonParams(), shape=(1152, 768, 3)).value
    no_face = tryon_cost(TryonParams(face_pass=False), shape=(1152, 768, 3)).value
    assert no_face == pytest.approx(768 * 1152 / 1e6 * 40 * 2.5, abs=1e-3)
    assert full == pytest.approx(no_face + inpaint_cost(InpaintParams(), faces=1).value, abs=1e-2)
    small = tryon_cost(TryonParams(face_pass=False), shape=(120, 100, 3)).value  # min(768, w)
    assert small == pytest.approx(96 * 120 / 1e6 * 40 * 2.5, abs=1e-3)  # sides /8


def test_talk_costs_frames():
    assert talk_cost(TalkParams(), seconds=2.0).value == 50
    assert talk_cost(TalkParams(size=512, enhance=True), seconds=2.0).value == 400
    assert talk_cost(TalkParams(), seconds=2.0).kind == "talk"
    assert estimate_speech_seconds("x" * 120) == pytest.approx(10.0)


def test_admit_passes_cheap_requests_and_refuses_expensive_ones_typed():
    limits = RequestLimits.from_args(max_request_cost=100, max_talk_cost=None)
    cheap = generate_cost(GenerateParams(), resolution=512)
    assert limits.admit(cheap) is cheap
    dear = generate_cost(GenerateParams(num_images=32, steps=150), resolution=1024)
    with pytest.raises(TooExpensiveError) as err:
        limits.admit(dear)
    assert err.value.cost == dear.value and err.value.limit == 100
    status, body = error_body(err.value)
    assert status == 413
    ErrorBody.model_validate(body)  # the documented error shape
    assert body["error"]["type"] == "too_expensive"
    assert body["error"]["cost"] == dear.value and body["error"]["limit"] == 100
    assert "num_images" in body["error"]["message"]
    # talk has its own unit and limit
    with pytest.raises(TooExpensiveError):
        limits.admit(talk_cost(TalkParams(size=512, enhance=True), seconds=120))


def test_the_defaults_admit_every_default_request():
    limits = RequestLimits()
    assert limits.max_diffusion_cost == DEFAULT_MAX_DIFFUSION_COST
    limits.admit(generate_cost(GenerateParams(), resolution=768))
    limits.admit(inpaint_cost(InpaintParams(), faces=10))
    limits.admit(tryon_cost(TryonParams(), shape=(4000, 3000, 3)))
    limits.admit(talk_cost(TalkParams(), seconds=120))
    with pytest.raises(TooExpensiveError):  # the schema's largest generate is not
        limits.admit(generate_cost(GenerateParams(num_images=32, steps=150, width=2048,
                                                  height=2048), resolution=512))
