"""The diffusion engine: one resident base pipeline, per-request adapter sets.

Face and style LoRAs are loaded as named peft adapters next to the base weights and mixed per
request with ``set_adapters``; they are never merged into the shared weights. A request without
adapters runs with LoRA disabled, so the base output is bit-identical whatever was loaded before.
One request at a time holds the pipeline (a lock): the active adapter set is pipeline state.
Adapters the engine loads for requests are kept in an LRU cache (``max_adapters``) and evicted;
adapters a caller *holds* (``preload(ref, hold=True)``: the served graph's multiplexer, which
bounds the per-user face LoRAs itself) are never evicted by that cache, only by the caller's
``evict``, so there is one owner per adapter.

On eager torch an evicted adapter's peft modules are kept as a *spare* (at most
:data:`SPARE_ADAPTERS`): a later LoRA file of the same layout (same tensor names and shapes, same
LoRA config; a user's face LoRAs all have one) is copied into a spare with diffusers' hotswap
instead of being injected anew. An injection walks the whole UNet and adds modules, so its cost
grows with every adapter already loaded; the copy does not, and keeps the module count flat. The
adapters inside the pipeline therefore carry slot names of their own (``adapter<k>_``,
:meth:`DiffusionEngine.pipeline_adapter_name`), never a LoRA id: a spare's name then never lies
about what it holds, and no name is a substring of another (peft's hotswap matches adapter names
inside state-dict keys). Text-encoder LoRAs are always injected (diffusers cannot hotswap them).

ControlNet variants share the base pipeline's modules (same UNet object), so adapters apply to
them too; the ControlNet networks run inside the engine at every denoising step. A request may
name a ``scheduler`` (:data:`SCHEDULERS`; FaceChain's inpaint stages 2-3 and try-on use UniPC):
its variant gets its own scheduler instance built from the base scheduler's config (same betas),
so the base pipeline's scheduler is never swapped under another request.

A call may pass ``cancel`` (anything with ``is_set()``, a :class:`threading.Event`): once it is
set, the call raises :class:`DiffusionCancelled` at the end of the current denoising step (a
diffusers ``callback_on_step_end``; raising, unlike ``pipe._interrupt``, also skips the VAE
decode), or before it starts if it was set while the call waited for the lock. The lock is
released either way, so a caller that gave up (timeout, client gone) frees the engine within a
step.

Loading or evicting an adapter (:meth:`DiffusionEngine.preload`, :meth:`DiffusionEngine.evict`)
does not wait for a running generation to finish. The file checks (metadata, base-model
compatibility) run in the caller's thread without the lock; the pipeline change itself is handed
to the generation that holds the lock, which runs it at its next denoising step end and then sets
its own adapter set again (peft's ``inject_adapter`` activates the adapter it adds on the whole
UNet, ``peft/tuners/tuners_utils.py`` "set the adapter here (again)", so a load can never overlap a
denoising step). A load thus waits for at most one step instead of a whole generation; with the
pipeline idle the caller takes the lock and runs it itself.

The networks run on the engine's :class:`~facechain.diffusion.accelerate.BackendConfig`: eager
torch (default), ``compiled`` (torch.compile; adapters then live in a fixed number of hotswapped
slots instead of peft's adapter list, ``facechain.diffusion.accelerate``: same LoRA semantics, no
recompiles), an onnx build (LoRAs: one exported UNet per adapter set,
:class:`~facechain.diffusion.accelerate.AdapterSetBuilds`) or a tensorrt build (base model only).
"""

from __future__ import annotations

import itertools
import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
import torch

from facechain.diffusion.accelerate import (
    AdapterSetBuilds,
    AdapterSlots,
    Backend,
    BackendConfig,
    CompileCounter,
    apply_build,
    compile_controlnet,
    compile_counters,
    compile_pipeline,
)
from facechain.diffusion.base_model import BaseModel
from facechain.diffusion.lora_io import lora_weights_file
from facechain.diffusion.lora_loading import hotswap_layout, load_lora_file
from facechain.errors import (
    CancelledError,
    ConfigError,
    InvalidInputError,
    ModelSourceError,
)

logger = logging.getLogger(__name__)

ControlKind = Literal["openpose", "canny", "depth"]

# Scheduler names a request may give -> diffusers class; None keeps the base model's own.
SchedulerName = Literal["unipc", "ddim", "pndm", "euler", "euler_a", "dpmpp_2m"]
SCHEDULERS: dict[str, str] = {
    "unipc": "UniPCMultistepScheduler",
    "ddim": "DDIMScheduler",
    "pndm": "PNDMScheduler",
    "euler": "EulerDiscreteScheduler",
    "euler_a": "EulerAncestralDiscreteScheduler",
    "dpmpp_2m": "DPMSolverMultistepScheduler",
}


SPARE_ADAPTERS = 2  # evicted adapters kept for hotswapping (the multiplexer evicts, then loads)
_PIPELINE_NAMES = itertools.count()  # slot names unique per process (engines may share a UNet)

FACE_PREFIX = "face-"
STYLE_PREFIX = "style-"


def peft_adapter_name(name: str) -> str:
    """The adapter name peft and diffusers see for a stable adapter id (``face-<id>`` ->
    ``face_<id>``): peft names must be identifiers."""
    return re.sub(r"[^A-Za-z0-9_]", "_", name)


@dataclass(frozen=True)
class AdapterRef:
    """A LoRA to activate: ``name`` is a stable id (``face-<lora id>``, ``style-<slug>``).

    This class owns the mapping between a LoRA id and its adapter: build refs with
    :meth:`face` / :meth:`style`, read the id back with :attr:`face_lora_id`, and use
    :attr:`adapter_name` (or :func:`face_adapter_name`) for the name inside the pipeline.
    """

    name: str
    path: Path | None
    weight: float = 1.0
    weight_name: str | None = None

    @classmethod
    def face(cls, lora_id: str, path: Path | None, weight: float = 1.0) -> AdapterRef:
        return cls(name=f"{FACE_PREFIX}{lora_id}", path=path, weight=weight)

    @classmethod
    def style(cls, slug: str, path: Path | None, weight: float = 1.0) -> AdapterRef:
        return cls(name=f"{STYLE_PREFIX}{slug}", path=path, weight=weight)

    @property
    def face_lora_id(self) -> str | None:
        """The face LoRA id of a ``face-<id>`` ref, else None."""
        return self.name[len(FACE_PREFIX):] if self.name.startswith(FACE_PREFIX) else None

    @property
    def adapter_name(self) -> str:
        return peft_adapter_name(self.name)


def face_adapter_name(lora_id: str) -> str:
    """The pipeline adapter name of a face LoRA id."""
    return AdapterRef.face(lora_id, None).adapter_name


def face_lora_id(adapters: tuple[AdapterRef, ...]) -> str | None:
    """The face LoRA id among a request's adapters (routing key for multiplexing), if any."""
    return next((r.face_lora_id for r in adapters if r.face_lora_id is not None), None)


@dataclass(frozen=True)
class ControlInput:
    kind: ControlKind
    image: np.ndarray  # uint8 RGB condition image (pose skeleton, edges, depth)
    scale: float = 1.0


@dataclass(frozen=True)
class DiffusionRequest:
    """One txt2img / img2img / inpaint call; candidate ``i`` uses seed ``seed + i``."""

    prompt: str
    negative_prompt: str = ""
    adapters: tuple[AdapterRef, ...] = ()
    num_images: int = 1
    steps: int = 20
    guidance_scale: float = 7.0
    width: int = 512
    height: int = 512
    seed: int = 0
    controls: tuple[ControlInput, ...] = ()
    init_image: np.ndarray | None = None  # img2img / inpaint source (uint8 RGB)
    mask_image: np.ndarray | None = None  # inpaint mask (uint8, 255 = redraw)
    strength: float = 1.0
    scheduler: SchedulerName | None = None  # None: the base model's scheduler

    def validate(self) -> None:
        if self.width % 8 or self.height % 8:
            raise InvalidInputError("width and height must be multiples of 8", param="size")
        if self.num_images < 1:
            raise InvalidInputError("num_images must be >= 1", param="num_images")
        if self.mask_image is not None and self.init_image is None:
            raise InvalidInputError("an inpaint mask needs an init image", param="mask_image")
        if self.scheduler is not None and self.scheduler not in SCHEDULERS:
            raise InvalidInputError(f"unknown scheduler {self.scheduler!r}; one of "
                                    f"{', '.join(SCHEDULERS)}", param="scheduler")


class DiffusionCancelled(CancelledError):
    """A call's ``cancel`` was set: it stopped after ``steps`` denoising steps (0: before the
    first)."""

    def __init__(self, steps: int):
        super().__init__(f"diffusion cancelled after {steps} denoising steps")
        self.steps = steps


class Cancel(Protocol):
    def is_set(self) -> bool: ...


def _on_step_end(cancel: Cancel | None, between_steps: Callable[[], None]) -> dict[str, Any]:
    """Pipeline kwargs: at every step end, stop if ``cancel`` is set, else run ``between_steps``
    (the adapter loads handed to this generation)."""

    def on_step_end(pipe, step: int, timestep, callback_kwargs: dict) -> dict:
        if cancel is not None and cancel.is_set():
            raise DiffusionCancelled(step + 1)
        between_steps()
        return callback_kwargs

    return {"callback_on_step_end": on_step_end, "callback_on_step_end_tensor_inputs": []}


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel.is_set():
        raise DiffusionCancelled(0)


@dataclass
class EngineStats:
    adapter_loads: int = 0
    adapter_hits: int = 0
    adapter_evictions: int = 0
    adapter_hotswaps: int = 0  # loads copied into a spare adapter (of ``adapter_loads``)
    load_seconds: float = 0.0
    requests: int = 0
    cancelled: int = 0  # calls stopped by their ``cancel``
    extra: dict[str, Any] = field(default_factory=dict)


class DiffusionEngine:
    def __init__(self, base: BaseModel, controlnets: Callable[[str], Any] | None = None, *,
                 max_adapters: int | None = 16,
                 backend: BackendConfig | dict[str, Any] | str | None = None):
        """``controlnets(kind)`` loads the ControlNet for ``kind`` (openpose, canny, depth) on first
        use; None means this engine serves no ControlNet requests. ``max_adapters``: how many
        adapters this engine's own LRU keeps (held adapters do not count); None: no bound.
        ``backend``: the build the networks run on (default eager torch); ``compiled`` changes
        the base model's UNet in place, so give it a BaseModel of its own."""
        self.base = base
        self.backend = BackendConfig.parse(backend)
        self.pipe = base.load_pipeline()
        self._slots: AdapterSlots | None = None
        self._builds: AdapterSetBuilds | None = None
        if self.backend.backend is Backend.COMPILED:
            self._slots = compile_pipeline(self.pipe, self.backend, self._load_lora_file)
        elif self.backend.backend is not Backend.TORCH:
            apply_build(self.pipe, self.backend)
            if self.backend.backend is Backend.ONNX:
                self._builds = AdapterSetBuilds(self.pipe, base, self.backend)
        self._controlnet_loader = controlnets
        self.controlnets: dict[str, Any] = {}
        self.max_adapters = max_adapters
        self.stats = EngineStats()
        self._loaded: OrderedDict[str, AdapterRef] = OrderedDict()
        self._held: set[str] = set()  # adapter names whose eviction belongs to the caller
        # eager torch: adapter name -> (its slot in the pipeline, the layout of the file it holds)
        self._in_pipe: dict[str, tuple[str, tuple | None]] = {}
        self._spares: list[tuple[str, tuple]] = []  # evicted slots kept: (slot, layout), oldest first
        self._variants: dict[tuple, Any] = {}
        self._lock = threading.Lock()  # the pipeline: generations and adapter changes
        self._handoff = threading.Lock()  # guards _step_jobs only (never held while waiting)
        self._step_jobs: list[tuple[Callable[[], Any], Future]] = []

    # -- pipeline changes between denoising steps ----------------------------------------------
    def _on_pipeline(self, job: Callable[[], Any]) -> Any:
        """Run ``job()`` with the pipeline to itself and return its result: in this thread when
        the pipeline is free, else in the generation holding it at its next step end (see the
        module docstring). Blocking: never call it on an event loop."""
        future: Future = Future()
        with self._handoff:
            self._step_jobs.append((job, future))
        while True:
            if self._lock.acquire(blocking=False):
                try:
                    self._run_step_jobs()
                finally:
                    self._lock.release()
            try:
                return future.result(timeout=0.005)
            except FutureTimeout:
                continue

    def _run_step_jobs(self) -> bool:
        """Run the handed-over jobs (caller holds ``_lock``); True if there were any."""
        if not self._step_jobs:  # unlocked read: a job added just now runs at the next check
            return False
        with self._handoff:
            jobs, self._step_jobs = self._step_jobs, []
        for job, future in jobs:
            if not future.set_running_or_notify_cancel():
                continue
            try:
                with torch.inference_mode(False):  # adapter weights are ordinary tensors
                    future.set_result(job())
            except BaseException as exc:  # the caller re-raises it
                future.set_exception(exc)
        return True

    def _between_steps(self, adapters: tuple[AdapterRef, ...]) -> Callable[[], None]:
        """The step-end hook of a generation running ``adapters``: run handed-over jobs, then
        activate its own adapter set again."""

        def run() -> None:
            if self._run_step_jobs():
                self._set_active(adapters)

        return run

    # -- adapters ---------------------------------------------------------------------------
    def _weights_file(self, ref: AdapterRef) -> Path:
        """The weights file of ``ref``, its folder checked against this base model (no pipeline
        access: runs outside the lock)."""
        return lora_weights_file(ref.path, self.base, ref.weight_name)

    def _ensure_adapter(self, ref: AdapterRef, weights: Path | None = None) -> None:
        """Load ``ref`` unless loaded (caller holds ``_lock``); ``weights``: its checked file."""
        name = ref.adapter_name
        known = self._loaded.get(name)
        if known is not None and known.path == ref.path:
            self._loaded.move_to_end(name)
            self.stats.adapter_hits += 1
            return
        if known is not None:  # same name, new file (a retrained LoRA): reload
            self._remove_adapter(name)
            del self._loaded[name]
        while name not in self._held and self.max_adapters is not None and \
                sum(n not in self._held for n in self._loaded) >= self.max_adapters:
            old = next(n for n in self._loaded if n not in self._held)
            del self._loaded[old]
            self._remove_adapter(old)
            self.stats.adapter_evictions += 1
        started = time.perf_counter()
        path = weights if weights is not None else self._weights_file(ref)
        self._add_adapter(path, name)
        self.stats.load_seconds += time.perf_counter() - started
        self.stats.adapter_loads += 1
        self._loaded[name] = ref

    def _add_adapter(self, path: Path, name: str) -> None:
        """Make the checked LoRA file ``path`` adapter ``name`` of this engine's backend."""
        if self._slots is not None:
            self._slots.register(name, path)
            return
        if self._builds is not None:
            self._builds.register(name, path)
            return
        if self.backend.backend is not Backend.TORCH:
            raise ConfigError(f"backend {self.backend.backend.value} runs the base model only; LoRA "
                              f"requests need backend torch, compiled or onnx", param="backend")
        layout = hotswap_layout(path)
        spare = next((i for i, (_, known) in enumerate(self._spares)
                      if layout is not None and known == layout), None)
        slot = None
        if spare is not None:
            slot = self._spares.pop(spare)[0]
            try:
                self._load_lora_file(path, slot, hotswap=True)
                self.stats.adapter_hotswaps += 1
            except (RuntimeError, ValueError, KeyError) as exc:  # then an injection says what is wrong
                logger.warning("hotswap of %s into %s failed (%s); loading it anew", path, slot, exc)
                self.pipe.delete_adapters(slot)
                slot = None
        if slot is None:
            slot = f"adapter{next(_PIPELINE_NAMES)}_"
            self._load_lora_file(path, slot)
        self._in_pipe[name] = (slot, layout)

    def _remove_adapter(self, name: str) -> None:
        if self._slots is not None:
            self._slots.delete(name)
        elif self._builds is not None:
            self._builds.delete(name)
        else:
            slot, layout = self._in_pipe.pop(name)
            if layout is None:
                self.pipe.delete_adapters(slot)
                return
            self.pipe.disable_lora()  # a spare is never active (a generation sets its own set)
            self._spares.append((slot, layout))
            while len(self._spares) > SPARE_ADAPTERS:
                self.pipe.delete_adapters(self._spares.pop(0)[0])

    def pipeline_adapter_name(self, name: str) -> str:
        """The adapter inside the pipeline (peft's name) that holds loaded adapter ``name`` on
        eager torch (module docstring); ``name`` itself on the other backends."""
        adapter = peft_adapter_name(name)
        return self._in_pipe[adapter][0] if adapter in self._in_pipe else adapter

    def _load_lora_file(self, path: Path, name: str, hotswap: bool = False) -> None:
        """Load one LoRA file as pipeline adapter ``name`` (``lora_loading.load_lora_file``)."""
        load_lora_file(self.pipe, path, name, hotswap)

    def preload(self, ref: AdapterRef, *, hold: bool = False) -> None:
        """Load an adapter ahead of the request that uses it (multiplexed serving). ``hold``: the
        caller owns its lifetime (this engine's LRU never evicts it; the caller calls
        :meth:`evict`). Does not wait for a running generation (module docstring)."""
        name = ref.adapter_name
        known = self._loaded.get(name)
        weights = None if known is not None and known.path == ref.path else self._weights_file(ref)

        def load() -> None:
            if hold:
                self._held.add(name)
            try:
                self._ensure_adapter(ref, weights)
            except BaseException:
                if name not in self._loaded:
                    self._held.discard(name)
                raise

        self._on_pipeline(load)

    def loaded_adapters(self) -> list[str]:
        return list(self._loaded)

    def held_adapters(self) -> list[str]:
        """The loaded adapters whose eviction belongs to the caller (``preload(hold=True)``)."""
        loaded, held = list(self._loaded), set(self._held)  # copies: no lock, any thread
        return [n for n in loaded if n in held]

    def evict(self, name: str) -> bool:
        """Drop an adapter (its holder released it, or its LoRA was deleted). Returns whether it
        was loaded. Does not wait for a running generation (module docstring)."""
        adapter = peft_adapter_name(name)

        def delete() -> bool:
            self._held.discard(adapter)
            if adapter not in self._loaded:
                return False
            self._remove_adapter(adapter)
            del self._loaded[adapter]
            self.stats.adapter_evictions += 1
            return True

        return self._on_pipeline(delete)

    def _activate(self, adapters: tuple[AdapterRef, ...]) -> None:
        if not adapters:
            self._set_active(adapters)
            return
        for ref in adapters:
            self._ensure_adapter(ref)
        self._set_active(adapters)

    def _set_active(self, adapters: tuple[AdapterRef, ...]) -> None:
        """Make ``adapters`` (all loaded) the active set; none: LoRA off."""
        if self._builds is not None:
            refs = [replace(r, path=self._builds.registered[r.adapter_name]) for r in adapters]
            modules = self._builds.activate(refs)
            for pipe in (self.pipe, *self._variants.values()):
                for name, module in modules.items():
                    if getattr(pipe, name, None) is not module:
                        setattr(pipe, name, module)
            return
        if self._slots is not None:
            if adapters:
                self._slots.activate([(r.adapter_name, float(r.weight)) for r in adapters])
            else:
                self._slots.disable()
            return
        if not adapters:
            if self._in_pipe or self._spares:  # a spare may be the last active set
                self.pipe.disable_lora()
            return
        self.pipe.enable_lora()
        self.pipe.set_adapters([self._in_pipe[r.adapter_name][0] for r in adapters],
                               adapter_weights=[float(r.weight) for r in adapters])

    # -- pipelines --------------------------------------------------------------------------
    def _pipeline_for(self, request: DiffusionRequest):
        kind = "txt2img"
        if request.init_image is not None:
            kind = "inpaint" if request.mask_image is not None else "img2img"
        controls = tuple(c.kind for c in request.controls)
        if kind == "txt2img" and not controls and request.scheduler is None:
            return self.pipe
        key = (kind, controls, request.scheduler)
        if key not in self._variants:
            nets = [self._controlnet(c) for c in controls]
            extra: dict[str, Any] = {"controlnet": nets[0] if len(nets) == 1 else nets} if nets else {}
            if request.scheduler is not None:
                import diffusers

                cls = getattr(diffusers, SCHEDULERS[request.scheduler])
                extra["scheduler"] = cls.from_config(self.pipe.scheduler.config)
            # from_pipe shares the resident modules (UNet with its adapters, VAE, text encoder)
            self._variants[key] = _VARIANTS[(kind, bool(controls))].from_pipe(self.pipe, **extra)
        return self._variants[key]

    def run_batch(self, requests: list[DiffusionRequest], *,
                  cancel: Cancel | None = None) -> list[list[np.ndarray]]:
        """Run several requests, merging those with equal :func:`batch_key` into one pipeline
        call (prompt lists, one generator per image). Results are per request, in order; batched
        numerics can differ from single calls in the last bits. ``cancel`` stops the whole batch
        (the caller sets it once every request of the batch gave up)."""
        results: list[list[np.ndarray] | None] = [None] * len(requests)
        groups: dict[tuple, list[int]] = {}
        for i, request in enumerate(requests):
            request.validate()
            key = batch_key(request)
            if key is None:
                results[i] = self(request, cancel=cancel)
            else:
                groups.setdefault(key, []).append(i)
        for indices in groups.values():
            if len(indices) == 1:
                results[indices[0]] = self(requests[indices[0]], cancel=cancel)
                continue
            group = [requests[i] for i in indices]
            first = group[0]
            prompts = [r.prompt for r in group for _ in range(r.num_images)]
            negatives = [r.negative_prompt for r in group for _ in range(r.num_images)]
            generators = [torch.Generator(device="cpu").manual_seed(r.seed + k)
                          for r in group for k in range(r.num_images)]
            with self._lock, self._counting_cancels():
                _check_cancel(cancel)
                self.stats.requests += len(group)
                self._activate(first.adapters)
                with torch.inference_mode():
                    images = self.pipe(prompt=prompts, negative_prompt=negatives,
                                       num_inference_steps=first.steps,
                                       guidance_scale=first.guidance_scale, width=first.width,
                                       height=first.height, generator=generators,
                                       output_type="np",
                                       **_on_step_end(cancel, self._between_steps(first.adapters))
                                       ).images
                self._compiled_networks_ran()
            images = [np.clip(np.round(img * 255.0), 0, 255).astype(np.uint8) for img in images]
            offset = 0
            for i, r in zip(indices, group):
                results[i] = images[offset:offset + r.num_images]
                offset += r.num_images
        return results  # type: ignore[return-value]

    def _controlnet(self, kind: str):
        if kind not in self.controlnets:
            if self._controlnet_loader is None:
                raise ModelSourceError(f"controlnet_{kind}", "this engine serves no ControlNets")
            net = self._controlnet_loader(kind)
            if self.backend.backend is Backend.COMPILED:
                net = compile_controlnet(net, self.backend, kind)
            self.controlnets[kind] = net
        return self.controlnets[kind]

    # -- compiled networks ------------------------------------------------------------------
    def compile_counters(self) -> list[CompileCounter]:
        """The compile counters of this engine's compiled networks (none unless ``compiled``)."""
        return compile_counters(self.pipe, self.controlnets)

    def recompiles(self) -> dict[str, int]:
        """Compiles after warm-up, per compiled network (``facechain.diffusion.accelerate``)."""
        return {c.network: c.recompiles for c in self.compile_counters()}

    def _compiled_networks_ran(self) -> None:
        """A generation finished: the networks it compiled are warm from now on."""
        for counter in self.compile_counters():
            if counter.compiles:
                counter.warm = True

    def warm_up(self, sizes: tuple[tuple[int, int], ...] | None = None, steps: int = 2) -> None:
        """Generate once at each (width, height) of ``sizes`` (default: the backend's ``warmup``)
        so that their compiles happen now and count as warm-up, not as recompiles."""
        for width, height in self.backend.warmup if sizes is None else sizes:
            self(DiffusionRequest(prompt="warm-up", steps=steps, width=width, height=height))

    @contextmanager
    def _counting_cancels(self) -> Iterator[None]:
        try:
            yield
        except DiffusionCancelled as exc:
            self.stats.cancelled += 1
            logger.info("%s", exc)
            raise

    def __call__(self, request: DiffusionRequest, *,
                 cancel: Cancel | None = None) -> list[np.ndarray]:
        """Run one request; returns ``num_images`` uint8 RGB images. ``cancel``: see the module
        docstring (:class:`DiffusionCancelled` once it is set)."""
        request.validate()
        with self._lock, self._counting_cancels():
            _check_cancel(cancel)
            self.stats.requests += 1
            self._activate(request.adapters)
            pipe = self._pipeline_for(request)
            generators = [torch.Generator(device="cpu").manual_seed(request.seed + i)
                          for i in range(request.num_images)]
            kwargs: dict[str, Any] = dict(
                prompt=request.prompt, negative_prompt=request.negative_prompt or None,
                num_images_per_prompt=request.num_images, num_inference_steps=request.steps,
                guidance_scale=request.guidance_scale, generator=generators, output_type="np",
                **_on_step_end(cancel, self._between_steps(request.adapters)))
            if request.init_image is None:
                kwargs.update(width=request.width, height=request.height)
            else:
                kwargs.update(image=_to_pil(request.init_image), strength=request.strength)
                if request.mask_image is not None:
                    kwargs.update(mask_image=_to_pil(request.mask_image),
                                  width=request.width, height=request.height)
            if request.controls:
                conds = [_to_pil(c.image) for c in request.controls]
                scales = [float(c.scale) for c in request.controls]
                key = "control_image" if request.init_image is not None else "image"
                kwargs[key] = conds[0] if len(conds) == 1 else conds
                kwargs["controlnet_conditioning_scale"] = scales[0] if len(scales) == 1 else scales
            with torch.inference_mode():
                images = pipe(**kwargs).images
            self._compiled_networks_ran()
        return [np.clip(np.round(img * 255.0), 0, 255).astype(np.uint8) for img in images]


def _variant_classes() -> dict[tuple[str, bool], Any]:
    import diffusers as d

    return {
        ("txt2img", False): d.StableDiffusionPipeline,
        ("txt2img", True): d.StableDiffusionControlNetPipeline,
        ("img2img", False): d.StableDiffusionImg2ImgPipeline,
        ("img2img", True): d.StableDiffusionControlNetImg2ImgPipeline,
        ("inpaint", False): d.StableDiffusionInpaintPipeline,
        ("inpaint", True): d.StableDiffusionControlNetInpaintPipeline,
    }


_VARIANTS = _variant_classes()


def batch_key(request: DiffusionRequest) -> tuple | None:
    """Requests with equal keys can share one pipeline call (txt2img, same adapter set and
    sampling settings; prompts and seeds may differ). None: never batched."""
    if request.controls or request.init_image is not None or request.scheduler is not None:
        return None
    return (tuple((r.adapter_name, str(r.path), r.weight) for r in request.adapters),
            request.steps, request.guidance_scale, request.width, request.height)


def _to_pil(image: np.ndarray):
    from PIL import Image

    return Image.fromarray(image)
