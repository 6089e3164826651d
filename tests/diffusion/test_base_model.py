"""Base-model loading: the tiny SD 1.5 builder, every source kind, pipelines and ControlNets.

Everything is built into a temporary cache; no hub is reached (hub entry points are replaced by
functions that fail the test, or by a fake that returns a local folder to check the wiring).
"""

from __future__ import annotations

import importlib.util
import json
import pickle
from pathlib import Path

import numpy as np
import pytest
import torch

from facechain.diffusion import tiny
from facechain.diffusion.base_model import (
    BaseModel,
    default_device,
    default_dtype,
    fingerprint_weights,
    load_base_model,
    load_controlnet,
)
from facechain.errors import ConfigError, InvalidInputError, ModelSourceError
from facechain.registry import ModelRegistry

PROMPT = "a photo of a handsome man, smiling, 4k"


def _hub_called(*args, **kwargs):
    raise AssertionError(f"a hub loader was called: {args} {kwargs}")


@pytest.fixture(scope="module", autouse=True)
def offline_cache(tmp_path_factory):
    """A private FACECHAIN_CACHE, and every hub download entry point made to fail the test.

    One torch thread: these tiny networks are op-overhead bound, and two threads on the shared
    2-core test machine ran 5-10x slower than one (as DESIGN.md measured for replicas).
    """
    import diffusers.loaders.single_file as single_file
    import huggingface_hub

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FACECHAIN_CACHE", str(tmp_path_factory.mktemp("cache")))
        mp.setattr(huggingface_hub, "snapshot_download", _hub_called)
        mp.setattr(huggingface_hub, "hf_hub_download", _hub_called)
        mp.setattr(single_file, "_download_diffusers_model_config_from_hub", _hub_called)
        yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def tiny_dir() -> Path:
    return tiny.tiny_model_path("tiny-sd15")


@pytest.fixture(scope="module")
def model(tiny_dir) -> BaseModel:
    return load_base_model("builtin:tiny-sd15", device="cpu")


@pytest.fixture(scope="module")
def txt2img(model):
    return model.load_pipeline()


def _generate(pipe, seed=0, size=64, steps=10, **kwargs) -> np.ndarray:
    out = pipe(PROMPT, height=size, width=size, num_inference_steps=steps,
               generator=torch.Generator("cpu").manual_seed(seed), output_type="np", **kwargs)
    return out.images[0]


def _open_clip_tokenizer():
    """open_clip's SimpleTokenizer, loaded from its file (the package import needs torchvision)."""
    spec = importlib.util.find_spec("open_clip")
    path = Path(next(iter(spec.submodule_search_locations))) / "tokenizer.py"
    module_spec = importlib.util.spec_from_file_location("_open_clip_tokenizer", path)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module.SimpleTokenizer()


# 1. The builder -----------------------------------------------------------------------------------


def test_cache_layout_is_diffusers(tiny_dir):
    assert tiny_dir.name == f"tiny-sd15-{tiny.TINY_VERSION}"
    for part in ("model_index.json", "unet/config.json", "unet/diffusion_pytorch_model.safetensors",
                 "vae/diffusion_pytorch_model.safetensors", "text_encoder/model.safetensors",
                 "tokenizer/vocab.json", "tokenizer/merges.txt", "scheduler/scheduler_config.json"):
        assert (tiny_dir / part).is_file(), part
    assert not any(p.name.startswith(".tiny-sd15-") for p in tiny_dir.parent.iterdir())  # no temp left
    assert tiny.tiny_model_path("tiny-sd15") == tiny_dir  # second call: cached, no rebuild


def test_same_seed_same_bytes_other_seed_differs(tiny_dir, tmp_path):
    again = tiny.build_tiny_sd15(tmp_path / "again", seed=0)
    other = tiny.build_tiny_sd15(tmp_path / "other", seed=1)
    weights = ["unet/diffusion_pytorch_model.safetensors", "vae/diffusion_pytorch_model.safetensors",
               "text_encoder/model.safetensors"]
    for name in weights:
        assert (again / name).read_bytes() == (tiny_dir / name).read_bytes(), name
        assert (other / name).read_bytes() != (tiny_dir / name).read_bytes(), name
    assert fingerprint_weights(again) == fingerprint_weights(tiny_dir)
    assert fingerprint_weights(other) != fingerprint_weights(tiny_dir)


def test_sd15_structure(txt2img):
    unet, vae, text = txt2img.unet.config, txt2img.vae.config, txt2img.text_encoder.config
    assert list(unet.down_block_types) == ["CrossAttnDownBlock2D"] * 3 + ["DownBlock2D"]
    assert list(unet.up_block_types) == ["UpBlock2D"] + ["CrossAttnUpBlock2D"] * 3
    assert unet.mid_block_type == "UNetMidBlock2DCrossAttn"
    assert unet.attention_head_dim == 8 and unet.in_channels == unet.out_channels == 4
    assert unet.cross_attention_dim == text.hidden_size
    assert len(vae.block_out_channels) == 4 and txt2img.vae_scale_factor == 8
    assert vae.latent_channels == 4 and vae.scaling_factor == pytest.approx(0.18215)
    assert text.max_position_embeddings == 77 and text.vocab_size == 49408
    sched = txt2img.scheduler.config
    assert (sched.beta_schedule, sched.beta_start, sched.beta_end) == ("scaled_linear", 0.00085, 0.012)
    assert sched.num_train_timesteps == 1000 and sched.prediction_type == "epsilon"


def test_tokenizer_is_openai_clip(txt2img):
    tokenizer = txt2img.tokenizer
    reference = _open_clip_tokenizer()
    assert len(tokenizer) == 49408 == reference.vocab_size
    assert (tokenizer.bos_token_id, tokenizer.eos_token_id) == (49406, 49407)
    texts = [PROMPT, "A beautiful woman with long curly hair, masterpiece, best quality",
             "Hello world! It's 2024: naïve café, photo-realistic (8k)", "a mature man, children"]
    for text in texts:
        ids = tokenizer(text, add_special_tokens=False).input_ids
        assert ids == reference.encode(text), text
    assert tokenizer("a photo").input_ids == [49406, 320, 1125, 49407]  # OpenAI's ids
    padded = tokenizer(PROMPT, padding="max_length", max_length=tokenizer.model_max_length).input_ids
    assert len(padded) == 77


def test_cache_build_is_atomic_when_processes_race(monkeypatch, tmp_path):
    """The loser of a build race discards its copy and uses the winner's folder."""
    monkeypatch.setenv("FACECHAIN_CACHE", str(tmp_path))
    final = tmp_path / "builtin" / f"tiny-sd15-{tiny.TINY_VERSION}"

    def racing_build(path, seed=0):
        (path / "ours").write_text("loser")
        final.mkdir(parents=True)  # another process finished first
        (final / "theirs").write_text("winner")
        return path

    monkeypatch.setattr(tiny, "build_tiny_sd15", racing_build)
    assert tiny.tiny_model_path("tiny-sd15") == final
    assert (final / "theirs").exists() and not (final / "ours").exists()
    assert [p.name for p in final.parent.iterdir()] == [final.name]  # temp folder removed

    def failing_build(path, seed=0):
        raise RuntimeError("disk full")

    monkeypatch.setattr(tiny, "build_tiny_sd15", failing_build)
    monkeypatch.setenv("FACECHAIN_CACHE", str(tmp_path / "other"))
    with pytest.raises(RuntimeError):
        tiny.tiny_model_path("tiny-sd15")
    assert list((tmp_path / "other" / "builtin").iterdir()) == []  # nothing half-built is left


def test_unknown_builtin_and_conditioning(tmp_path, tiny_dir):
    with pytest.raises(ModelSourceError, match="unknown builtin"):
        load_base_model("builtin:tiny-sdxl", device="cpu")
    with pytest.raises(ValueError, match="conditioning"):
        tiny.build_tiny_controlnet(tmp_path / "cn", tiny_dir / "unet", seed=0, conditioning="segmentation")


# 2. Loading and generating -----------------------------------------------------------------------


def test_builtin_model_placement(model, tiny_dir, txt2img):
    assert model.id == "builtin:tiny-sd15" and model.path == tiny_dir
    assert model.device == torch.device("cpu") and model.dtype == torch.float32
    assert len(model.fingerprint) == 16 and model.fingerprint == fingerprint_weights(tiny_dir)
    assert txt2img.unet.device.type == "cpu" and txt2img.unet.dtype == torch.float32
    assert txt2img.safety_checker is None and txt2img.feature_extractor is None
    assert type(txt2img.scheduler).__name__ == "DPMSolverMultistepScheduler"
    assert default_dtype(torch.device("cpu")) == torch.float32
    assert default_dtype("cuda") == torch.float16
    assert default_device().type == ("cuda" if torch.cuda.is_available() else "cpu")

    clone = pickle.loads(pickle.dumps(model))  # crosses process boundaries (Ray) without weights
    assert (clone.id, clone.fingerprint, clone.device, clone.dtype) == (
        model.id, model.fingerprint, model.device, model.dtype)
    assert clone._base is None


def test_txt2img_is_deterministic(txt2img):
    a, b, c = _generate(txt2img, seed=0), _generate(txt2img, seed=0), _generate(txt2img, seed=1)
    assert a.shape == (64, 64, 3) and np.isfinite(a).all()
    np.testing.assert_array_equal(a, b)
    assert np.abs(a - c).mean() > 1e-3


def test_pipeline_variants_share_weights(model, txt2img):
    img2img = model.load_pipeline(kind="img2img", scheduler="EulerDiscreteScheduler")
    inpaint = model.load_pipeline(kind="inpaint")
    assert img2img.unet is txt2img.unet and inpaint.vae is txt2img.vae
    assert img2img.scheduler is not txt2img.scheduler
    assert type(img2img.scheduler).__name__ == "EulerDiscreteScheduler"

    rng = np.random.default_rng(0)
    init = rng.integers(0, 256, (64, 64, 3), dtype=np.uint8)
    from PIL import Image

    out = _generate(img2img, steps=4, image=Image.fromarray(init), strength=0.5)
    assert out.shape == (64, 64, 3)
    mask = np.zeros((64, 64), np.uint8)
    mask[16:48, 16:48] = 255
    painted = _generate(inpaint, steps=4, image=Image.fromarray(init), mask_image=Image.fromarray(mask),
                        strength=1.0)
    assert painted.shape == (64, 64, 3) and np.isfinite(painted).all()

    with pytest.raises(InvalidInputError):
        model.load_pipeline(kind="outpaint")
    with pytest.raises(ConfigError):
        model.load_pipeline(scheduler="NoSuchScheduler")


def test_controlnet_condition_changes_the_image(model):
    from diffusers import ControlNetModel
    from PIL import Image

    canny = load_controlnet("builtin", role="controlnet_canny", device="cpu")
    assert isinstance(canny, ControlNetModel)
    assert tiny.tiny_model_path("tiny-controlnet-canny").is_dir()
    pipe = model.load_pipeline(controlnet=canny)
    edges = np.zeros((64, 64, 3), np.uint8)
    edges[16:48, 16] = edges[16:48, 47] = edges[16, 16:48] = edges[47, 16:48] = 255
    a = _generate(pipe, steps=4, image=Image.fromarray(edges))
    b = _generate(pipe, steps=4, image=Image.fromarray(edges))
    c = _generate(pipe, steps=4, image=Image.fromarray(np.roll(edges, 12, axis=1)))
    np.testing.assert_array_equal(a, b)
    assert np.abs(a - c).mean() > 1e-3  # the condition really steers the result

    pose = load_controlnet("builtin:tiny-controlnet-openpose", role="controlnet_openpose", device="cpu")
    multi = model.load_pipeline(controlnet=[pose, canny], kind="inpaint")
    assert type(multi.controlnet).__name__ == "MultiControlNetModel"
    mask = np.zeros((64, 64), np.uint8)
    mask[8:40, 8:40] = 255
    out = _generate(multi, steps=2, image=Image.fromarray(edges), mask_image=Image.fromarray(mask),
                    control_image=[Image.fromarray(edges)] * 2, strength=0.65)
    assert out.shape == (64, 64, 3)


# 3. Other sources ---------------------------------------------------------------------------------


def test_local_folder_and_single_file(tiny_dir, txt2img, tmp_path):
    local = load_base_model(str(tiny_dir), device="cpu")
    assert local.id == str(tiny_dir) and local.fingerprint == fingerprint_weights(tiny_dir)

    single = tiny.export_single_file(tiny_dir, tmp_path / "tiny-sd15.safetensors")
    model = load_base_model(str(single), device="cpu", config=str(tiny_dir))
    assert model.is_single_file and model.fingerprint == local.fingerprint  # same weights, same id
    pipe = model.load_pipeline()
    for name in ("unet", "vae", "text_encoder"):
        ours, theirs = getattr(pipe, name).state_dict(), getattr(txt2img, name).state_dict()
        assert ours.keys() == theirs.keys(), name
        assert all(torch.equal(ours[k], theirs[k]) for k in ours), name
    # same weights; the VAE attention arrives as reshaped 1x1 convs, so float rounding may differ
    np.testing.assert_allclose(_generate(pipe, steps=3), _generate(txt2img, steps=3), atol=1e-4)

    parts = model.load_components()
    assert type(parts["noise_scheduler"]).__name__ == "DDPMScheduler"
    assert parts["unet"] is not pipe.unet  # fresh copies for training


def test_load_components_for_training(model, txt2img):
    parts = model.load_components()
    assert set(parts) == {"unet", "vae", "text_encoder", "tokenizer", "noise_scheduler"}
    assert type(parts["noise_scheduler"]).__name__ == "DDPMScheduler"
    assert parts["noise_scheduler"].config.beta_schedule == "scaled_linear"
    assert parts["unet"] is not txt2img.unet
    assert torch.equal(parts["unet"].conv_in.weight, txt2img.unet.conv_in.weight)
    assert len(parts["tokenizer"]) == 49408


def test_missing_sources_name_the_role(tmp_path, tiny_dir):
    with pytest.raises(ModelSourceError) as err:
        load_base_model(str(tmp_path / "no-such-model"), device="cpu")
    assert err.value.role == "base_model" and "base_model" in str(err.value)

    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelSourceError, match="not a diffusers folder"):
        load_base_model(str(tmp_path / "empty"), device="cpu")
    (tmp_path / "model.ckpt").write_bytes(b"\0" * 16)
    with pytest.raises(ModelSourceError, match="safetensors"):
        load_base_model(str(tmp_path / "model.ckpt"), device="cpu")

    profile = tmp_path / "broken.yaml"
    profile.write_text("roles:\n  controlnet_canny:\n    backend: diffusers_controlnet\n"
                       f"    source: {tmp_path / 'missing-controlnet'}\n")
    with pytest.raises(ModelSourceError) as err:
        ModelRegistry.load(profile).build("controlnet_canny")
    assert err.value.role == "controlnet_canny" and "controlnet_canny" in str(err.value)


def test_hub_sources_resolve_through_the_registry(monkeypatch, tiny_dir):
    """hf: ids go through huggingface_hub.snapshot_download (faked here) and the same loader."""
    import huggingface_hub

    calls = []

    def fake_snapshot(repo_id, revision=None, **kwargs):
        calls.append((repo_id, revision))
        return str(tiny_dir)

    monkeypatch.setattr(huggingface_hub, "snapshot_download", fake_snapshot)
    model = load_base_model("hf:stable-diffusion-v1-5/stable-diffusion-v1-5@main", device="cpu")
    assert calls == [("stable-diffusion-v1-5/stable-diffusion-v1-5", "main")]
    assert model.id == "hf:stable-diffusion-v1-5/stable-diffusion-v1-5@main"
    assert model.fingerprint == fingerprint_weights(tiny_dir)

    if importlib.util.find_spec("modelscope") is None:
        with pytest.raises(ModelSourceError, match="hub"):
            load_base_model("modelscope:AI-ModelScope/stable-diffusion-v1-5", device="cpu")


def test_registry_builds_default_and_knows_sd15(registry):
    from diffusers import ControlNetModel

    base = registry.build("base_model", device="cpu")
    assert isinstance(base, BaseModel) and base.id == "builtin:tiny-sd15"
    assert base.fingerprint == fingerprint_weights(tiny.tiny_model_path("tiny-sd15"))
    assert isinstance(registry.build("controlnet_depth", device="cpu"), ControlNetModel)

    sd15 = ModelRegistry.load("sd15")
    assert sd15.spec("base_model").source == "hf:stable-diffusion-v1-5/stable-diffusion-v1-5"
    assert {r: sd15.spec(r).source.split(":")[0] for r in
            ("controlnet_openpose", "controlnet_canny", "controlnet_depth")} == dict.fromkeys(
        ("controlnet_openpose", "controlnet_canny", "controlnet_depth"), "hf")
    default = registry.profile.roles
    assert {r: s.backend for r, s in sd15.profile.roles.items()} == {r: s.backend for r, s in default.items()}


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_cuda_fp16_channels_last(tiny_dir):
    model = load_base_model("builtin:tiny-sd15")
    assert model.device.type == "cuda" and model.dtype == torch.float16
    pipe = model.load_pipeline()
    assert pipe.unet.dtype == torch.float16
    assert pipe.unet.conv_in.weight.is_contiguous(memory_format=torch.channels_last)
    image = _generate(pipe, size=64, steps=4)
    assert np.isfinite(image).all()


# 5. No network, no pickle ------------------------------------------------------------------------


def test_single_file_loads_with_sockets_blocked(monkeypatch, tiny_dir, tmp_path):
    """A single file reads its architecture from a local config folder, never from a hub: with the
    tiny model's folder it loads and draws; without ``config`` it takes the shipped SD 1.5 configs
    (which do not fit the tiny weights: a typed error, and still no connection attempted)."""
    from tests.netguard import block_network

    single = tiny.export_single_file(tiny_dir, tmp_path / "tiny-sd15.safetensors")
    refused = block_network(monkeypatch)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)  # an attempt must reach the blocked socket

    default = load_base_model(str(single), device="cpu")
    with pytest.raises(ModelSourceError) as err:
        default.load_pipeline()
    assert refused == []  # (diffusers alone would have asked huggingface.co for SD 1.5's configs)
    assert err.value.role == "base_model"
    assert Path(default.config).parent.name == "configs" and Path(default.config).name.startswith("sd15-")
    assert (Path(default.config) / "tokenizer" / "vocab.json").is_file()

    model = load_base_model(str(single), device="cpu", config="builtin:tiny-sd15")
    assert Path(model.config) == tiny_dir
    assert _generate(model.load_pipeline(), steps=2, size=32).shape == (32, 32, 3)
    assert refused == []


def test_shipped_single_file_configs_are_sd15():
    """configs/diffusers/sd15 builds SD 1.5's exact networks (parameter counts of the released
    UNet, VAE and CLIP ViT-L/14 text encoder); the ControlNet config is the one ControlNet derives
    from that UNet. Built on the meta device: no memory, no weights."""
    from diffusers import AutoencoderKL, ControlNetModel, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

    from facechain.diffusion.base_model import shipped_config

    sd15, controlnet = shipped_config("sd15"), shipped_config("controlnet-sd15")
    with torch.device("meta"):
        unet = UNet2DConditionModel.from_config(UNet2DConditionModel.load_config(sd15 / "unet"))
        vae = AutoencoderKL.from_config(AutoencoderKL.load_config(sd15 / "vae"))
        text = CLIPTextModel(CLIPTextConfig.from_pretrained(sd15 / "text_encoder"))
        net = ControlNetModel.from_config(ControlNetModel.load_config(controlnet))
        derived = ControlNetModel.from_unet(unet, conditioning_embedding_out_channels=(16, 32, 96, 256))

    def count(module):
        return sum(p.numel() for p in module.parameters())

    assert (count(unet), count(vae), count(text)) == (859_520_964, 83_653_863, 123_060_480)
    assert count(net) == count(derived)
    assert json.loads(net.to_json_string()) | {"_diffusers_version": ""} == json.loads(
        derived.to_json_string()) | {"_diffusers_version": ""}

    assert len(CLIPTokenizer.from_pretrained(sd15 / "tokenizer", local_files_only=True)) == 49408


def test_single_file_architecture_picks_the_shipped_config(tmp_path):
    from safetensors.torch import save_file

    from facechain.diffusion.base_model import single_file_config, single_file_model_type

    def checkpoint(name: str, *keys: str) -> Path:
        save_file({k: torch.zeros(1) for k in keys}, str(tmp_path / name))
        return tmp_path / name

    sd = checkpoint("sd.safetensors", "model.diffusion_model.output_blocks.11.0.skip_connection.weight")
    cn = checkpoint("cn.safetensors", "control_model.time_embed.0.weight")
    xl = checkpoint("xl.safetensors", "conditioner.embedders.1.model.transformer.resblocks.9.mlp.c_proj.bias")
    assert single_file_model_type(sd) == "v1" and single_file_config("base_model", sd, None).name.startswith("sd15-")
    assert single_file_config("controlnet_canny", cn, None).name.startswith("controlnet-sd15-")
    with pytest.raises(ModelSourceError, match="xl_base"):
        single_file_config("base_model", xl, None)
    with pytest.raises(ModelSourceError, match="hf: prefix"):
        single_file_config("base_model", sd, "some-org/some-configs")


@pytest.mark.parametrize("config", [None, "builtin:tiny-sd15"])
def test_damaged_single_file_is_a_typed_error(config, tmp_path):
    """A truncated download named .safetensors fails as the role's ModelSourceError when it is
    built, not as safetensors' own error (from the architecture or the fingerprint read)."""
    damaged = tmp_path / "model.safetensors"
    damaged.write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{\"__metadata__")
    with pytest.raises(ModelSourceError, match="not a readable .safetensors") as err:
        load_base_model(str(damaged), device="cpu", config=config)
    assert err.value.role == "base_model"
    with pytest.raises(ModelSourceError, match="not a readable .safetensors"):
        load_controlnet(str(damaged), role="controlnet_canny", device="cpu")


@pytest.mark.parametrize("role", ["base_model", "controlnet_canny"])
def test_folder_with_only_pickle_weights_is_a_typed_error(role, tmp_path):
    """A diffusers folder whose weights are pickles is refused by name (no ``.bin`` fallback)."""
    import shutil

    name = "tiny-sd15" if role == "base_model" else "tiny-controlnet-canny"
    folder = shutil.copytree(tiny.tiny_model_path(name), tmp_path / name)
    weights = folder / ("unet" if role == "base_model" else "") / "diffusion_pytorch_model.safetensors"
    weights.rename(weights.with_suffix(".bin"))
    load = load_base_model if role == "base_model" else lambda p, **kw: load_controlnet(p, role=role, **kw)
    with pytest.raises(ModelSourceError) as err:
        load(str(folder), device="cpu")
    assert err.value.role == role
    assert "only pickle weights" in str(err.value) and "diffusion_pytorch_model.bin" in str(err.value)
