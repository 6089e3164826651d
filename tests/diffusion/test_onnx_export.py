"""ONNX export of the tiny model's networks and the onnxruntime backend, against torch.

Tolerance: every network's ONNX output must match torch's within ``TOL`` = 1e-4 absolute (outputs
are O(1); float32 on onnxruntime's CPU kernels vs torch's measures ~5e-6), at the export's own
size and at other batches and sizes (the dynamic axes). A whole txt2img / ControlNet / img2img /
inpaint call through :func:`apply_onnx_backend` must match the torch pipeline within
``IMAGE_TOL`` = 2e-3 on images in [0, 1] (half a grey level; measured ~5e-6).
"""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from facechain.diffusion.export import (
    NETWORKS,
    BackendUnavailableError,
    build_tensorrt,
    export_onnx,
    parse_profile,
    profile_shapes,
    read_manifest,
    residual_shapes,
)
from facechain.diffusion.onnx_backend import (
    OnnxControlNet,
    OnnxUNet,
    OrtRunner,
    adapter_set_build,
    adapter_set_key,
    apply_onnx_backend,
    apply_tensorrt_backend,
)
from facechain.errors import ConfigError, InvalidInputError

TOL = 1e-4
IMAGE_TOL = 2e-3


@pytest.fixture(scope="module")
def controlnet(tiny_base):
    from facechain.diffusion.base_model import load_controlnet

    return load_controlnet("builtin", role="controlnet_openpose", device="cpu")


@pytest.fixture(scope="module")
def build(tiny_base, controlnet, tmp_path_factory):
    out = tmp_path_factory.mktemp("onnx-build")
    export_onnx(tiny_base, out, controlnet=controlnet)
    return out


def _runner(build, name):
    manifest = read_manifest(build, "onnx")
    return OrtRunner(build / manifest["networks"][name]["file"], manifest["networks"][name], torch.device("cpu"))


def _close(onnx_out, torch_out, tol=TOL):
    assert onnx_out.shape == torch_out.shape
    err = (onnx_out.float() - torch_out.float()).abs().max().item()
    assert err <= tol, err


def test_manifest_names_every_file_with_shapes_and_dtypes(build, tiny_base):
    manifest = json.loads((build / "manifest.json").read_text())
    assert manifest["format"] == "onnx" and manifest["base_model"] == tiny_base.fingerprint
    assert manifest["adapters"] == [] and manifest["dtype"] == "float32"
    assert set(manifest["networks"]) == set(NETWORKS)
    for name, entry in manifest["networks"].items():
        assert (build / entry["file"]).is_file() and entry["file"] == f"{name}.onnx"
    unet = manifest["networks"]["unet"]
    assert unet["inputs"]["sample"] == {"shape": ["batch", 4, "height", "width"], "dtype": "float32"}
    assert unet["inputs"]["timestep"] == {"shape": ["batch"], "dtype": "float32"}
    assert unet["outputs"]["out_sample"]["shape"] == ["batch", 4, "height", "width"]
    assert manifest["networks"]["text_encoder"]["inputs"]["input_ids"] == {"shape": ["batch", 77], "dtype": "int64"}
    assert manifest["networks"]["vae_decoder"]["outputs"]["sample"]["shape"] == ["batch", 3, "height_pixels",
                                                                               "width_pixels"]
    # the ControlNet's outputs are exactly the UNet's residual inputs
    residuals = [n for n in unet["inputs"] if "residual" in n]
    assert list(manifest["networks"]["controlnet"]["outputs"]) == residuals
    assert len(residuals) == len(residual_shapes(unet["config"], 1, 8, 8))


@pytest.mark.parametrize("batch,h,w", [(1, 8, 8), (3, 16, 24), (2, 10, 6)])
def test_unet_and_controlnet_parity(build, tiny_base, controlnet, batch, h, w):
    unet = tiny_base.load_pipeline().unet
    gen = torch.Generator().manual_seed(batch * 100 + h)
    sample = torch.randn(batch, 4, h, w, generator=gen)
    text = torch.randn(batch, 77, unet.config.cross_attention_dim, generator=gen)
    t = torch.full((batch,), 321.0)
    cond = torch.rand(batch, 3, 8 * h, 8 * w, generator=gen)
    with torch.no_grad():
        down, mid = controlnet(sample, t, text, cond, conditioning_scale=0.7, return_dict=False)
        ref_plain = unet(sample, t, text).sample
        ref_cn = unet(sample, t, text, down_block_additional_residuals=down, mid_block_additional_residual=mid).sample
    onnx_cn = OnnxControlNet(_runner(build, "controlnet"), read_manifest(build)["networks"]["controlnet"],
                             torch.float32, torch.device("cpu"))
    got_down, got_mid = onnx_cn(sample, t, text, cond, conditioning_scale=0.7, return_dict=False)
    for a, b in zip((*got_down, got_mid), (*down, mid)):
        _close(a, b)
    onnx_unet = OnnxUNet(_runner(build, "unet"), read_manifest(build)["networks"]["unet"], torch.float32,
                         torch.device("cpu"))
    _close(onnx_unet(sample, torch.tensor(321), text).sample, ref_plain)  # 0-d timestep, as diffusers passes
    _close(onnx_unet(sample, t, text, down_block_additional_residuals=down,
                     mid_block_additional_residual=mid).sample, ref_cn)


@pytest.mark.parametrize("batch,h,w", [(1, 64, 64), (2, 48, 80)])
def test_vae_and_text_encoder_parity(build, tiny_base, batch, h, w):
    pipe = tiny_base.load_pipeline()
    gen = torch.Generator().manual_seed(h)
    pixels = torch.rand(batch, 3, h, w, generator=gen) * 2 - 1
    latent = torch.randn(batch, 4, h // 8, w // 8, generator=gen)
    ids = torch.randint(0, 49406, (batch, 77), generator=gen)
    with torch.no_grad():
        moments = pipe.vae.encode(pixels).latent_dist.parameters
        decoded = pipe.vae.decode(latent).sample
        text = pipe.text_encoder(ids)
    _close(_runner(build, "vae_encoder")(sample=pixels)[0], moments)
    _close(_runner(build, "vae_decoder")(latent=latent)[0], decoded)
    last, pooled = _runner(build, "text_encoder")(input_ids=ids)
    _close(last, text.last_hidden_state)
    _close(pooled, text.pooler_output)


def _generate(pipe, **kw):
    with torch.inference_mode():
        return pipe(prompt="a portrait", negative_prompt="blurry", num_inference_steps=3, guidance_scale=6.0,
                    generator=torch.Generator().manual_seed(7), output_type="np", num_images_per_prompt=2,
                    **kw).images


def test_txt2img_through_the_onnx_backend_matches_torch(build, tiny_base):
    pipe = tiny_base.load_pipeline()
    reference = _generate(pipe, width=64, height=96)
    onnx_pipe = tiny_base.load_pipeline()
    apply_onnx_backend(onnx_pipe, build)
    assert isinstance(onnx_pipe.unet, OnnxUNet) and pipe.unet is not onnx_pipe.unet
    assert onnx_pipe.unet.config.in_channels == 4 and onnx_pipe.vae.config.scaling_factor == 0.18215
    got = _generate(onnx_pipe, width=64, height=96)
    assert got.shape == reference.shape == (2, 96, 64, 3)
    assert np.abs(got - reference).max() <= IMAGE_TOL


@pytest.mark.parametrize("kind", ["txt2img", "img2img", "inpaint"])
def test_controlnet_and_image_pipelines_match_torch(build, tiny_base, controlnet, kind):
    from PIL import Image

    rng = np.random.default_rng(1)
    image = Image.fromarray((rng.random((64, 64, 3)) * 255).astype(np.uint8))
    mask = np.zeros((64, 64), np.uint8)
    mask[16:48, 16:48] = 255
    kw = {"width": 64, "height": 64, "image": image}
    if kind != "txt2img":
        kw.update(image=image, control_image=image, strength=0.7)
        kw.pop("width"), kw.pop("height")
    if kind == "inpaint":
        kw.update(mask_image=Image.fromarray(mask), width=64, height=64)
    reference = _generate(tiny_base.load_pipeline(controlnet, kind), **kw)
    pipe = tiny_base.load_pipeline(controlnet, kind)
    apply_onnx_backend(pipe, build)
    assert isinstance(pipe.controlnet, OnnxControlNet)
    assert np.abs(_generate(pipe, **kw) - reference).max() <= IMAGE_TOL


@pytest.mark.slow
def test_engine_variants_share_the_onnx_modules(build, tiny_base):
    from facechain.diffusion.engine import DiffusionEngine, DiffusionRequest

    engine = DiffusionEngine(tiny_base)
    torch_images = engine(DiffusionRequest(prompt="a portrait", steps=2, width=64, height=64, scheduler="ddim"))
    apply_onnx_backend(engine.pipe, build)
    engine._variants.clear()  # variants built from now on share the ONNX modules (from_pipe)
    images = engine(DiffusionRequest(prompt="a portrait", steps=2, width=64, height=64, scheduler="ddim"))
    assert isinstance(next(iter(engine._variants.values())).unet, OnnxUNet)
    assert np.abs(images[0].astype(int) - torch_images[0].astype(int)).max() <= 1


@pytest.mark.slow
def test_adapter_set_build_fuses_the_lora_and_caches(tiny_base, tmp_path):
    from facechain.diffusion.engine import AdapterRef, DiffusionEngine

    lora = _random_lora(tiny_base, tmp_path / "lora")
    ref = AdapterRef.face("u1", lora, weight=0.8)
    cache = tmp_path / "builds"
    first = adapter_set_build(tiny_base, [ref], cache)
    manifest = read_manifest(first, "onnx")
    assert set(manifest["networks"]) == {"unet"}
    assert manifest["adapters"] == [{"name": "face-u1", "path": str(lora), "weight": 0.8}]
    stamp = (first / "unet.onnx").stat().st_mtime_ns
    assert adapter_set_build(tiny_base, [ref], cache) == first  # cached: no second export
    assert (first / "unet.onnx").stat().st_mtime_ns == stamp
    key = adapter_set_key(tiny_base, [ref])
    assert first.name == f"unet-{key}"
    assert adapter_set_key(tiny_base, [AdapterRef.face("u1", lora, weight=0.5)]) != key  # weights count
    assert adapter_set_key(tiny_base, [AdapterRef.face("other-id", lora, weight=0.8)]) != key

    # the fused UNet equals the resident UNet with the adapter active (peft, unfused)
    engine = DiffusionEngine(tiny_base)
    engine.preload(ref)
    engine.pipe.set_adapters([engine.pipeline_adapter_name(ref.name)], adapter_weights=[0.8])
    gen = torch.Generator().manual_seed(3)
    sample, text = torch.randn(2, 4, 8, 8, generator=gen), torch.randn(2, 77, 32, generator=gen)
    t = torch.full((2,), 400.0)
    with torch.no_grad():
        with_lora = engine.pipe.unet(sample, t, text).sample
        engine.pipe.disable_lora()
        without = engine.pipe.unet(sample, t, text).sample
    # a base export while the resident UNet holds the adapter, active: exported without it
    engine.pipe.enable_lora()
    engine.pipe.set_adapters([engine.pipeline_adapter_name(ref.name)], adapter_weights=[0.8])
    clean = export_onnx(tiny_base, tmp_path / "clean", networks=("unet",))
    plain = OnnxUNet(_runner(tmp_path / "clean", "unet"), clean["networks"]["unet"], torch.float32, torch.device("cpu"))
    _close(plain(sample, t, text).sample, without)
    engine.evict(ref.name)
    fused = OnnxUNet(_runner(first, "unet"), manifest["networks"]["unet"], torch.float32, torch.device("cpu"))
    got = fused(sample, t, text).sample
    assert (with_lora - without).abs().max() > 50 * TOL  # the LoRA matters ...
    _close(got, with_lora, tol=10 * TOL)  # ... and the build has it (fused: rounding differs a little)
    # the base weights were never merged
    with torch.no_grad():
        assert torch.equal(tiny_base.load_pipeline().unet(sample, t, text).sample, without)


@pytest.mark.slow
def test_an_onnx_engine_serves_loras_through_adapter_set_builds(build, tiny_base, tmp_path):
    """backend onnx: a request's LoRA set runs on its own exported UNet (fused, cached), close to
    the eager engine with the same LoRA; no LoRA runs the base build; evicting drops the set."""
    import dataclasses

    from facechain.diffusion.engine import AdapterRef, DiffusionEngine, DiffusionRequest

    ref = AdapterRef.face("u1", _random_lora(tiny_base, tmp_path / "lora"), weight=0.8)
    request = DiffusionRequest(prompt="a portrait", steps=2, width=64, height=64, seed=5, adapters=(ref,))
    plain = dataclasses.replace(request, adapters=())
    eager = DiffusionEngine(tiny_base)
    want, want_plain = eager(request)[0].astype(int), eager(plain)[0].astype(int)
    assert np.abs(want - want_plain).max() > 10  # the LoRA shows in the image

    engine = DiffusionEngine(dataclasses.replace(tiny_base),  # its own pipeline: replaced in place
                             backend={"backend": "onnx", "build_dir": str(build),
                                      "adapter_cache_dir": str(tmp_path / "sets")})
    base_unet = engine.pipe.unet
    got = engine(request)[0].astype(int)
    assert np.abs(got - want).max() <= 2
    builds = engine._builds
    assert (builds.builds, builds.hits) == (1, 0) and engine.pipe.unet is not base_unet
    assert np.abs(engine(request)[0].astype(int) - got).max() == 0
    assert builds.hits == 1  # the set's session stayed loaded
    assert np.abs(engine(plain)[0].astype(int) - want_plain).max() <= 2
    assert engine.pipe.unet is base_unet
    assert len(list((tmp_path / "sets").glob("unet-*"))) == 1
    engine.evict(ref.name)
    assert engine.loaded_adapters() == [] and not builds._sets


def _random_lora(base, folder):
    from facechain.diffusion.tiny import random_face_lora

    return random_face_lora(base, folder).path


# typed errors ---------------------------------------------------------------------------------------


def test_bad_builds_and_unsupported_calls_are_typed_errors(build, tiny_base, tmp_path):
    with pytest.raises(ConfigError, match="not a model build"):
        read_manifest(tmp_path)
    with pytest.raises(ConfigError, match="not 'tensorrt'"):
        read_manifest(build, "tensorrt")
    with pytest.raises(InvalidInputError, match="unknown networks"):
        export_onnx(tiny_base, tmp_path, networks=("unet", "refiner"))
    with pytest.raises(InvalidInputError, match="needs a ControlNet"):
        export_onnx(tiny_base, tmp_path, networks=("controlnet",))
    pipe = tiny_base.load_pipeline()
    apply_onnx_backend(pipe, build)
    with pytest.raises(InvalidInputError, match="no LoRA adapters"):
        pipe.unet.load_lora_adapter({}, adapter_name="x")
    with pytest.raises(InvalidInputError, match="clip_skip"):
        _generate(pipe, width=64, height=64, clip_skip=1)
    # a build of another model: the config check refuses it
    manifest = json.loads((build / "manifest.json").read_text())
    manifest["networks"]["unet"]["config"]["cross_attention_dim"] = 768
    other = tmp_path / "other"
    other.mkdir()
    (other / "unet.onnx").symlink_to(build / "unet.onnx")
    (other / "manifest.json").write_text(json.dumps({**manifest, "networks": {"unet": manifest["networks"]["unet"]}}))
    with pytest.raises(ConfigError, match="another model"):
        apply_onnx_backend(tiny_base.load_pipeline(), other)
    with pytest.raises(InvalidInputError, match="IMAGESxHEIGHTxWIDTH"):
        parse_profile("512x512")


# TensorRT -------------------------------------------------------------------------------------------


def _has_tensorrt() -> bool:
    import importlib.util

    return importlib.util.find_spec("tensorrt") is not None


@pytest.mark.skipif(_has_tensorrt(), reason="tensorrt is installed: the missing-package message cannot show")
def test_tensorrt_missing_is_a_typed_error_naming_the_package(build, tiny_base, tmp_path):
    with pytest.raises(BackendUnavailableError, match="TensorRT is not installed.*'gpu' extra") as info:
        build_tensorrt(build, tmp_path)
    assert info.value.missing == "tensorrt"
    with pytest.raises(BackendUnavailableError, match="tensorrt"):
        apply_tensorrt_backend(tiny_base.load_pipeline(), tmp_path)


def test_tensorrt_profiles_bind_every_input(build):
    manifest = read_manifest(build)
    unet = profile_shapes("unet", manifest["networks"]["unet"], 4, 512, 768)
    assert unet["sample"] == (8, 4, 64, 96) and unet["timestep"] == (8,)  # CFG doubles the batch
    assert unet["encoder_hidden_states"] == (8, 77, 32)
    assert unet["mid_residual"] == (8, 64, 8, 12)
    assert profile_shapes("vae_decoder", manifest["networks"]["vae_decoder"], 4, 512, 768)["latent"] == (4, 4, 64, 96)
    cn = profile_shapes("controlnet", manifest["networks"]["controlnet"], 1, 512, 512)
    assert cn["controlnet_cond"] == (2, 3, 512, 512) and cn["conditioning_scale"] == ()


@pytest.mark.skipif(not _has_tensorrt(), reason="tensorrt is not installable on these machines (GPU extra)")
def test_tensorrt_engines_match_onnx(build, tiny_base, tmp_path):  # pragma: no cover - GPU hosts only
    if not torch.cuda.is_available():
        pytest.skip("TensorRT engines need a CUDA device")
    out = build_tensorrt(build, tmp_path / "trt", profiles=((1, 64, 64), (2, 64, 64)), fp16=False)
    assert set(out["networks"]) == set(NETWORKS)
    pipe = tiny_base.load_pipeline()
    reference = _generate(pipe, width=64, height=64)
    apply_tensorrt_backend(pipe, tmp_path / "trt")
    assert np.abs(_generate(pipe, width=64, height=64) - reference).max() <= 10 * IMAGE_TOL


# CLI -----------------------------------------------------------------------------------------------


def test_cli_build_onnx_writes_one_file_per_network(tmp_path, capsys, one_torch_thread):
    from facechain.cli import main

    out = tmp_path / "b"
    assert main(["build", "onnx", "--base-model", "builtin:tiny-sd15", "--out", str(out), "--device", "cpu",
                 "--network", "vae_decoder", "--network", "text_encoder"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["networks"] == {"vae_decoder": "vae_decoder.onnx", "text_encoder": "text_encoder.onnx"}
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "text_encoder.onnx", "vae_decoder.onnx"]


@pytest.mark.skipif(_has_tensorrt(), reason="tensorrt is installed: the missing-package message cannot show")
def test_cli_build_trt_says_what_is_missing(tmp_path, capsys):
    from facechain.cli import main

    assert main(["build", "trt", "--out", str(tmp_path / "t")]) == 1
    err = capsys.readouterr().err
    assert "TensorRT is not installed" in err and "pip install 'facechain-serve[gpu]'" in err
    assert not (tmp_path / "t").exists()  # nothing exported before the check


# the registry option naming the builds ------------------------------------------------------------


def test_registry_roles_name_their_builds(build, tmp_path, one_torch_thread):
    from facechain.diffusion.base_model import load_base_model, load_controlnet
    from facechain.diffusion.onnx_backend import build_dir
    from facechain.errors import ModelSourceError

    base = load_base_model("builtin:tiny-sd15", device="cpu", builds={"onnx": str(build)})
    assert build_dir(base, "onnx") == build
    with pytest.raises(ConfigError, match="no tensorrt build.*facechain build trt"):
        build_dir(base, "tensorrt")
    net = load_controlnet("builtin", role="controlnet_canny", device="cpu", builds={"onnx": str(build)})
    assert build_dir(net, "onnx") == build
    with pytest.raises(ConfigError, match="unknown build backend"):
        load_base_model("builtin:tiny-sd15", device="cpu", builds={"openvino": str(build)})
    with pytest.raises(ModelSourceError, match="does not exist.*facechain build onnx"):
        load_base_model("builtin:tiny-sd15", device="cpu", builds={"onnx": str(tmp_path / "missing")})
