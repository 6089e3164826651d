"""The LoRA trainer deployment: one training per replica, with resources of its own.

``train(spec)`` is a streaming method: it preprocesses the photos through the component
deployments (the same library coroutine as the CLI), trains the face LoRA in a worker thread and
yields progress events, then stores the LoRA in the artifact store and yields the result. The job
runner next to the job store (``serve/runner.py``) consumes the stream, writes progress to the
store and cancels the stream when a user cancels the job; cancellation reaches the training loop
through a ``threading.Event`` and the partial run is checkpointed.

Events: ``{"event": "stage", "stage"}``, ``{"event": "progress", "step", "total_steps", "loss",
"eta_seconds"}``, ``{"event": "result", ...}`` or ``{"event": "error", "type", "message",
"rejected"}``.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import threading
from collections.abc import AsyncIterator
from typing import Any

from ray import serve

from deployments.components import limit_torch_threads
from facechain.errors import FaceChainError, NoUsablePhotosError
from facechain.pipelines.dataset import preprocess_report
from facechain.pipelines.train import TrainParams, atrain
from facechain.registry import ModelRegistry
from facechain.types import Photo
from servekit.adapters import ServedComponents
from servekit.loras import LORAS
from servekit.metrics import record_rejected_photo
from servekit.storage import ArtifactStore

logger = logging.getLogger(__name__)


@serve.deployment(name="LoraTrainer")
class LoraTrainer:
    def __init__(self, *, rotation, detection, parsing, retouching, attributes, tagging, quality,
                 recognition, models: str = "default", artifacts: str = "out/serve/artifacts",
                 device: str = "auto", threads: int = 1):
        limit_torch_threads(threads)
        self.components = ServedComponents(
            rotation=rotation, detection=detection, parsing=parsing, retouching=retouching,
            attributes=attributes, tagging=tagging, quality=quality, recognition=recognition)
        options = {} if device == "auto" else {"device": device}
        self.base = ModelRegistry.load(models).build("base_model", **options)
        self.artifacts = ArtifactStore(artifacts)

    async def train(self, spec: dict[str, Any]) -> AsyncIterator[dict[str, Any]]:
        """``spec``: lora_id, photos [(name, bytes)], params (TrainParams fields)."""
        loop = asyncio.get_running_loop()
        events: asyncio.Queue = asyncio.Queue()
        cancel = threading.Event()
        params = TrainParams(**spec.get("params", {}))
        photos = [Photo(name, data) for name, data in spec["photos"]]

        def on_progress(p) -> None:  # called from the training thread
            loop.call_soon_threadsafe(events.put_nowait, {
                "event": "progress", "step": p.step, "total_steps": p.total_steps,
                "loss": p.loss, "eta_seconds": p.eta_seconds})

        with tempfile.TemporaryDirectory(prefix="lora-") as tmp:
            task = asyncio.create_task(atrain(photos, self.components, self.base, tmp, params,
                                              progress=on_progress, cancel=cancel))
            yield {"event": "stage", "stage": "preprocess+train"}
            try:
                while not task.done() or not events.empty():
                    try:
                        yield await asyncio.wait_for(events.get(), timeout=1.0)
                    except TimeoutError:
                        continue
                out = task.result()
            except NoUsablePhotosError as exc:
                for r in exc.rejections:
                    record_rejected_photo(r.reason.value)
                yield {"event": "error", "type": "no_usable_photos", "message": exc.message,
                       "rejected": [r.to_dict() for r in exc.rejections]}
                return
            except FaceChainError as exc:
                yield {"event": "error", "type": type(exc).__name__, "message": exc.message}
                return
            except (asyncio.CancelledError, GeneratorExit):
                cancel.set()  # the training thread checkpoints and stops
                raise
            for r in out.preprocess.rejected:
                record_rejected_photo(r.reason.value)
            await asyncio.to_thread(self.artifacts.put_dir, LORAS, spec["lora_id"], tmp,
                                    overwrite=True)
        meta = out.artifact.metadata
        yield {"event": "result", "lora_id": spec["lora_id"], "trigger": meta.trigger,
               "common_tags": meta.common_tags, "steps": meta.steps,
               "base_model": meta.base_model_id, "report": preprocess_report(out.preprocess)}

    async def check_health(self) -> None:
        if self.base.device.type == "cuda":
            import torch

            if not torch.cuda.is_available():
                raise RuntimeError("CUDA device lost")
