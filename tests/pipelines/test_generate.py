"""Preprocess -> train -> generate -> fuse -> rank on the tiny profile with the real photos."""

import numpy as np
import pytest

from facechain.diffusion.base_model import load_base_model
from facechain.diffusion.engine import AdapterRef, DiffusionEngine, DiffusionRequest
from facechain.diffusion.lora_io import read_lora
from facechain.diffusion.styles import StyleRegistry
from facechain.errors import IncompatibleModelError, InvalidInputError, NotFoundError
from facechain.pipelines.generate import GenerateParams, build_prompt, generate
from facechain.pipelines.train import TrainParams, train
from facechain.types import DropReason, Photo

from ..conftest import FACES, SAME_PERSON

pytestmark = pytest.mark.slow


def _train(local_components, tiny_base, out, seed):
    photos = [Photo(n, (FACES / n).read_bytes()) for n in SAME_PERSON]
    return train(photos, tiny_base, out, TrainParams(steps=3, seed=seed), local_components)


@pytest.fixture(scope="module")
def lora_a(local_components, tiny_base, tmp_path_factory):
    return _train(local_components, tiny_base, tmp_path_factory.mktemp("lora_a"), seed=1).artifact


@pytest.fixture(scope="module")
def lora_b(local_components, tiny_base, tmp_path_factory):
    return _train(local_components, tiny_base, tmp_path_factory.mktemp("lora_b"), seed=2).artifact


def test_trained_lora_describes_the_person(lora_a):
    meta = lora_a.metadata
    assert meta.kind == "face" and meta.trigger == "a mature man"
    assert meta.base_model_id == "builtin:tiny-sd15" and meta.steps == 3
    assert lora_a.weights_file.name == "pytorch_lora_weights.safetensors"
    assert lora_a.load_template_face().shape == (512, 512, 3)
    assert len(meta.template_embedding) == 128
    assert not any("background" in t for t in meta.common_tags)
    assert read_lora(lora_a.path).metadata == meta


def test_end_to_end_generation_is_seeded(lora_a, local_components):
    params = GenerateParams(style="headshot", num_images=3, top_k=2, steps=4, seed=7)
    first = generate(lora_a, params, local_components)
    second = generate(lora_a, params, local_components)
    assert len(first.candidates) == 3 and first.candidates[0].shape == (64, 64, 3)
    for a, b in zip(first.candidates, second.candidates):
        np.testing.assert_array_equal(a, b)
    assert first.seed == 7 and "a mature man" in first.prompt
    # the tiny model draws noise: every candidate is reported, none silently lost
    assert len(first.portraits) + len(first.dropped) == 3
    assert all(d.reason == DropReason.NO_FACE for d in first.dropped)


def test_prompt_has_trigger_face_tags_and_style(lora_a):
    style = StyleRegistry.load("tiny-sd15").get("headshot")
    prompt = build_prompt(lora_a, style, "red scarf")
    assert prompt.startswith(style.render_prompt(lora_a.metadata.trigger).split(",")[0])
    assert lora_a.metadata.trigger in prompt and prompt.endswith("red scarf")
    for tag in lora_a.metadata.common_tags:
        assert tag in prompt


def test_base_output_unchanged_after_other_users_loras(tiny_base, lora_a, lora_b):
    engine = DiffusionEngine(tiny_base)
    plain = DiffusionRequest(prompt="a portrait", num_images=1, steps=3, width=64, height=64, seed=3)
    before = engine(plain)[0]
    with_a = engine(DiffusionRequest(**{**plain.__dict__, "adapters": (
        AdapterRef("face-a", lora_a.path, 1.0),)}))[0]
    with_b = engine(DiffusionRequest(**{**plain.__dict__, "adapters": (
        AdapterRef("face-b", lora_b.path, 1.0),)}))[0]
    after = engine(plain)[0]
    np.testing.assert_array_equal(before, after)  # bit-identical: nothing merged, nothing leaked
    assert not np.array_equal(before, with_a) and not np.array_equal(with_a, with_b)
    again_a = engine(DiffusionRequest(**{**plain.__dict__, "adapters": (
        AdapterRef("face-a", lora_a.path, 1.0),)}))[0]
    np.testing.assert_array_equal(with_a, again_a)  # B did not leak into A either
    assert engine.stats.adapter_loads == 2 and engine.stats.adapter_hits >= 1


def test_face_and_style_adapters_mix_by_weight(tiny_base, lora_a):
    engine = DiffusionEngine(tiny_base)
    style = StyleRegistry.load("tiny-sd15").resolve_lora("ink")
    req = DiffusionRequest(prompt="a portrait", steps=3, width=64, height=64, seed=5)

    def run(style_weight):
        adapters = (AdapterRef("face-a", lora_a.path, 0.9), AdapterRef("style-ink", style, style_weight))
        return engine(DiffusionRequest(**{**req.__dict__, "adapters": adapters}))[0]

    zero, full = run(0.0), run(1.0)
    face_only = engine(DiffusionRequest(**{**req.__dict__, "adapters": (
        AdapterRef("face-a", lora_a.path, 0.9),)}))[0]
    np.testing.assert_array_equal(zero, face_only)
    assert not np.array_equal(zero, full)


def test_lora_for_another_base_is_rejected(lora_a, tmp_path):
    from facechain.diffusion.tiny import build_tiny_sd15

    other = load_base_model(str(build_tiny_sd15(tmp_path / "other", seed=123)), device="cpu")
    engine = DiffusionEngine(other)
    req = DiffusionRequest(prompt="x", steps=2, width=64, height=64,
                           adapters=(AdapterRef("face-a", lora_a.path, 1.0),))
    with pytest.raises(IncompatibleModelError, match="trained on base model"):
        engine(req)


def test_pose_image_drives_the_openpose_controlnet(lora_a, local_components, images):
    params = GenerateParams(num_images=1, top_k=1, steps=3, seed=1)
    with_pose = generate(lora_a, params, local_components, pose=images["obama.jpg"])
    without = generate(lora_a, params, local_components)
    assert not np.array_equal(with_pose.candidates[0], without.candidates[0])


def test_bad_generation_requests(lora_a, local_components):
    with pytest.raises(NotFoundError):
        generate(lora_a, GenerateParams(style="no-such-style", num_images=1), local_components)
    with pytest.raises(InvalidInputError):
        generate(lora_a, GenerateParams(num_images=2, top_k=3), local_components)


def test_cli_generate_writes_pngs_and_report(lora_a, tmp_path):
    import json

    from facechain.cli import main as cli_main

    out = tmp_path / "gen"
    code = cli_main(["generate", "--lora", str(lora_a.path), "--style", "headshot",
                     "--num-images", "2", "--top-k", "1", "--steps", "2", "--seed", "3",
                     "--out", str(out)])
    assert code == 0
    report = json.loads((out / "report.json").read_text())
    assert report["seed"] == 3 and "a mature man" in report["prompt"]
    assert len(report["portraits"]) + len(report["dropped"]) == 2
    assert sorted(p.name for p in out.glob("candidate_seed*.png")) == [
        "candidate_seed3.png", "candidate_seed4.png"]


def test_cli_train_without_usable_photos_exits_2(tmp_path, capsys):
    from facechain.cli import main as cli_main

    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8 not really a jpeg")
    assert cli_main(["train", str(bad), "--out", str(tmp_path / "lora"), "--steps", "1"]) == 2
    assert "undecodable" in capsys.readouterr().err
