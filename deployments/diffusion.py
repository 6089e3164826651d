"""The SD deployment: base UNet + VAE + text encoder (+ ControlNets) resident, per-user face LoRAs
multiplexed.

Requests for one user's LoRA carry ``multiplexed_model_id=<lora id>`` (``servekit.loras``); the
deployment's request router (:class:`servekit.loras.LoraAffinityRouter`) sends them to a replica
that already holds that adapter, and a LoRA no replica holds to the replica whose least recently
used LoRA is the oldest, so the replicas' slots act as one LRU (hit rates measured in
benchmarks/affinity_bench.py). Serve's multiplexer is the one owner of
the user adapters: it keeps at most :data:`MAX_USER_ADAPTERS` per replica (LRU) and its eviction
deletes the adapter from the pipeline; the engine holds them for it and never evicts them itself
(its own LRU bounds only the style adapters, :data:`MAX_STYLE_ADAPTERS`). The adapter set of each
request is activated under the engine's lock and never merged into the base weights. A request
pins its user adapter until its generation is done, so Serve evicting it in the meantime waits for
the request instead of pulling the adapter from under it.

A request that names several face LoRAs (template inpainting of several faces) is never one
call here: the pipeline redraws one face after the other and sends each face's passes as their
own diffusion requests, each carrying that face's adapter only, routed by its own LoRA id
(``servekit.adapters.ServedComponents.diffuse``). So the LoRAs of one HTTP request may live on
different replicas; each replica only ever activates the one user adapter it was routed for
(:func:`servekit.loras.bind_face_adapter` refuses anything else). :meth:`Diffusion.load_adapter`
lets the ingress load (and check) each LoRA on its replica before the request's other work.

A user's first request on a replica does not wait for another user's generation: the
multiplexed load path (:meth:`Diffusion._user_adapter`) checks the LoRA folder in a worker
thread without the engine lock and the engine adds the adapter between two denoising steps of
the generation that holds it (``facechain.diffusion.engine``); Serve's evictions likewise. A
``serve.batch`` batch may hold several users' requests; the engine runs one pipeline call per
adapter set (never two users' adapters in one call; measured in benchmarks/affinity_bench.py).

Nothing here waits on the engine lock on the replica's event loop: engine calls run in worker
threads (Serve runs a sync ``__del__`` of an evicted model in its executor too).

A request whose caller gives up stops at the next denoising step. Serve cancels a replica's
request when its caller's awaiting task is cancelled (the ingress's ``asyncio.wait_for``
timing out, the HTTP client going away: Serve cancels the ingress request and the handle calls it
made, ``ray.serve._private.replica_result``); the ``CancelledError`` arrives at this replica's
``await`` on the worker thread, which alone would not stop the thread. :meth:`Diffusion._run`
then sets the call's ``cancel`` event, the engine raises at the end of the current step and frees
its lock, and the next request runs. A batch (``serve.batch``) stops only once every request in
it gave up; the others' results still come.

The networks run on the build the app's ``diffusion`` args name
(:class:`facechain.diffusion.accelerate.BackendConfig`: ``backend: torch | compiled | onnx |
tensorrt``, a ``build_dir`` for the last two). Its ``gpu_memory_gb`` budget is applied before any
weight is loaded (fractional GPUs share memory); a compiled backend warms up its configured sizes
in ``__init__``, and its recompiles after that are exported (gauge ``facechain_diffusion_recompiles``).
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ray import serve
from ray.serve.config import RequestRouterConfig

from deployments.components import setup_model_process
from facechain.diffusion.accelerate import BackendConfig, apply_memory_budget
from facechain.diffusion.engine import (
    AdapterRef,
    DiffusionEngine,
    DiffusionRequest,
    batch_key,
    face_adapter_name,
)
from facechain.registry import ModelRegistry
from servekit.loras import bind_face_adapter, face_adapter
from servekit.metrics import (
    LoraEvent,
    observe_stage,
    record_lora_event,
    set_diffusion_recompiles,
    set_lora_adapters_loaded,
)
from servekit.storage import ArtifactStore

logger = logging.getLogger(__name__)

MAX_USER_ADAPTERS = 8
"""Face LoRAs per replica: the multiplexer's bound (the one owner of user adapters)."""
MAX_STYLE_ADAPTERS = 8
"""Style LoRAs per replica: the engine's own LRU, which never evicts a user adapter."""
BATCH_WAIT_TIMEOUT_S = 0.02
"""Default wait of a batch that is not full (``user_config.batch_wait_timeout_s`` sets it)."""

_MULTIPLEXER_ATTR = "__serve_multiplex_wrapper"  # where Ray Serve 2.60 keeps a replica's multiplexer


def _on_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class _UserAdapter:
    """What the multiplexer caches per LoRA id: a face adapter the engine holds for it.

    Released once: by Serve's LRU eviction (it calls ``__del__``; a sync one in its executor
    thread), by :meth:`Diffusion.evict`, or when garbage-collected unreleased. Serve's call is
    not the last one: the object is collected afterwards and ``__del__`` runs again, on whatever
    thread drops the last reference, usually the event loop. Every call after the first returns at
    once, and a first call on an event loop thread hands the eviction (which waits on the engine
    lock) to a worker thread.

    A request pins the adapter from the moment the multiplexer hands it over until its
    generation is done (:meth:`pin`): a release that comes in between (Serve evicting it for
    another LoRA while this request still waits for the engine) waits for the pins to go, in its
    own thread, so the engine never has to load the adapter again behind the multiplexer's back.
    """

    def __init__(self, engine: DiffusionEngine, ref: AdapterRef):
        self.engine, self.ref = engine, ref
        self._released = False
        self._pins = 0
        self._unpinned = threading.Condition()  # never held while waiting on the engine

    @contextmanager
    def pin(self) -> Iterator[AdapterRef]:
        """``with held.pin(): ...`` around a request's use of the adapter (on the event loop;
        never blocks)."""
        with self._unpinned:
            self._pins += 1
        try:
            yield self.ref
        finally:
            with self._unpinned:
                self._pins -= 1
                if not self._pins:
                    self._unpinned.notify_all()

    def release(self) -> bool:
        """Evict the adapter from the engine once no request uses it (blocking: never on the
        event loop); True the first time only."""
        with self._unpinned:
            if self._released:
                return False
            self._released = True
            while self._pins:
                self._unpinned.wait()
        evicted = self.engine.evict(self.ref.adapter_name)
        if evicted:
            record_lora_event(LoraEvent.EVICTION)
            set_lora_adapters_loaded(len(self.engine.loaded_adapters()))
        return evicted

    def __del__(self):
        if self._released:
            return
        if _on_event_loop():
            threading.Thread(target=self.release, name="adapter-eviction", daemon=True).start()
        else:
            self.release()


class _AllSet:
    """Set once every event is set: a batch's cancel (all its callers gave up)."""

    def __init__(self, events: list[threading.Event]):
        self.events = events

    def is_set(self) -> bool:
        return all(e.is_set() for e in self.events)


@serve.deployment(name="Diffusion", request_router_config=RequestRouterConfig(
    request_router_class="servekit.loras:LoraAffinityRouter",
    request_router_kwargs={"slots": MAX_USER_ADAPTERS}))
class Diffusion:
    def __init__(self, models: str = "default", artifacts: str = "out/serve/artifacts",
                 device: str = "auto", threads: int = 1, diffusion: dict[str, Any] | None = None):
        setup_model_process(threads)
        backend = BackendConfig.parse(diffusion)  # ConfigError before anything loads
        registry = ModelRegistry.load(models)
        options = {} if device == "auto" else {"device": device}
        base = registry.build("base_model", **options)  # a description: weights load in the engine
        apply_memory_budget(backend, base.device)
        self.engine = DiffusionEngine(
            base, controlnets=lambda kind: registry.build(f"controlnet_{kind}", **options),
            max_adapters=MAX_STYLE_ADAPTERS,  # user adapters are held for the multiplexer
            backend=backend)
        self.engine.warm_up()
        self._report_recompiles()
        self.artifacts = ArtifactStore(artifacts)
        self.max_batch_size = 1  # until reconfigure() says otherwise

    def reconfigure(self, user_config: dict[str, Any]) -> None:
        """``user_config`` from configs/serve/*.yaml.

        ``max_batch_size``: batching of compatible txt2img requests (same adapters and
        sampling settings), 1 = off; it changes the last bits of the numerics (batched kernels),
        so a request's result then depends on what it was batched with (measured in
        benchmarks/diffusion_bench.py). ``batch_wait_timeout_s``: how long a batch that is not
        full waits for more requests (the default, ``BATCH_WAIT_TIMEOUT_S``, adds that much to a
        lone request; under load the requests that queued behind the running batch form the
        next one at once, so a short wait loses little batching).
        """
        self.max_batch_size = max(1, int(user_config.get("max_batch_size", 1)))
        if self.max_batch_size > 1:
            self._batched.set_max_batch_size(self.max_batch_size)
            self._batched.set_batch_wait_timeout_s(
                float(user_config.get("batch_wait_timeout_s", BATCH_WAIT_TIMEOUT_S)))

    @serve.multiplexed(max_num_models_per_replica=MAX_USER_ADAPTERS)
    async def _user_adapter(self, lora_id: str) -> _UserAdapter:
        ref = await asyncio.to_thread(face_adapter, self.artifacts, lora_id)
        await asyncio.to_thread(self.engine.preload, ref, hold=True)
        record_lora_event(LoraEvent.LOAD)
        set_lora_adapters_loaded(len(self.engine.loaded_adapters()))
        return _UserAdapter(self.engine, ref)

    async def diffuse(self, request: DiffusionRequest) -> list:
        lora_id = serve.get_multiplexed_model_id()
        if lora_id:
            record_lora_event(LoraEvent.HIT if lora_id in self._multiplexed() else LoraEvent.MISS)
            held = await self._user_adapter(lora_id)
            with held.pin() as ref:  # no await between the hand-over and the pin
                return await self._run(bind_face_adapter(request, ref))
        return await self._run(request)

    async def load_adapter(self) -> str | None:
        """Load the face LoRA named by this call's multiplexed model id on this replica (held by
        the multiplexer, as a request would load it) and return its id.

        The ingress calls it for every LoRA of an inpaint or try-on request before any other
        work: a LoRA trained on another base model is :class:`IncompatibleModelError` (409) at
        once, instead of a per-face stage failure after the detection and the conditions, and
        the replica that will serve the LoRA's passes already holds it."""
        lora_id = serve.get_multiplexed_model_id()
        if lora_id:
            record_lora_event(LoraEvent.HIT if lora_id in self._multiplexed() else LoraEvent.MISS)
            await self._user_adapter(lora_id)
        return lora_id or None

    async def _run(self, request: DiffusionRequest) -> list:
        started = time.perf_counter()
        cancel = threading.Event()
        try:
            if self.max_batch_size > 1 and batch_key(request) is not None:
                return await self._batched((request, cancel))
            return await asyncio.to_thread(self.engine, request, cancel=cancel)
        except asyncio.CancelledError:  # the caller gave up: the worker stops at the next step
            cancel.set()
            raise
        finally:
            observe_stage("diffusion", time.perf_counter() - started)
            self._report_recompiles()

    def _report_recompiles(self) -> None:
        """Export the compiled networks' recompile counts (a gauge per network; none: eager)."""
        for network, total in self.engine.recompiles().items():
            set_diffusion_recompiles(network, total)

    @serve.batch(max_batch_size=4, batch_wait_timeout_s=BATCH_WAIT_TIMEOUT_S)
    async def _batched(self, items: list[tuple[DiffusionRequest, threading.Event]]) -> list[list]:
        requests = [request for request, _ in items]
        return await asyncio.to_thread(self.engine.run_batch, requests,
                                       cancel=_AllSet([cancel for _, cancel in items]))

    def _multiplexed(self) -> dict[str, _UserAdapter]:
        """The multiplexer's cache, LoRA id -> adapter, in LRU order (empty before first use)."""
        multiplexer = getattr(self, _MULTIPLEXER_ATTR, None)
        return multiplexer.models if multiplexer is not None else {}

    async def stats(self) -> dict:
        s = self.engine.stats
        return {"adapter_loads": s.adapter_loads, "adapter_hits": s.adapter_hits,
                "adapter_evictions": s.adapter_evictions, "requests": s.requests,
                "cancelled": s.cancelled, "backend": self.engine.backend.backend.value,
                "recompiles": self.engine.recompiles(),
                "loaded": self.engine.loaded_adapters(), "held": self.engine.held_adapters(),
                "multiplexed": list(self._multiplexed())}

    async def evict(self, lora_id: str) -> bool:
        """Drop a deleted LoRA from this replica: from the multiplexer's cache and from the
        engine, in a worker thread (after the requests that use it).

        Serve's router may list the id for this replica until the multiplexer next reports its
        ids (at its next load or eviction); that costs nothing, since the ingress answers a
        deleted LoRA with 404 before any diffusion request is made for it."""
        held = self._multiplexed().pop(lora_id, None)
        if held is None:
            return await asyncio.to_thread(self.engine.evict, face_adapter_name(lora_id))
        return await asyncio.to_thread(held.release)

    async def check_health(self) -> None:
        if self.engine.base.device.type == "cuda":
            import torch

            if not torch.cuda.is_available():
                raise RuntimeError("CUDA device lost")

