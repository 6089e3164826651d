"""Diffusion base models (SD 1.5 family) and ControlNets: loading, placement, pipeline variants.

A base model is a diffusers folder (``model_index.json`` + ``unet/`` ``vae/`` ``text_encoder/``
``tokenizer/`` ``scheduler/``) or one original-layout ``.safetensors`` checkpoint. Every source
kind goes through the same loader: ``builtin:tiny-sd15`` is built once into the cache
(:mod:`facechain.diffusion.tiny`) and then read with ``from_pretrained`` like a local folder or a
Hugging Face / ModelScope snapshot (the registry's ``resolve_source`` downloads those when the
role is built, never this module). Device and dtype are explicit: fp16 + channels-last on CUDA,
fp32 on CPU by default.

Only safetensors weights are ever read (``use_safetensors=True``, no ``.bin`` fallback): a folder
whose weights are all pickles (``.bin``, ``.ckpt``, ``.pt`` ...) is a :class:`ModelSourceError`
naming the files, and a single file must be ``.safetensors``. Nothing is fetched here: a single
file's architecture comes from a local diffusers config folder (:func:`single_file_config`), by
default the one shipped in ``configs/diffusers`` for its kind (SD 1.5, SD 1.5 ControlNet).

Registry backends::

    base_model:           backend diffusers            -> BaseModel
    controlnet_openpose:  backend diffusers_controlnet -> ControlNetModel   (also _canny, _depth)

Options of ``diffusers``: ``device``, ``dtype``, ``scheduler`` (a diffusers scheduler class name,
default DPMSolverMultistepScheduler), ``subfolder`` (the diffusers folder inside a snapshot, e.g.
FaceChain's ``film/film``), ``config`` (for a single file: the diffusers folder holding the
component configs, as a source string: a local folder, ``builtin:<name>`` or ``hf:<repo>[@rev]``,
which is fetched, configs only, when the role is built; default: the shipped config of the
checkpoint's architecture), ``builds`` (accelerated builds of the networks, by backend:
``{onnx: DIR, tensorrt: DIR}`` made with ``facechain build {onnx,trt} --out DIR``; the serve config's
backend picks one, :func:`facechain.diffusion.onnx_backend.apply_onnx_backend` applies it).
``diffusers_controlnet`` takes ``builds`` too (a build folder holding that ControlNet).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from facechain.config import cache_dir, config_dir
from facechain.diffusion.lora_io import PICKLE_SUFFIXES  # formats that unpickle: never read
from facechain.errors import ConfigError, InvalidInputError, ModelSourceError, NotFoundError
from facechain.registry import ResolvedSource, parse_source, register_backend, resolve_source

logger = logging.getLogger(__name__)

DEFAULT_BASE_MODEL = "builtin:tiny-sd15"
DEFAULT_SCHEDULER = "DPMSolverMultistepScheduler"
PIPELINE_KINDS = ("txt2img", "img2img", "inpaint")

# (kind, with ControlNet) -> diffusers pipeline class
_PIPELINE_CLASSES = {
    ("txt2img", False): "StableDiffusionPipeline",
    ("img2img", False): "StableDiffusionImg2ImgPipeline",
    ("inpaint", False): "StableDiffusionInpaintPipeline",
    ("txt2img", True): "StableDiffusionControlNetPipeline",
    ("img2img", True): "StableDiffusionControlNetImg2ImgPipeline",
    ("inpaint", True): "StableDiffusionControlNetInpaintPipeline",
}

_DTYPES = {
    "float16": torch.float16, "fp16": torch.float16, "half": torch.float16,
    "bfloat16": torch.bfloat16, "bf16": torch.bfloat16,
    "float32": torch.float32, "fp32": torch.float32, "float": torch.float32,
}

# Tensors that identify a base for LoRA compatibility: (component, diffusers keys, LDM single-file key).
# transformers >= 5.6 saves CLIPTextModel without the "text_model." prefix; hub SD 1.5 files have it.
# A fine-tune or merge changes all of them; the VAE is not part of a base's identity for a LoRA.
_FINGERPRINT_TENSORS = (
    ("unet", ("conv_in.weight",), "model.diffusion_model.input_blocks.0.0.weight"),
    ("unet", ("time_embedding.linear_1.weight",), "model.diffusion_model.time_embed.0.weight"),
    ("unet", ("down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_k.weight",),
     "model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight"),
    ("unet", ("mid_block.attentions.0.transformer_blocks.0.attn1.to_q.weight",),
     "model.diffusion_model.middle_block.1.transformer_blocks.0.attn1.to_q.weight"),
    ("unet", ("conv_out.weight",), "model.diffusion_model.out.2.weight"),
    ("text_encoder", ("text_model.embeddings.position_embedding.weight", "embeddings.position_embedding.weight"),
     "cond_stage_model.transformer.text_model.embeddings.position_embedding.weight"),
)
_SAMPLE = 1 << 20

# diffusers' single-file model type (``infer_diffusers_model_type``) -> configs/diffusers/<name>
SINGLE_FILE_CONFIGS = {"v1": "sd15", "controlnet": "controlnet-sd15"}
# The files of a config-only hub snapshot (options.config: hf:<repo>)
CONFIG_FILES = ["model_index.json", "config.json", "*/*.json", "*/*.txt"]


# 1. Device and dtype -----------------------------------------------------------------------------


def default_device() -> torch.device:
    """CUDA when available, else CPU."""
    return torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")


def default_dtype(device: torch.device | str) -> torch.dtype:
    """fp16 on CUDA, fp32 elsewhere (CPU kernels for fp16 are slow or missing)."""
    return torch.float16 if torch.device(device).type == "cuda" else torch.float32


def _as_device(value: torch.device | str | None) -> torch.device:
    return default_device() if value is None else torch.device(value)


def _as_dtype(value: torch.dtype | str | None, device: torch.device) -> torch.dtype:
    if value is None:
        return default_dtype(device)
    if isinstance(value, torch.dtype):
        return value
    try:
        return _DTYPES[str(value).lower().removeprefix("torch.")]
    except KeyError:
        raise ConfigError(f"unknown dtype {value!r}; expected one of {sorted(_DTYPES)}", param="dtype") from None


def _place(module: torch.nn.Module, device: torch.device, dtype: torch.dtype) -> torch.nn.Module:
    """Move to device/dtype; channels-last on CUDA (faster convolutions with fp16 tensor cores)."""
    if module.device != device or module.dtype != dtype:  # a no-op .to() still warns in diffusers
        module.to(device=device, dtype=dtype)
    if device.type == "cuda":
        module.to(memory_format=torch.channels_last)
    return module


# 2. Fingerprint ----------------------------------------------------------------------------------


def _weight_files(folder: Path) -> list[Path]:
    """The weight files ``from_pretrained`` reads from a component folder (no dtype variants)."""
    candidates = sorted(folder.glob("*.safetensors"))
    # "diffusion_pytorch_model.fp16.safetensors" is a variant; shards have no inner dot
    return [f for f in candidates if "." not in f.name.rsplit(".", 1)[0]]


def _read_tensor(files: list[Path], keys: tuple[str, ...]) -> torch.Tensor | None:
    from safetensors import safe_open

    for file in files:
        if file.suffix == ".safetensors":
            with safe_open(str(file), framework="pt") as fh:
                names = set(fh.keys())
                for key in keys:
                    if key in names:
                        return fh.get_tensor(key)
    return None


def fingerprint_weights(path: Path) -> str:
    """A stable 16-hex-digit id of the base weights at ``path`` (diffusers folder or single file).

    Hashes a few UNet and text-encoder tensors (:data:`_FINGERPRINT_TENSORS`) cast to fp16, so the
    same weights give the same id as a diffusers folder or a single-file checkpoint, in fp32 or
    fp16, and reading them costs milliseconds even for a 4 GB checkpoint. Weights without those
    names are identified by their bytes instead: size plus 1 MiB samples at the start, middle and
    end of each file. LoRAs record the id to be rejected on another base.
    """
    path = Path(path)
    if path.is_file():
        files = [path]
        wanted = [(i, [path], (ldm_key,)) for i, (_, _, ldm_key) in enumerate(_FINGERPRINT_TENSORS)]
    else:
        files = [f for part in ("unet", "text_encoder") for f in _weight_files(path / part)]
        wanted = [(i, _weight_files(path / part), keys) for i, (part, keys, _) in enumerate(_FINGERPRINT_TENSORS)]
    if not files:
        raise ModelSourceError("base_model", f"no UNet / text-encoder weights under {path}")
    digest = hashlib.sha256()
    found = 0
    for index, candidates, keys in wanted:
        tensor = _read_tensor(candidates, keys)
        if tensor is not None:
            digest.update(f"{index}:{tuple(tensor.shape)}\n".encode())
            digest.update(tensor.to(torch.float16).contiguous().view(torch.int16).numpy().tobytes())
            found += 1
    if found == 0:
        for file in files:
            size = file.stat().st_size
            digest.update(f"{file.name}:{size}".encode())
            with open(file, "rb") as fh:
                for offset in sorted({0, max(0, size // 2 - _SAMPLE // 2), max(0, size - _SAMPLE)}):
                    fh.seek(offset)
                    digest.update(fh.read(_SAMPLE))
    return digest.hexdigest()[:16]


# 3. Base model -----------------------------------------------------------------------------------


@dataclass
class BaseModel:
    """A resolved SD 1.5-family base model and where it runs.

    Weights are read on the first :meth:`load_pipeline` and kept: every pipeline returned shares
    one UNet / VAE / text encoder (so LoRA adapters loaded into one are seen by all) and gets its
    own scheduler (schedulers hold per-call state). :meth:`load_components` reads fresh copies
    for training.
    """

    id: str
    path: Path
    fingerprint: str
    device: torch.device
    dtype: torch.dtype
    scheduler: str = DEFAULT_SCHEDULER
    config: str | None = None  # single-file only: the local diffusers folder with the configs
    builds: dict[str, Path] = field(default_factory=dict)  # backend (onnx | tensorrt) -> build folder
    _base: Any = field(default=None, init=False, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        """Pickles (e.g. to a Ray actor) as the description only; weights reload on first use."""
        state = dict(self.__dict__)
        state.update(_base=None, _lock=None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, _lock=threading.Lock())

    @property
    def is_single_file(self) -> bool:
        return self.path.is_file()

    def load_pipeline(self, controlnet=None, kind: str = "txt2img", *, scheduler: str | None = None):
        """A diffusers pipeline of ``kind`` (txt2img | img2img | inpaint) over the shared modules.

        ``controlnet``: a ``ControlNetModel`` or a list of them (-> ``MultiControlNetModel``)
        selects the ControlNet variant; it is moved to this model's device and dtype.
        Safety checker off, no feature extractor, progress bars off.
        """
        import diffusers

        if kind not in PIPELINE_KINDS:
            raise InvalidInputError(f"unknown pipeline kind {kind!r}; expected one of {PIPELINE_KINDS}",
                                    param="kind")
        base = self._base_pipeline()
        components = {
            "vae": base.vae,
            "text_encoder": base.text_encoder,
            "tokenizer": base.tokenizer,
            "unet": base.unet,
            "scheduler": _make_scheduler(scheduler or self.scheduler, base.scheduler.config),
            "safety_checker": None,
            "feature_extractor": None,
            "requires_safety_checker": False,
        }
        if controlnet is not None:
            if isinstance(controlnet, (list, tuple)):
                controlnet = list(controlnet)
            for net in controlnet if isinstance(controlnet, list) else [controlnet]:
                _place(net, self.device, self.dtype)
            components["controlnet"] = controlnet
        pipe = getattr(diffusers, _PIPELINE_CLASSES[(kind, controlnet is not None)])(**components)
        pipe.set_progress_bar_config(disable=True)
        return pipe

    def load_components(self, dtype: torch.dtype | None = None) -> dict[str, Any]:
        """Fresh copies for training: ``unet``, ``vae``, ``text_encoder``, ``tokenizer`` and
        ``noise_scheduler`` (a DDPMScheduler from the model's scheduler config), on
        :attr:`device` in ``dtype`` (default :attr:`dtype`; trainers cast LoRA params to fp32)."""
        from diffusers import AutoencoderKL, DDPMScheduler, UNet2DConditionModel
        from transformers import CLIPTextModel, CLIPTokenizer

        dtype = dtype or self.dtype
        try:
            if self.is_single_file:
                pipe = self._read_pipeline(dtype)
                parts = {"unet": pipe.unet, "vae": pipe.vae, "text_encoder": pipe.text_encoder,
                         "tokenizer": pipe.tokenizer,
                         "noise_scheduler": DDPMScheduler.from_config(pipe.scheduler.config)}
            else:
                common = {"local_files_only": True, "use_safetensors": True}
                parts = {
                    "unet": UNet2DConditionModel.from_pretrained(
                        self.path, subfolder="unet", dtype=dtype, **common),
                    "vae": AutoencoderKL.from_pretrained(self.path, subfolder="vae", dtype=dtype, **common),
                    "text_encoder": CLIPTextModel.from_pretrained(
                        self.path, subfolder="text_encoder", dtype=dtype, **common),
                    "tokenizer": CLIPTokenizer.from_pretrained(self.path, subfolder="tokenizer",
                                                               local_files_only=True),
                    "noise_scheduler": DDPMScheduler.from_pretrained(self.path, subfolder="scheduler",
                                                                     local_files_only=True),
                }
        except (OSError, ValueError, KeyError) as exc:
            raise ModelSourceError("base_model", f"cannot load {self.id} from {self.path}: {exc}") from exc
        for name in ("unet", "vae", "text_encoder"):
            if parts[name].device != self.device:
                parts[name].to(self.device)
        return parts

    # internals

    def _base_pipeline(self):
        with self._lock:
            if self._base is None:
                pipe = self._read_pipeline(self.dtype)
                for module in (pipe.unet, pipe.vae, pipe.text_encoder):
                    _place(module, self.device, self.dtype)
                    module.eval().requires_grad_(False)
                self._base = pipe
                logger.info("loaded base model %s (%s) on %s/%s", self.id, self.fingerprint, self.device,
                            self.dtype)
            return self._base

    def _read_pipeline(self, dtype: torch.dtype):
        from diffusers import StableDiffusionPipeline

        kwargs = {"dtype": dtype, "safety_checker": None, "feature_extractor": None,
                  "requires_safety_checker": False}
        try:
            if self.is_single_file:
                config = self.config or str(single_file_config("base_model", self.path, None))
                return StableDiffusionPipeline.from_single_file(
                    str(self.path), config=config, local_files_only=True, **kwargs)
            return StableDiffusionPipeline.from_pretrained(self.path, local_files_only=True,
                                                           use_safetensors=True, **kwargs)
        except (OSError, ValueError, KeyError, RuntimeError) as exc:
            raise ModelSourceError("base_model", f"cannot load {self.id} from {self.path}: {exc}") from exc


def _make_scheduler(name: str, config):
    import diffusers

    cls = getattr(diffusers, name, None)
    if not (isinstance(cls, type) and issubclass(cls, diffusers.SchedulerMixin)):
        raise ConfigError(f"unknown scheduler {name!r} (a diffusers scheduler class name)", param="scheduler")
    return cls.from_config(config)


def _model_dir(source: ResolvedSource, subfolder: str | None) -> Path:
    if source.is_builtin:
        from facechain.diffusion.tiny import tiny_model_path

        return tiny_model_path(source.spec or "tiny-sd15")
    path = source.path / subfolder if subfolder else source.path
    if not path.exists():
        raise ModelSourceError(source.role, f"{path} does not exist")
    return path


def _check_layout(role: str, path: Path, marker: str, parts: tuple[str, ...]) -> None:
    """A single ``.safetensors`` file with a readable header, or a diffusers folder (``marker``)
    whose weight folders ``parts`` ("" = the folder itself) each hold safetensors weights."""
    if path.is_file():
        if path.suffix != ".safetensors":
            raise ModelSourceError(role, f"{path}: single-file checkpoints must be .safetensors "
                                         "(pickled .ckpt/.bin files are not loaded)")
        from safetensors import SafetensorError, safe_open

        try:  # the architecture and the fingerprint are read from the header next
            with safe_open(str(path), framework="pt"):
                pass
        except (SafetensorError, OSError) as exc:
            raise ModelSourceError(role, f"{path} is not a readable .safetensors file: {exc}") from exc
        return
    if not (path / marker).exists():
        raise ModelSourceError(role, f"{path} is not a diffusers folder (no {marker})")
    for part in parts:
        folder = path / part if part else path
        if _weight_files(folder):
            continue
        pickles = sorted(f.name for f in folder.iterdir() if f.suffix.lower() in PICKLE_SUFFIXES) if folder.is_dir() else []
        if pickles:
            raise ModelSourceError(role, f"{folder} has only pickle weights ({', '.join(pickles)}); only "
                                         ".safetensors are loaded: convert them (diffusers "
                                         "save_pretrained(safe_serialization=True)) or use a "
                                         "safetensors release")
        raise ModelSourceError(role, f"{folder} has no .safetensors weights")


# 4. Single-file configs --------------------------------------------------------------------------


class _Shape:
    """A tensor's shape without its data: all that diffusers' model-type detection reads."""

    __slots__ = ("shape",)

    def __init__(self, shape: list[int]):
        self.shape = torch.Size(shape)


def single_file_model_type(path: Path) -> str:
    """diffusers' model type of a single-file checkpoint (``v1``, ``controlnet``, ``xl_base`` ...),
    from the names and shapes in its header; no tensor is read."""
    from diffusers.loaders.single_file_utils import infer_diffusers_model_type
    from safetensors import safe_open

    with safe_open(str(path), framework="pt") as fh:
        shapes = {key: _Shape(fh.get_slice(key).get_shape()) for key in fh.keys()}  # noqa: SIM118 (safe_open is not iterable)
    return infer_diffusers_model_type(shapes)


def shipped_config(name: str) -> Path:
    """``configs/diffusers/<name>`` as a complete local diffusers config folder: a copy in the
    cache, named by the content's hash, plus SD 1.5's CLIP tokenizer (written from the BPE file in
    the open-clip-torch wheel) when the pipeline has one. Built once, atomically."""
    source = config_dir() / "diffusers" / name
    if not source.is_dir():
        raise ConfigError(f"no shipped diffusers config {name!r} in {source.parent}", param="config")
    digest = hashlib.sha256()
    for file in sorted(p for p in source.rglob("*") if p.is_file()):
        digest.update(file.relative_to(source).as_posix().encode() + b"\0" + file.read_bytes())
    root = cache_dir() / "configs"
    final = root / f"{name}-{digest.hexdigest()[:12]}"
    if final.is_dir():
        return final
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=root))
    try:
        shutil.copytree(source, tmp, dirs_exist_ok=True)
        index = tmp / "model_index.json"
        if index.is_file() and "tokenizer" in json.loads(index.read_text()):
            from facechain.diffusion.tiny import write_clip_tokenizer

            write_clip_tokenizer(tmp / "tokenizer")
        tmp.chmod(0o755)  # mkdtemp makes it private; the cache may be shared
        try:
            os.rename(tmp, final)
        except OSError:
            if not final.is_dir():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return final


def single_file_config(role: str, checkpoint: Path, config: str | None) -> Path:
    """The local diffusers config folder for the single-file ``checkpoint``.

    ``config`` is a source string: ``builtin:<name>`` (a built-in model's folder), a local folder,
    or ``hf:<repo>[@rev]`` / ``modelscope:<id>`` (fetched now, configs only: call this when the
    role is built). Without it, the shipped config for the checkpoint's architecture
    (:data:`SINGLE_FILE_CONFIGS`); another architecture is a :class:`ModelSourceError`.
    """
    if config is None:
        kind = single_file_model_type(checkpoint)
        if kind not in SINGLE_FILE_CONFIGS:
            raise ModelSourceError(role, f"{checkpoint.name} is a {kind!r} checkpoint; configs ship only for "
                                         f"{sorted(SINGLE_FILE_CONFIGS)}: set options.config to its diffusers "
                                         "config folder (a local folder or hf:<repo>)")
        return shipped_config(SINGLE_FILE_CONFIGS[kind])
    kind, ref = parse_source(config)
    if kind == "builtin":
        from facechain.diffusion.tiny import tiny_model_path

        try:
            return tiny_model_path(ref)
        except NotFoundError as exc:
            raise ModelSourceError(role, f"config {config!r}: {exc.message}") from None
    if kind == "local" and not Path(os.path.expanduser(ref)).is_dir():
        raise ModelSourceError(role, f"config {config!r} is not a local folder (a hub repo needs the "
                                     "hf: prefix)")
    path = resolve_source(role, config, files=CONFIG_FILES).path
    assert path is not None
    return path


@register_backend("base_model", "diffusers")
def diffusers_base_model(source: ResolvedSource, *, device=None, dtype=None, scheduler: str = DEFAULT_SCHEDULER,
                         subfolder: str | None = None, config: str | None = None,
                         builds: dict[str, str] | None = None) -> BaseModel:
    """Registry factory: an SD 1.5-family base model (diffusers folder or single .safetensors)."""
    if source.is_builtin and source.spec not in ("", "tiny-sd15"):
        raise ModelSourceError(source.role, f"unknown builtin base model {source.spec!r}; known: tiny-sd15")
    path = _model_dir(source, subfolder)
    _check_layout(source.role, path, "model_index.json", ("unet", "vae", "text_encoder"))
    _make_scheduler(scheduler, {})  # fail on a bad name now, not at the first request
    config_path = single_file_config(source.role, path, config) if path.is_file() else None
    device = _as_device(device)
    spec = "builtin:" + (source.spec or "tiny-sd15") if source.is_builtin else (
        source.spec if source.kind == "local" else f"{source.kind}:{source.spec}")
    return BaseModel(id=spec, path=path, fingerprint=fingerprint_weights(path), device=device,
                     dtype=_as_dtype(dtype, device), scheduler=scheduler,
                     config=str(config_path) if config_path else None, builds=_builds(source.role, builds))


BUILD_BACKENDS = ("onnx", "tensorrt")


def _builds(role: str, builds: dict[str, str] | None) -> dict[str, Path]:
    """The ``builds`` option checked: known backends, existing folders (their manifests are read
    when a backend applies them)."""
    out = {}
    for backend, folder in (builds or {}).items():
        if backend not in BUILD_BACKENDS:
            raise ConfigError(f"role {role}: unknown build backend {backend!r}; expected one of {BUILD_BACKENDS}",
                              param="builds")
        path = Path(os.path.expanduser(str(folder)))
        if not path.is_dir():
            raise ModelSourceError(role, f"{backend} build folder {path} does not exist (make it with "
                                         f"'facechain build {'trt' if backend == 'tensorrt' else 'onnx'} --out {path}')")
        out[backend] = path
    return out


def load_base_model(source: str = DEFAULT_BASE_MODEL, *, device=None, dtype=None, **options) -> BaseModel:
    """Resolve ``source`` (builtin:<name>, a local path, hf:<id>[@rev], modelscope:<id>) and
    return the :class:`BaseModel` (weights are read on first use)."""
    return diffusers_base_model(resolve_source("base_model", source), device=device, dtype=dtype, **options)


# 5. ControlNets ----------------------------------------------------------------------------------


def _controlnet_factory(source: ResolvedSource, *, device=None, dtype=None, subfolder: str | None = None,
                        config: str | None = None, builds: dict[str, str] | None = None):
    from diffusers import ControlNetModel

    if source.is_builtin:
        from facechain.diffusion.tiny import BUILTINS, tiny_model_path

        name = source.spec or "tiny-" + source.role.replace("_", "-")
        if name not in BUILTINS or not name.startswith("tiny-controlnet-"):
            raise ModelSourceError(source.role, f"unknown builtin ControlNet {name!r}; known: "
                                                f"{sorted(n for n in BUILTINS if n.startswith('tiny-controlnet-'))}")
        path = tiny_model_path(name)
    else:
        path = _model_dir(source, subfolder)
    _check_layout(source.role, path, "config.json", ("",))
    config_path = single_file_config(source.role, path, config) if path.is_file() else None
    device = _as_device(device)
    dtype = _as_dtype(dtype, device)
    try:
        if config_path is not None:
            net = ControlNetModel.from_single_file(str(path), config=str(config_path), local_files_only=True,
                                                   dtype=dtype)
        else:
            net = ControlNetModel.from_pretrained(path, dtype=dtype, local_files_only=True, use_safetensors=True)
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        raise ModelSourceError(source.role, f"cannot load ControlNet from {path}: {exc}") from exc
    logger.info("loaded %s ControlNet from %s on %s/%s", source.role, path, device, dtype)
    net = _place(net, device, dtype).eval().requires_grad_(False)
    net.facechain_builds = _builds(source.role, builds)  # read by onnx_backend.build_dir
    return net


for _role in ("controlnet_openpose", "controlnet_canny", "controlnet_depth"):
    register_backend(_role, "diffusers_controlnet")(_controlnet_factory)


def load_controlnet(source: str, *, device=None, dtype=None, role: str = "controlnet", **options):
    """Resolve ``source`` and load a ``ControlNetModel``; ``role`` names it in errors (and picks
    the builtin for a bare ``builtin`` source, e.g. role="controlnet_canny")."""
    return _controlnet_factory(resolve_source(role, source), device=device, dtype=dtype, **options)


__all__ = [
    "BaseModel", "default_device", "default_dtype", "diffusers_base_model", "fingerprint_weights",
    "load_base_model", "load_controlnet", "shipped_config", "single_file_config", "single_file_model_type",
]
