"""onnxruntime- and TensorRT-backed drop-in modules for a diffusers SD 1.5 pipeline.

:func:`apply_onnx_backend` replaces ``pipe.unet`` / ``pipe.vae`` / ``pipe.text_encoder`` /
``pipe.controlnet`` by modules that run the networks of a build folder
(:func:`facechain.diffusion.export.export_onnx`) and keep what diffusers reads of the originals:
``.config`` (the exported network's own config, from the manifest), ``.dtype``, ``.device`` and the
call signatures the SD pipelines use (txt2img, img2img, inpaint, each with one ControlNet). The
pipeline call itself is unchanged. Only the networks the manifest holds are replaced, so a LoRA
set's build (UNet only) applies over a base build. :func:`apply_tensorrt_backend` does the same
with TensorRT engines (:func:`facechain.diffusion.export.build_tensorrt`).

Execution providers: CUDA when the module's device is CUDA and onnxruntime has it (TensorRT's EP
first when present), else CPU. On CUDA the tensors stay on the GPU (I/O binding on torch's
buffers, outputs handed back by DLPack).

Per-user LoRAs: an exported graph has its weights baked in, so a LoRA set is served from its own
build: :func:`adapter_set_build` fuses the set into a fresh UNet and exports it once, cached by
(base fingerprint, adapter file hashes, weights); later requests with the same set load the cached
file (a session load, no export). On TensorRT, the same fused ONNX refits a refittable engine's
weights (:func:`facechain.diffusion.export.refit_tensorrt`). ``benchmarks/gpu.py --smoke`` measures
both costs.

Not supported on these modules (a typed error, never a silent wrong result): ``clip_skip`` /
``output_hidden_states`` on the text encoder, ControlNet ``guess_mode``, several ControlNets at
once, loading LoRA adapters into an exported network.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from diffusers import ControlNetModel

from facechain.diffusion.export import (
    BackendUnavailableError,
    build_into,
    export_onnx,
    import_tensorrt,
    read_manifest,
)
from facechain.diffusion.lora_io import lora_weights_file
from facechain.errors import ConfigError, InvalidInputError

logger = logging.getLogger(__name__)

_NP_DTYPES = {"float32": np.float32, "float16": np.float16, "int64": np.int64, "int32": np.int32}
_TORCH_DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16,
                 "int64": torch.int64, "int32": torch.int32}


# 1. Runners: named torch tensors in, torch tensors out -------------------------------------------


def default_providers(device: torch.device) -> list[str]:
    """onnxruntime execution providers for ``device``: TensorRT and CUDA EPs first on CUDA when
    this onnxruntime has them, CPU always last."""
    import onnxruntime as ort

    available = ort.get_available_providers()
    wanted = ["TensorrtExecutionProvider", "CUDAExecutionProvider"] if device.type == "cuda" else []
    return [p for p in wanted if p in available] + ["CPUExecutionProvider"]


class OrtRunner:
    """One ONNX network in an onnxruntime session."""

    def __init__(self, file: Path, entry: dict, device: torch.device, providers: Sequence[str] | None = None):
        import onnxruntime as ort

        self.entry = entry
        self.device = device
        providers = list(providers) if providers else default_providers(device)
        if device.type == "cuda" and "CUDAExecutionProvider" not in providers:
            raise BackendUnavailableError(
                f"{file.name} is to run on {device} but onnxruntime offers only {providers}: install "
                "onnxruntime-gpu (the 'gpu' extra) instead of onnxruntime", missing="onnxruntime-gpu")
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = torch.get_num_threads()  # the CPU share torch is given
        self.session = ort.InferenceSession(str(file), sess_options=options, providers=providers)
        self.inputs = {i.name: entry["inputs"][i.name]["dtype"] for i in self.session.get_inputs()}
        self.outputs = [o.name for o in self.session.get_outputs()]
        self.on_gpu = device.type == "cuda"

    def __call__(self, **tensors: torch.Tensor) -> list[torch.Tensor]:
        if set(tensors) != set(self.inputs):
            raise InvalidInputError(f"inputs {sorted(tensors)} do not match the graph's {sorted(self.inputs)}",
                                    param="inputs")
        if not self.on_gpu:
            feeds = {n: t.detach().to("cpu", _TORCH_DTYPES[self.inputs[n]]).contiguous().numpy()
                     for n, t in tensors.items()}
            return [torch.from_numpy(o).to(self.device) for o in self.session.run(self.outputs, feeds)]
        binding = self.session.io_binding()
        keep = []
        for name, tensor in tensors.items():
            t = tensor.detach().to(self.device, _TORCH_DTYPES[self.inputs[name]]).contiguous()
            keep.append(t)
            binding.bind_input(name, "cuda", self.device.index or 0, _NP_DTYPES[self.inputs[name]],
                               tuple(t.shape), t.data_ptr())
        for name in self.outputs:
            binding.bind_output(name, "cuda", self.device.index or 0)
        torch.cuda.current_stream(self.device).synchronize()  # inputs written before ORT's stream reads
        self.session.run_with_iobinding(binding)  # returns once the outputs are written
        return [_from_ortvalue(v) for v in binding.get_outputs()]


def _from_ortvalue(value) -> torch.Tensor:
    """A device OrtValue as a torch tensor, zero-copy (DLPack; older onnxruntime: via ``_ortvalue``)."""
    if hasattr(value, "__dlpack__"):
        return torch.from_dlpack(value)
    return torch.utils.dlpack.from_dlpack(value._ortvalue.to_dlpack())


_TRT_TORCH = {"FLOAT": torch.float32, "HALF": torch.float16, "BF16": torch.bfloat16, "INT64": torch.int64,
              "INT32": torch.int32, "BOOL": torch.bool}


class TensorRTRunner:
    """One TensorRT engine (``.plan``) with its execution context, on a CUDA device."""

    def __init__(self, file: Path, entry: dict, device: torch.device):
        trt = import_tensorrt()
        if device.type != "cuda":
            raise BackendUnavailableError(f"TensorRT engines run on CUDA devices only, not {device}",
                                          missing="cuda")
        self.entry = entry
        self.device = device
        self.logger = trt.Logger(trt.Logger.WARNING)
        self.runtime = trt.Runtime(self.logger)
        self.engine = self.runtime.deserialize_cuda_engine(Path(file).read_bytes())
        if self.engine is None:
            raise ConfigError(f"TensorRT cannot load {file} (built by another TensorRT version or GPU?)",
                              param="build")
        self.context = self.engine.create_execution_context()
        names = [self.engine.get_tensor_name(i) for i in range(self.engine.num_io_tensors)]
        self.inputs = [n for n in names if self.engine.get_tensor_mode(n) == trt.TensorIOMode.INPUT]
        self.outputs = [n for n in names if self.engine.get_tensor_mode(n) == trt.TensorIOMode.OUTPUT]
        self.dtypes = {n: _TRT_TORCH[self.engine.get_tensor_dtype(n).name] for n in names}

    def __call__(self, **tensors: torch.Tensor) -> list[torch.Tensor]:
        keep = []
        for name in self.inputs:
            t = tensors[name].detach().to(self.device, self.dtypes[name]).contiguous()
            keep.append(t)
            self.context.set_input_shape(name, tuple(t.shape))
            self.context.set_tensor_address(name, t.data_ptr())
        outputs = []
        for name in self.outputs:
            out = torch.empty(tuple(self.context.get_tensor_shape(name)), dtype=self.dtypes[name], device=self.device)
            self.context.set_tensor_address(name, out.data_ptr())
            outputs.append(out)
        stream = torch.cuda.current_stream(self.device)
        if not self.context.execute_async_v3(stream.cuda_stream):
            raise ConfigError("TensorRT execution failed (input shapes outside the engine's profile?)",
                              param="build")
        return outputs

    def refit(self, onnx_file: Path) -> float:
        """Swap in the weights of ``onnx_file`` (e.g. a LoRA set's fused UNet); seconds taken."""
        from facechain.diffusion.export import refit_tensorrt

        torch.cuda.current_stream(self.device).synchronize()
        return refit_tensorrt(self.engine, onnx_file)


# 2. Drop-in modules ---------------------------------------------------------------------------------


class _Exported(torch.nn.Module):
    """Base: a network run by a runner, with the attributes diffusers reads of a torch model."""

    def __init__(self, runner, entry: dict, dtype: torch.dtype, device: torch.device):
        from diffusers.configuration_utils import FrozenDict

        torch.nn.Module.__init__(self)  # never a diffusers model's __init__: it would build weights
        self.runner = runner
        self._config = FrozenDict(entry["config"])
        self._dtype = dtype
        self._device = device

    @property
    def config(self):
        return self._config

    @property
    def dtype(self) -> torch.dtype:
        return self._dtype

    @property
    def device(self) -> torch.device:
        return self._device

    def to(self, *args, **kwargs):  # the weights live in the runtime: placement is fixed at load
        return self

    # diffusers' LoRA loaders call these on a pipeline's networks
    def load_lora_adapter(self, *args, **kwargs):
        raise InvalidInputError("an exported network takes no LoRA adapters: use the LoRA set's own "
                                "build (facechain.diffusion.onnx_backend.adapter_set_build)", param="lora")


def _timesteps(timestep, batch: int) -> torch.Tensor:
    t = torch.as_tensor(timestep, dtype=torch.float32).reshape(-1)
    return t.expand(batch) if t.numel() == 1 else t


class OnnxUNet(_Exported):
    """``UNet2DConditionModel`` stand-in (with ControlNet residuals as inputs)."""

    def forward(self, sample, timestep, encoder_hidden_states, class_labels=None, timestep_cond=None,
                attention_mask=None, cross_attention_kwargs=None, added_cond_kwargs=None,
                down_block_additional_residuals=None, mid_block_additional_residual=None,
                down_intrablock_additional_residuals=None, encoder_attention_mask=None, return_dict=True):
        from diffusers.models.unets.unet_2d_condition import UNet2DConditionOutput

        if class_labels is not None or timestep_cond is not None or down_intrablock_additional_residuals is not None:
            raise InvalidInputError("the exported UNet takes no class labels, timestep_cond or T2I adapters",
                                    param="unet")
        if cross_attention_kwargs and cross_attention_kwargs.get("scale", 1.0) != 1.0:
            raise InvalidInputError("an exported UNet has its LoRA scale baked in", param="lora")
        from facechain.diffusion.export import residual_shapes

        b, _, h, w = sample.shape
        shapes = residual_shapes(self.config, b, h, w)
        residuals = list(down_block_additional_residuals or []) + (
            [mid_block_additional_residual] if mid_block_additional_residual is not None else [])
        if not residuals:
            residuals = [torch.zeros(s, dtype=sample.dtype, device=sample.device) for s in shapes]
        elif len(residuals) != len(shapes):
            raise InvalidInputError(f"{len(residuals)} ControlNet residuals; this UNet takes {len(shapes)}",
                                    param="controlnet")
        names = [f"down_residual_{i}" for i in range(len(shapes) - 1)] + ["mid_residual"]
        (out,) = self.runner(sample=sample, timestep=_timesteps(timestep, b),
                             encoder_hidden_states=encoder_hidden_states, **dict(zip(names, residuals)))
        out = out.to(sample.dtype)
        return UNet2DConditionOutput(sample=out) if return_dict else (out,)


class OnnxControlNet(_Exported, ControlNetModel):
    """``ControlNetModel`` stand-in. A subclass of it: the ControlNet pipelines dispatch on
    ``isinstance(controlnet, ControlNetModel)``; none of its weights or methods are used."""

    def forward(self, sample, timestep, encoder_hidden_states, controlnet_cond, conditioning_scale=1.0,
                class_labels=None, timestep_cond=None, attention_mask=None, added_cond_kwargs=None,
                cross_attention_kwargs=None, guess_mode=False, return_dict=True):
        from diffusers.models.controlnets.controlnet import ControlNetOutput

        if guess_mode:
            raise InvalidInputError("the exported ControlNet does not run guess_mode", param="controlnet")
        b = sample.shape[0]
        outs = self.runner(sample=sample, timestep=_timesteps(timestep, b),
                           encoder_hidden_states=encoder_hidden_states,
                           controlnet_cond=controlnet_cond.to(sample.dtype),
                           conditioning_scale=torch.tensor(float(conditioning_scale)))
        outs = [o.to(sample.dtype) for o in outs]
        down, mid = tuple(outs[:-1]), outs[-1]
        return ControlNetOutput(down_block_res_samples=down, mid_block_res_sample=mid) if return_dict else (down, mid)


class OnnxTextEncoder(_Exported):
    """``CLIPTextModel`` stand-in (last hidden state and pooled output)."""

    def forward(self, input_ids, attention_mask=None, position_ids=None, output_attentions=None,
                output_hidden_states=None, return_dict=True, **kwargs):
        from transformers.modeling_outputs import BaseModelOutputWithPooling

        if output_hidden_states:
            raise InvalidInputError("the exported text encoder returns the last layer only (no clip_skip)",
                                    param="clip_skip")
        last, pooled = self.runner(input_ids=input_ids.to(torch.int64))
        last, pooled = last.to(self._dtype), pooled.to(self._dtype)
        if not return_dict:
            return (last, pooled)
        return BaseModelOutputWithPooling(last_hidden_state=last, pooler_output=pooled)


class OnnxVae(_Exported):
    """``AutoencoderKL`` stand-in: ``encode`` and ``decode`` (either network may be absent)."""

    def __init__(self, decoder, encoder, entry: dict, dtype: torch.dtype, device: torch.device):
        super().__init__(decoder, entry, dtype, device)
        self.encoder_runner = encoder

    def encode(self, x, return_dict: bool = True):
        from diffusers.models.autoencoders.autoencoder_kl import AutoencoderKLOutput
        from diffusers.models.autoencoders.vae import DiagonalGaussianDistribution

        if self.encoder_runner is None:
            raise ConfigError("this build has no vae_encoder (img2img / inpaint need it)", param="build")
        (moments,) = self.encoder_runner(sample=x)
        dist = DiagonalGaussianDistribution(moments.to(self._dtype))
        return AutoencoderKLOutput(latent_dist=dist) if return_dict else (dist,)

    def decode(self, z, return_dict: bool = True, generator=None):
        from diffusers.models.autoencoders.vae import DecoderOutput

        if self.runner is None:
            raise ConfigError("this build has no vae_decoder", param="build")
        (sample,) = self.runner(latent=z)
        sample = sample.to(self._dtype)
        return DecoderOutput(sample=sample) if return_dict else (sample,)

    def forward(self, sample, sample_posterior: bool = False, return_dict: bool = True, generator=None):
        dist = self.encode(sample).latent_dist
        z = dist.sample(generator=generator) if sample_posterior else dist.mode()
        return self.decode(z, return_dict=return_dict)


# 3. Applying a build ------------------------------------------------------------------------------


def _module_device_dtype(pipe) -> tuple[torch.device, torch.dtype]:
    for name in ("unet", "vae", "text_encoder"):
        module = getattr(pipe, name, None)
        if module is not None:
            return module.device, module.dtype
    return torch.device("cpu"), torch.float32


def _check_config(name: str, current, entry: dict) -> None:
    """The network being replaced must have the exported one's shape-defining config."""
    if current is None or not hasattr(current, "config"):
        return
    keys = ("in_channels", "out_channels", "block_out_channels", "cross_attention_dim", "latent_channels",
            "hidden_size", "vocab_size", "conditioning_channels")
    for key in keys:
        mine, theirs = getattr(current.config, key, None), entry["config"].get(key)
        if mine is not None and theirs is not None and list(np.atleast_1d(mine)) != list(np.atleast_1d(theirs)):
            raise ConfigError(f"the {name} build has {key}={theirs}, the pipeline's {name} has {mine}: "
                              "it was exported from another model", param="build")


def _apply(pipe, build_dir: Path, kind: str, make_runner) -> None:
    manifest = read_manifest(build_dir, kind)
    networks = manifest["networks"]
    device, _ = _module_device_dtype(pipe)
    dtype = _TORCH_DTYPES[manifest["dtype"]]

    def runner(name: str):
        return make_runner(Path(build_dir) / networks[name]["file"], networks[name], device) if name in networks else None

    if "unet" in networks:
        _check_config("unet", getattr(pipe, "unet", None), networks["unet"])
        pipe.unet = OnnxUNet(runner("unet"), networks["unet"], dtype, device)
    if "text_encoder" in networks:
        _check_config("text_encoder", getattr(pipe, "text_encoder", None), networks["text_encoder"])
        pipe.text_encoder = OnnxTextEncoder(runner("text_encoder"), networks["text_encoder"], dtype, device)
    if "vae_decoder" in networks or "vae_encoder" in networks:
        entry = networks.get("vae_decoder") or networks["vae_encoder"]
        _check_config("vae", getattr(pipe, "vae", None), entry)
        pipe.vae = OnnxVae(runner("vae_decoder"), runner("vae_encoder"), entry, dtype, device)
    if "controlnet" in networks:
        current = getattr(pipe, "controlnet", None)
        if current is None:
            logger.info("%s holds a ControlNet but the pipeline has none; skipped", build_dir)
        elif isinstance(current, (list, tuple)) or type(current).__name__ == "MultiControlNetModel":
            raise ConfigError("an exported ControlNet replaces one ControlNet, not a MultiControlNetModel",
                              param="controlnet")
        else:
            _check_config("controlnet", current, networks["controlnet"])
            pipe.controlnet = OnnxControlNet(runner("controlnet"), networks["controlnet"], dtype, device)
    logger.info("%s backend from %s: %s", kind, build_dir, ", ".join(networks))


def apply_onnx_backend(pipe, build_dir: Path, *, providers: Sequence[str] | None = None) -> None:
    """Replace ``pipe``'s networks by onnxruntime-backed modules from ``build_dir``'s manifest, in
    place (only the networks the build holds). ``providers``: onnxruntime execution providers
    (default :func:`default_providers` for the pipeline's device)."""
    _apply(pipe, build_dir, "onnx", lambda file, entry, device: OrtRunner(file, entry, device, providers))


def apply_tensorrt_backend(pipe, build_dir: Path) -> None:
    """As :func:`apply_onnx_backend`, with the TensorRT engines of a ``build_tensorrt`` folder.
    Raises :class:`~facechain.diffusion.export.BackendUnavailableError` without ``tensorrt``."""
    import_tensorrt()
    _apply(pipe, build_dir, "tensorrt", TensorRTRunner)


def load_onnx_controlnet(build_dir: Path, *, device: torch.device | str = "cpu",
                         providers: Sequence[str] | None = None) -> OnnxControlNet:
    """The ControlNet of a build folder as a module, for pipelines built with it."""
    manifest = read_manifest(build_dir, "onnx")
    if "controlnet" not in manifest["networks"]:
        raise ConfigError(f"{build_dir} holds no controlnet", param="build")
    entry = manifest["networks"]["controlnet"]
    device = torch.device(device)
    return OnnxControlNet(OrtRunner(Path(build_dir) / entry["file"], entry, device, providers), entry,
                          _TORCH_DTYPES[manifest["dtype"]], device)


# 4. Per-user LoRAs: one build per adapter set ------------------------------------------------------


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def adapter_set_key(base, adapters) -> str:
    """The cache key of a LoRA set's build: base fingerprint, each adapter's weights-file hash and
    weight, dtype and device kind (order-independent: a LoRA sum commutes)."""
    parts = []
    for ref in adapters:
        file = lora_weights_file(ref.path, base, ref.weight_name)
        parts.append(f"{ref.adapter_name}:{_file_hash(file)}:{float(ref.weight)!r}")
    text = json.dumps([base.fingerprint, str(base.dtype), base.device.type, sorted(parts)])
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def adapter_set_build(base, adapters, cache_dir: Path, **kw) -> Path:
    """The exported UNet (and text encoder, for LoRAs with text-encoder weights) of one LoRA set:
    fused and exported once into ``cache_dir/unet-<key>`` (:func:`adapter_set_key`); returns the
    build folder, to apply over the base build. ``kw``: :func:`export_onnx` options (``opset``)."""
    adapters = tuple(adapters)
    if not adapters:
        raise InvalidInputError("an adapter-set build needs at least one adapter", param="adapters")
    final = Path(cache_dir) / f"unet-{adapter_set_key(base, adapters)}"
    return build_into(final, lambda tmp: export_onnx(base, tmp, networks=("unet",), adapters=adapters, **kw))


def build_dir(model, backend: str) -> Path:
    """The ``backend`` (onnx | tensorrt) build folder a loaded model's registry role names (its
    ``builds`` option): a ``BaseModel`` or a ControlNet from the registry. A :class:`ConfigError`
    saying how to make one when the role names none."""
    builds = getattr(model, "builds", None)
    if not isinstance(builds, dict):
        builds = getattr(model, "facechain_builds", None) or {}
    if backend not in builds:
        name = getattr(model, "id", None) or type(model).__name__
        raise ConfigError(f"{name} has no {backend} build: run 'facechain build "
                          f"{'trt' if backend == 'tensorrt' else 'onnx'} --out DIR' and set the role's "
                          f"options.builds.{backend}: DIR in configs/models", param="builds")
    return Path(builds[backend])


__all__ = [
    "OnnxControlNet", "OnnxTextEncoder", "OnnxUNet", "OnnxVae", "OrtRunner", "TensorRTRunner",
    "adapter_set_build", "adapter_set_key", "apply_onnx_backend", "apply_tensorrt_backend", "build_dir",
    "default_providers", "load_onnx_controlnet",
]
