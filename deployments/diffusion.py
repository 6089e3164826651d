"""The SD deployment: base UNet + VAE + text encoder (+ ControlNets) resident, per-user face LoRAs
multiplexed.

Requests for one user's LoRA carry ``multiplexed_model_id=<lora id>``; Serve routes them to a
replica that already holds that adapter, and the replica keeps at most ``max_adapters`` user
adapters (LRU; an evicted adapter is deleted from the pipeline). The adapter set of each request
is activated under the engine's lock and never merged into the base weights.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from ray import serve

from deployments.components import limit_torch_threads
from facechain.diffusion.engine import (
    AdapterRef,
    DiffusionEngine,
    DiffusionRequest,
    batch_key,
    face_adapter_name,
)
from facechain.registry import ModelRegistry
from servekit.metrics import LoraEvent, observe_stage, record_lora_event, set_lora_adapters_loaded
from servekit.storage import ArtifactStore

logger = logging.getLogger(__name__)

MAX_USER_ADAPTERS = 8


class _LoadedAdapter:
    """What the multiplexer caches per LoRA id; its ``__del__`` runs on LRU eviction."""

    def __init__(self, engine: DiffusionEngine, name: str):
        self.engine, self.name = engine, name

    def __del__(self):
        if self.engine.evict(self.name):
            record_lora_event(LoraEvent.EVICTION)
            set_lora_adapters_loaded(len(self.engine.loaded_adapters()))


@serve.deployment(name="Diffusion")
class Diffusion:
    def __init__(self, models: str = "default", artifacts: str = "out/serve/artifacts",
                 device: str = "auto", threads: int = 1):
        limit_torch_threads(threads)
        registry = ModelRegistry.load(models)
        options = {} if device == "auto" else {"device": device}
        base = registry.build("base_model", **options)
        self.engine = DiffusionEngine(
            base, controlnets=lambda kind: registry.build(f"controlnet_{kind}", **options),
            max_adapters=2 * MAX_USER_ADAPTERS)  # user adapters + style adapters
        self.artifacts = ArtifactStore(artifacts)
        self.max_batch_size = 1  # until reconfigure() says otherwise

    def reconfigure(self, user_config: dict[str, Any]) -> None:
        """``user_config`` from configs/serve/*.yaml.

        ``gpu_memory_fraction``: fractional GPUs share memory, so each replica enforces its own
        budget. ``max_batch_size``: batching of compatible txt2img requests (same adapters and
        sampling settings), 1 = off; it changes the last bits of the numerics (batched kernels),
        so a request's result then depends on what it was batched with (measured in
        benchmarks/diffusion_bench.py).
        """
        self.max_batch_size = max(1, int(user_config.get("max_batch_size", 1)))
        if self.max_batch_size > 1:
            self._batched.set_max_batch_size(self.max_batch_size)
        fraction = user_config.get("gpu_memory_fraction")
        if fraction and self.engine.base.device.type == "cuda":
            import torch

            torch.cuda.set_per_process_memory_fraction(float(fraction), self.engine.base.device)

    @serve.multiplexed(max_num_models_per_replica=MAX_USER_ADAPTERS)
    async def _user_adapter(self, lora_id: str) -> _LoadedAdapter:
        ref = AdapterRef.face(lora_id, self.artifacts.path("loras", lora_id))
        await asyncio.to_thread(self.engine.preload, ref)
        record_lora_event(LoraEvent.LOAD)
        set_lora_adapters_loaded(len(self.engine.loaded_adapters()))
        return _LoadedAdapter(self.engine, ref.adapter_name)

    async def diffuse(self, request: DiffusionRequest) -> list:
        lora_id = serve.get_multiplexed_model_id()
        if lora_id:
            loaded = face_adapter_name(lora_id) in self.engine.loaded_adapters()
            record_lora_event(LoraEvent.HIT if loaded else LoraEvent.MISS)
            await self._user_adapter(lora_id)
        started = time.perf_counter()
        try:
            if self.max_batch_size > 1 and batch_key(request) is not None:
                return await self._batched(request)
            return await asyncio.to_thread(self.engine, request)
        finally:
            observe_stage("diffusion", time.perf_counter() - started)

    @serve.batch(max_batch_size=4, batch_wait_timeout_s=0.02)
    async def _batched(self, requests: list[DiffusionRequest]) -> list[list]:
        return await asyncio.to_thread(self.engine.run_batch, requests)

    async def stats(self) -> dict:
        s = self.engine.stats
        return {"adapter_loads": s.adapter_loads, "adapter_hits": s.adapter_hits,
                "adapter_evictions": s.adapter_evictions, "requests": s.requests,
                "loaded": self.engine.loaded_adapters()}

    async def evict(self, lora_id: str) -> bool:
        """Drop a deleted LoRA from this replica."""
        return self.engine.evict(face_adapter_name(lora_id))

    async def check_health(self) -> None:
        if self.engine.base.device.type == "cuda":
            import torch

            if not torch.cuda.is_available():
                raise RuntimeError("CUDA device lost")

