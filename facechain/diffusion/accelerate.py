"""Accelerated diffusion backends: which build runs the networks, and torch.compile with LoRA
hotswap.

A Diffusion deployment (and the in-process engine) runs one of :class:`Backend`:

- ``torch``: the eager diffusers modules (the default). LoRAs are peft adapters mixed per request
  with ``set_adapters`` (``facechain.diffusion.engine``); any number, any rank, text-encoder parts
  included.
- ``compiled``: the UNet and the ControlNets compiled with ``torch.compile`` (inductor),
  channels-last, SDPA attention; fp16 on CUDA, fp32 on CPU (the base model's dtype; bf16 with
  the ``base_model`` option ``dtype: bfloat16``).
- ``onnx`` / ``tensorrt``: the networks of a build directory (``facechain build``), run by
  onnxruntime / TensorRT (``facechain.diffusion.onnx_backend``). Per-request LoRAs on ``onnx``:
  one exported UNet per adapter set (:class:`AdapterSetBuilds`: the set's LoRAs fused into a
  private copy of the UNet at their weights and exported once, cached on disk by base
  fingerprint, files and weights, and its onnxruntime session kept in a small LRU); ``tensorrt``
  serves the base model only (a LoRA there is a refit of the engine, ``export.refit_tensorrt``,
  not wired into serving).

Compiled LoRAs: fixed adapter slots, hotswapped. A compiled graph guards on the Python state of
the modules it traced, so the eager engine's way of switching adapters (peft's
``set_adapters``: a new active-adapter list, float scalings) would recompile the UNet at every
new adapter set. Instead the compiled UNet carries ``slots`` LoRA adapters (``slot_0`` ...,
default 2: a face and a style LoRA) on ``target_modules`` (the attention projections face LoRAs
train), all always active, at rank ``target_rank``, their scalings tensors
(``peft.utils.hotswap.prepare_model_for_compiled_hotswap``, done before compiling, as diffusers'
``enable_lora_hotswap`` does). Loading a LoRA only registers its file (after checking that it can
be swapped in); activating a request's set copies each LoRA's weights into a slot unless that slot
already holds it (the first time with diffusers' ``load_lora_weights(..., hotswap=True)``: in
place, zero-padded to the slot rank; later from that padded copy, kept on the CPU while the LoRA
is loaded: a plain tensor copy), and writes ``weight * alpha / rank`` into the slot's scaling
tensors; unused slots get scaling 0, so a request without LoRAs draws the base model whatever the
slots hold. No step of this changes what the graph guards on: a per-request swap never recompiles
(tests/diffusion/test_accelerate.py counts it). What a slot cannot take is an
:class:`InvalidInputError`: at load, text-encoder LoRA weights (the text encoder is not swapped;
serve those with backend ``torch``) and a rank above ``target_rank``; at its first activation,
modules outside ``target_modules`` (or a LoRA config peft cannot hotswap, e.g. ``lora_dropout``
> 0); more LoRAs in one request than ``slots``.

Recompiles are counted by the compile backend itself (:class:`CompileCounter`: every graph
dynamo hands to inductor). A network's compiles up to the end of its first generation (or
:meth:`~facechain.diffusion.engine.DiffusionEngine.warm_up`) are its warm-up; every later one is a
recompile (a new image size or batch, a guard that failed), exported by the Diffusion deployment
as ``facechain_diffusion_recompiles``. ``TORCH_LOGS=recompiles`` logs each one's reason.

Memory: fractional GPUs share a device, so a replica sets its own budget
(:func:`apply_memory_budget`, ``torch.cuda.set_per_process_memory_fraction``) before any weight is
loaded; the budget is in GiB in the config and becomes a fraction of this device's memory here.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import torch

from facechain.errors import ConfigError, InvalidInputError

logger = logging.getLogger(__name__)

SLOT_PREFIX = "slot_"
DEFAULT_TARGET_MODULES = ("to_q", "to_k", "to_v", "to_out.0")  # facechain face LoRAs' targets
GIB = 1024 ** 3


class Backend(StrEnum):
    TORCH = "torch"
    COMPILED = "compiled"
    ONNX = "onnx"
    TENSORRT = "tensorrt"


@dataclass(frozen=True)
class BackendConfig:
    """The build a diffusion engine runs (``diffusion:`` of configs/serve/*.yaml; :meth:`parse`).

    ``build_dir``: the ``facechain build`` output (onnx, tensorrt). ``slots`` / ``target_rank`` /
    ``target_modules``: the compiled UNet's LoRA slots (module docstring). ``compile_mode``:
    ``torch.compile``'s mode (None: default; ``max-autotune-no-cudagraphs`` on a GPU).
    ``warmup``: (width, height) sizes generated once at start so that their compiles are warm-up.
    ``gpu_memory_gb``: this replica's GPU memory budget (CUDA only; :func:`apply_memory_budget`).
    ``adapter_sets`` / ``adapter_cache_dir``: on ``onnx``, how many adapter sets' UNet sessions
    stay loaded, and where their builds are cached (default ``<build_dir>/adapter-sets``).
    """

    backend: Backend = Backend.TORCH
    build_dir: Path | None = None
    slots: int = 2
    target_rank: int = 64
    target_modules: tuple[str, ...] = DEFAULT_TARGET_MODULES
    compile_mode: str | None = None
    warmup: tuple[tuple[int, int], ...] = ()
    gpu_memory_gb: float | None = None
    adapter_sets: int = 4
    adapter_cache_dir: Path | None = None

    @classmethod
    def parse(cls, value: BackendConfig | Mapping[str, Any] | str | None) -> BackendConfig:
        """From a config mapping (or a backend name); :class:`ConfigError` for anything invalid."""
        if isinstance(value, BackendConfig):
            return value
        if value is None:
            return cls()
        if isinstance(value, str):
            value = {"backend": value}
        if not isinstance(value, Mapping):
            raise ConfigError(f"diffusion backend config must be a mapping, not {value!r}",
                              param="diffusion")
        known = set(cls.__dataclass_fields__)
        unknown = set(value) - known
        if unknown:
            raise ConfigError(f"unknown diffusion backend options {sorted(unknown)}; known: "
                              f"{sorted(known)}", param="diffusion")
        raw = dict(value)
        try:
            raw["backend"] = Backend(raw.get("backend", Backend.TORCH))
        except ValueError:
            raise ConfigError(f"unknown diffusion backend {raw.get('backend')!r}; one of "
                              f"{', '.join(b.value for b in Backend)}", param="backend") from None
        try:
            for key in ("build_dir", "adapter_cache_dir"):
                if raw.get(key) is not None:
                    raw[key] = Path(raw[key]).expanduser()
            for key in ("slots", "target_rank", "adapter_sets"):
                if key in raw:
                    raw[key] = int(raw[key])
            if "target_modules" in raw:
                raw["target_modules"] = tuple(str(m) for m in raw["target_modules"])
            if "warmup" in raw:
                raw["warmup"] = tuple((int(w), int(h)) for w, h in raw["warmup"])
            if raw.get("gpu_memory_gb") is not None:
                raw["gpu_memory_gb"] = float(raw["gpu_memory_gb"])
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"invalid diffusion backend options {value!r}: {exc}",
                              param="diffusion") from None
        config = cls(**raw)
        config.check()
        return config

    def check(self) -> None:
        if self.backend in (Backend.ONNX, Backend.TENSORRT) and self.build_dir is None:
            raise ConfigError(f"backend {self.backend.value} needs a build_dir (facechain build "
                              f"output)", param="build_dir")
        if self.adapter_sets < 1:
            raise ConfigError("adapter_sets must be >= 1", param="adapter_sets")
        if self.slots < 1 or self.target_rank < 1 or not self.target_modules:
            raise ConfigError("compiled LoRA slots need slots >= 1, target_rank >= 1 and "
                              "target_modules", param="diffusion")
        if any(w <= 0 or h <= 0 or w % 8 or h % 8 for w, h in self.warmup):
            raise ConfigError(f"warmup sizes must be positive multiples of 8: {self.warmup}",
                              param="warmup")
        if self.gpu_memory_gb is not None and self.gpu_memory_gb <= 0:
            raise ConfigError("gpu_memory_gb must be > 0", param="gpu_memory_gb")


# -- GPU memory budget ---------------------------------------------------------------------------
def memory_fraction(budget_gb: float, total_bytes: int) -> float:
    """The fraction of a device of ``total_bytes`` that is ``budget_gb`` GiB;
    :class:`ConfigError` when the budget does not fit the device."""
    if budget_gb <= 0:
        raise ConfigError("gpu_memory_gb must be > 0", param="gpu_memory_gb")
    if total_bytes <= 0:
        raise ConfigError(f"device reports {total_bytes} bytes of memory", param="gpu_memory_gb")
    fraction = budget_gb * GIB / total_bytes
    if fraction > 1.0:
        raise ConfigError(f"gpu_memory_gb {budget_gb:g} exceeds the device's "
                          f"{total_bytes / GIB:.1f} GiB", param="gpu_memory_gb")
    return fraction


def apply_memory_budget(config: BackendConfig, device: torch.device | str) -> float | None:
    """Cap this process's CUDA allocations on ``device`` at ``config.gpu_memory_gb`` (call it
    before the weights load); returns the fraction set, None when there is nothing to set (no
    budget, or not a CUDA device)."""
    device = torch.device(device)
    if config.gpu_memory_gb is None or device.type != "cuda":
        return None
    index = device.index if device.index is not None else torch.cuda.current_device()
    fraction = memory_fraction(config.gpu_memory_gb, torch.cuda.get_device_properties(index).total_memory)
    torch.cuda.set_per_process_memory_fraction(fraction, index)
    logger.info("GPU memory budget %.2f GiB = %.3f of cuda:%d", config.gpu_memory_gb, fraction, index)
    return fraction


# -- compile counting ----------------------------------------------------------------------------
@dataclass
class CompileCounter:
    """Every graph dynamo compiles for one network: ``compiles`` in all, ``recompiles`` after the
    network was warm (module docstring)."""

    network: str
    mode: str | None = None
    compiles: int = 0
    recompiles: int = 0
    warm: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def backend(self, gm: torch.fx.GraphModule, example_inputs: list) -> Callable:
        """A ``torch.compile`` backend: inductor, counting each call."""
        from torch._inductor import list_mode_options
        from torch._inductor.compile_fx import compile_fx

        with self._lock:
            self.compiles += 1
            if self.warm:
                self.recompiles += 1
                logger.warning("%s recompiled (%d after warm-up); TORCH_LOGS=recompiles says why",
                               self.network, self.recompiles)
        patches = list_mode_options(self.mode) if self.mode else None
        return compile_fx(gm, example_inputs, config_patches=patches or None)


def compile_module(module: torch.nn.Module, counter: CompileCounter) -> None:
    """Compile ``module`` in place (``nn.Module.compile``: it stays the same object, so diffusers
    and peft see the module they know), channels-last, SDPA attention."""
    from diffusers.models.attention_processor import AttnProcessor2_0

    module.to(memory_format=torch.channels_last)
    if hasattr(module, "set_attn_processor"):
        module.set_attn_processor(AttnProcessor2_0())
    module.compile(backend=counter.backend)
    module._facechain_compile_counter = counter  # noqa: SLF001 (read by compile_counter)


def compile_counter(module: Any) -> CompileCounter | None:
    """The :class:`CompileCounter` of a module compiled by :func:`compile_module`, else None."""
    return getattr(module, "_facechain_compile_counter", None)


# -- compiled LoRA slots -------------------------------------------------------------------------
LoadFile = Callable[[Path, str, bool], None]
"""``load(weights_file, adapter_name, hotswap)``: the engine's LoRA file loader."""


@dataclass
class _Slot:
    name: str
    holds: tuple[str, Path] | None = None  # (adapter name, weights file) copied in
    scalings: list[tuple[torch.Tensor, torch.Tensor]] = field(default_factory=list)  # (live, alpha/r)


@dataclass
class _SlotCopy:
    weights: Path  # the file it came from
    params: list[torch.Tensor]  # in AdapterSlots._params order, padded to the slot rank
    units: list[torch.Tensor]  # alpha / rank per layer


class AdapterSlots:
    """The compiled UNet's LoRA slots (module docstring): registered LoRA files, hotswapped into
    ``config.slots`` always-active adapters on activation. Not thread-safe: the engine calls it
    under its pipeline lock."""

    def __init__(self, pipe, config: BackendConfig, load_file: LoadFile):
        from peft import LoraConfig
        from peft.utils.hotswap import prepare_model_for_compiled_hotswap

        unet = pipe.unet
        if getattr(unet, "peft_config", None) or compile_counter(unet) is not None:
            raise ConfigError("the compiled backend needs a UNet of its own: this one already "
                              "carries adapters or is compiled (build its BaseModel anew)",
                              param="backend")
        self.pipe, self.config, self._load_file = pipe, config, load_file
        self.slots = [_Slot(f"{SLOT_PREFIX}{i}") for i in range(config.slots)]
        names = [s.name for s in self.slots]
        for name in names:  # zero-initialised (lora_B = 0) until a LoRA is swapped in
            unet.add_adapter(LoraConfig(r=config.target_rank, lora_alpha=config.target_rank,
                                        target_modules=list(config.target_modules)), adapter_name=name)
        unet.set_adapters(names)  # all slots active, for good
        prepare_model_for_compiled_hotswap(unet, target_rank=config.target_rank, config=unet.peft_config)
        self._layers = [m for m in unet.modules() if _is_lora_layer(m)]
        if not self._layers:
            raise ConfigError(f"no UNet module matches target_modules {config.target_modules}",
                              param="target_modules")
        for slot in self.slots:
            self._read_scalings(slot)
            self._scale(slot, 0.0)
        self.registered: dict[str, Path] = {}
        self._copies: dict[str, _SlotCopy] = {}  # name -> its padded slot weights, after a swap
        self.swaps = 0

    # registration: no pipeline state changes
    def register(self, name: str, weights: Path) -> None:
        """Accept the LoRA file ``weights`` as adapter ``name`` after checking a slot can take it
        (text-encoder weights and rank; its modules are checked at its first swap)."""
        from facechain.diffusion.styles import lora_state_dict

        state = self.pipe.lora_state_dict(lora_state_dict(weights))[0]  # kohya keys converted
        foreign = sorted({k.split(".", 1)[0] for k in state if not k.startswith("unet.")})
        if foreign:
            raise InvalidInputError(f"LoRA {name} has {', '.join(foreign)} weights: the compiled "
                                    f"backend swaps UNet LoRAs only (serve it with backend torch)",
                                    param="lora")
        rank = max((v.shape[0] for k, v in state.items()  # the down / A matrix: (rank, in)
                    if k.endswith(("lora_A.weight", "lora.down.weight")) and v.ndim > 1), default=0)
        if rank > self.config.target_rank:
            raise InvalidInputError(f"LoRA {name} has rank {rank}, above the compiled slots' "
                                    f"target_rank {self.config.target_rank}", param="lora")
        self.registered[name] = weights

    def delete(self, name: str) -> bool:
        """Forget ``name`` (a slot holding it keeps the weights until it is reused)."""
        self._copies.pop(name, None)
        return self.registered.pop(name, None) is not None

    def has(self, name: str) -> bool:
        return name in self.registered

    # activation
    def activate(self, adapters: Sequence[tuple[str, float]]) -> None:
        """Make ``adapters`` ((name, weight), all registered) the active set: swap the ones no
        slot holds into slots the set does not use, then set every slot's scale."""
        if len(adapters) > len(self.slots):
            raise InvalidInputError(f"{len(adapters)} LoRAs in one request; the compiled backend "
                                    f"has {len(self.slots)} slots", param="lora")
        wanted = {name: self.registered[name] for name, _ in adapters}
        placed: dict[str, _Slot] = {}
        for slot in self.slots:
            if slot.holds is not None and wanted.get(slot.holds[0]) == slot.holds[1]:
                placed[slot.holds[0]] = slot
        free = [s for s in self.slots if s not in placed.values()]
        for name, _ in adapters:
            if name not in placed:
                slot = free.pop(0)
                self._swap(slot, name, wanted[name])
                placed[name] = slot
        weights = {placed[name].name: weight for name, weight in adapters}
        for slot in self.slots:
            self._scale(slot, weights.get(slot.name, 0.0))

    def disable(self) -> None:
        for slot in self.slots:
            self._scale(slot, 0.0)

    def _swap(self, slot: _Slot, name: str, weights: Path) -> None:
        """Copy LoRA ``name`` into ``slot``: the first time through diffusers (file, format
        conversion, padding), then from the padded copy kept on the CPU (a plain tensor copy)."""
        slot.holds = None
        copy = self._copies.get(name)
        if copy is not None and copy.weights == weights:
            with torch.inference_mode(False), torch.no_grad():
                for live, saved in zip(self._params(slot), copy.params):
                    live.copy_(saved, non_blocking=True)
            slot.scalings = [(live, unit.to(live.device)) for (live, _), unit
                             in zip(slot.scalings, copy.units)]
            slot.holds = (name, weights)
            self.swaps += 1
            return
        try:
            with torch.inference_mode(False), torch.no_grad():
                self._load_file(weights, slot.name, True)
        except (RuntimeError, ValueError, KeyError) as exc:
            self._clear(slot)
            raise InvalidInputError(f"LoRA {name} does not fit the compiled backend's slots "
                                    f"(modules {', '.join(self.config.target_modules)}, rank <= "
                                    f"{self.config.target_rank}): {exc}", param="lora") from exc
        self._read_scalings(slot)
        slot.holds = (name, weights)
        self.swaps += 1
        self._copies[name] = _SlotCopy(weights, [p.detach().to("cpu", copy=True) for p in self._params(slot)],
                                       [unit.to("cpu", copy=True) for _, unit in slot.scalings])

    def _params(self, slot: _Slot) -> list[torch.Tensor]:
        """The slot's LoRA weights (A and B of every layer), in a fixed order."""
        return [part[slot.name].weight for layer in self._layers for part in (layer.lora_A, layer.lora_B)]

    def _clear(self, slot: _Slot) -> None:
        with torch.no_grad():
            for layer in self._layers:
                for part in (layer.lora_A, layer.lora_B):
                    if slot.name in part:
                        part[slot.name].weight.zero_()
        self._scale(slot, 0.0)

    def _read_scalings(self, slot: _Slot) -> None:
        """Remember each layer's ``alpha / rank`` of what the slot now holds (hotswap wrote it)."""
        slot.scalings = [(layer.scaling[slot.name], layer.scaling[slot.name].detach().clone())
                         for layer in self._layers if slot.name in layer.scaling]

    def _scale(self, slot: _Slot, weight: float) -> None:
        with torch.inference_mode(False), torch.no_grad():
            for live, unit in slot.scalings:
                live.copy_(unit * weight)


def _is_lora_layer(module: torch.nn.Module) -> bool:
    from peft.tuners.lora import LoraLayer

    return isinstance(module, LoraLayer)


# -- building a backend --------------------------------------------------------------------------
def compile_pipeline(pipe, config: BackendConfig, load_file: LoadFile) -> AdapterSlots:
    """Set up ``pipe``'s UNet for the compiled backend in place: LoRA slots first (they must exist
    before the graph is traced), then compile. Returns the slots."""
    slots = AdapterSlots(pipe, config, load_file)
    compile_module(pipe.unet, CompileCounter("unet", config.compile_mode))
    return slots


def compile_controlnet(controlnet, config: BackendConfig, kind: str):
    """Compile one ControlNet (no LoRAs) in place; returns it."""
    compile_module(controlnet, CompileCounter(f"controlnet_{kind}", config.compile_mode))
    return controlnet


def apply_build(pipe, config: BackendConfig) -> None:
    """Replace ``pipe``'s networks by the onnx / tensorrt build of ``config.build_dir`` (the
    interface of ``facechain.diffusion.onnx_backend``)."""
    if config.backend is Backend.ONNX:
        from facechain.diffusion.onnx_backend import apply_onnx_backend

        apply_onnx_backend(pipe, Path(config.build_dir))
    elif config.backend is Backend.TENSORRT:
        from facechain.diffusion.onnx_backend import apply_tensorrt_backend

        apply_tensorrt_backend(pipe, Path(config.build_dir))
    else:
        raise ConfigError(f"backend {config.backend.value} is not a build directory backend",
                          param="backend")


class AdapterSetBuilds:
    """Per-request LoRAs on the ``onnx`` backend: the exported UNet of each adapter set.

    An exported network has its weights baked in, so a LoRA set is a UNet of its own
    (``onnx_backend.adapter_set_build``: the set fused into a private torch copy at its weights
    and exported; cached on disk, so a restarted replica or another replica on the same store
    reuses it). The first request of a set pays that build (seconds on the tiny model, measured
    in benchmarks/accelerate_bench.py); its onnxruntime session then stays loaded in an LRU of
    ``config.adapter_sets``. Activating a set returns the modules to install; no set: the base
    build's. Not thread-safe: the engine calls it under its pipeline lock."""

    def __init__(self, pipe, base, config: BackendConfig):
        from collections import OrderedDict

        self.base, self.config = base, config
        self.cache_dir = Path(config.adapter_cache_dir or Path(config.build_dir) / "adapter-sets")
        self.base_modules = {"unet": pipe.unet, "text_encoder": pipe.text_encoder}
        self.registered: dict[str, Path] = {}
        self._sets: OrderedDict[tuple, dict[str, Any]] = OrderedDict()
        self.builds = 0  # sets loaded from a build (disk cache hit or fresh export)
        self.hits = 0  # activations of a set already loaded
        self.build_seconds = 0.0

    def register(self, name: str, weights: Path) -> None:
        self.registered[name] = weights

    def delete(self, name: str) -> bool:
        """Forget ``name`` and drop the loaded sets that hold it (their disk builds stay)."""
        for key in [k for k in self._sets if any(n == name for n, _, _ in k)]:
            del self._sets[key]
        return self.registered.pop(name, None) is not None

    def has(self, name: str) -> bool:
        return name in self.registered

    def activate(self, adapters: Sequence[Any]) -> dict[str, Any]:
        """The modules (``unet``, ``text_encoder``) that run ``adapters``: refs whose ``path`` is
        their registered weights file and ``weight`` their weight in this request."""
        if not adapters:
            return dict(self.base_modules)
        key = tuple(sorted((ref.adapter_name, str(ref.path), float(ref.weight)) for ref in adapters))
        modules = self._sets.get(key)
        if modules is not None:
            self._sets.move_to_end(key)
            self.hits += 1
            return modules
        import time
        from types import SimpleNamespace

        from facechain.diffusion.onnx_backend import adapter_set_build, apply_onnx_backend

        started = time.perf_counter()
        build = adapter_set_build(self.base, adapters, self.cache_dir)
        view = SimpleNamespace(**self.base_modules, vae=None)
        apply_onnx_backend(view, build)  # replaces what the build holds: the UNet (+ text encoder)
        modules = {"unet": view.unet, "text_encoder": view.text_encoder}
        self.build_seconds += time.perf_counter() - started
        self.builds += 1
        self._sets[key] = modules
        while len(self._sets) > self.config.adapter_sets:
            self._sets.popitem(last=False)
        return modules


def compile_counters(pipe, controlnets: Mapping[str, Any] = {}) -> list[CompileCounter]:  # noqa: B006
    """The counters of ``pipe``'s compiled networks (UNet, ControlNets), if any."""
    modules = [getattr(pipe, "unet", None), *controlnets.values()]
    return [c for c in (compile_counter(m) for m in modules) if c is not None]
