"""The LoRA trainer deployment: one training per replica, with resources of its own.

``train(spec)`` is a streaming method: it preprocesses the photos through the component
deployments (the same library coroutine as the CLI), trains the face LoRA in a worker thread and
yields progress events, then stores the LoRA in the artifact store and yields the result. The job
runner next to the job store (``serve/runner.py``) consumes the stream, writes progress to the
store and cancels the stream when a user cancels the job; cancellation reaches the training loop
through a ``threading.Event`` and the partial run is checkpointed.

Durable runs: with ``spec["checkpoint"] = {"id": job_id, "attempt": n, "every": steps}`` the
training state is copied to the artifact ``checkpoints/<job_id>`` every ``every`` steps (default
the deployment's ``checkpoint_every``) and when the stream is cancelled (the replica waits for
that write before it lets go); a later attempt of the job, on this replica or another, restores
it first and resumes (same LoRA as an uninterrupted run). Each stored checkpoint carries its
``attempt`` (``attempt.json``): an older attempt that is still running never overwrites a newer
attempt's checkpoint.

Events: ``{"event": "stage", "stage"}``, ``{"event": "progress", "step", "total_steps", "loss",
"eta_seconds"}``, ``{"event": "result", ...}`` or ``{"event": "error", "type", "message",
"rejected"}``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import shutil
import tempfile
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from ray import serve

from deployments.components import setup_model_process
from facechain.diffusion.lora_training import CHECKPOINTS_DIR
from facechain.errors import FaceChainError, NoUsablePhotosError
from facechain.pipelines.dataset import preprocess_report
from facechain.pipelines.train import TrainParams, atrain
from facechain.registry import ModelRegistry
from facechain.types import Photo
from servekit.adapters import ServedComponents
from servekit.loras import LORAS
from servekit.metrics import record_rejected_photo
from servekit.storage import ArtifactStore, validate_id

logger = logging.getLogger(__name__)

CHECKPOINTS = "checkpoints"  # artifact kind (serve.runner.CHECKPOINTS): checkpoints/<job_id>
ATTEMPT_FILE = "attempt.json"


def restore_checkpoint(artifacts: ArtifactStore, job_id: str, work_dir: str | Path) -> int | None:
    """Copy the stored checkpoint of ``job_id`` to ``work_dir/checkpoints/step-NNNNNN`` where
    ``train_lora`` resumes from it; returns its step (None: there is none, or it is unreadable,
    and the run starts over)."""
    if not artifacts.exists(CHECKPOINTS, job_id):
        return None
    try:
        src = artifacts.path(CHECKPOINTS, job_id)
        step = int(json.loads((src / "state.json").read_text())["step"])
        shutil.copytree(src, Path(work_dir) / CHECKPOINTS_DIR / f"step-{step:06d}")
    except (OSError, ValueError, KeyError, FaceChainError) as exc:  # e.g. swapped mid-copy
        logger.warning("checkpoint of job %s unreadable (%s); starting over", job_id, exc)
        shutil.rmtree(Path(work_dir) / CHECKPOINTS_DIR, ignore_errors=True)
        return None
    return step


def stored_attempt(artifacts: ArtifactStore, job_id: str) -> int:
    """The attempt that wrote the stored checkpoint of ``job_id`` (-1: none)."""
    try:
        return int(json.loads(artifacts.read_bytes(CHECKPOINTS, job_id, ATTEMPT_FILE))["attempt"])
    except (FaceChainError, OSError, ValueError, KeyError):
        return -1


class CheckpointSink:
    """``on_checkpoint`` for ``train_lora``: stores each checkpoint folder as the artifact
    ``checkpoints/<job_id>`` (atomic swap), unless a newer attempt already stored one."""

    def __init__(self, artifacts: ArtifactStore, job_id: str, attempt: int):
        self.artifacts, self.job_id, self.attempt = artifacts, validate_id(job_id, "job_id"), attempt
        self.saved: list[int] = []

    def __call__(self, folder: Path) -> None:
        newer = stored_attempt(self.artifacts, self.job_id)
        if newer > self.attempt:
            logger.warning("job %s: attempt %d keeps its checkpoint; attempt %d's is not stored",
                           self.job_id, newer, self.attempt)
            return
        (folder / ATTEMPT_FILE).write_text(json.dumps({"attempt": self.attempt}))
        self.artifacts.put_dir(CHECKPOINTS, self.job_id, folder, overwrite=True)
        self.saved.append(int(folder.name.rsplit("-", 1)[1]))


@serve.deployment(name="LoraTrainer")
class LoraTrainer:
    def __init__(self, *, rotation, detection, parsing, retouching, attributes, tagging, quality,
                 recognition, models: str = "default", artifacts: str = "out/serve/artifacts",
                 device: str = "auto", threads: int = 1, checkpoint_every: int | None = 50,
                 stop_timeout_s: float = 60.0):
        """``checkpoint_every``: steps between stored checkpoints of job runs (a spec may say
        otherwise); ``stop_timeout_s``: how long a cancelled run may take to checkpoint."""
        setup_model_process(threads)
        self.components = ServedComponents(
            rotation=rotation, detection=detection, parsing=parsing, retouching=retouching,
            attributes=attributes, tagging=tagging, quality=quality, recognition=recognition)
        options = {} if device == "auto" else {"device": device}
        self.base = ModelRegistry.load(models).build("base_model", **options)
        self.artifacts = ArtifactStore(artifacts)
        self.checkpoint_every, self.stop_timeout_s = checkpoint_every, stop_timeout_s

    async def train(self, spec: dict[str, Any]) -> AsyncIterator[dict[str, Any]]:
        """``spec``: lora_id, photos [(name, bytes)], params (TrainParams fields), optional
        checkpoint {id, attempt, every} (see the module docstring)."""
        loop = asyncio.get_running_loop()
        events: asyncio.Queue = asyncio.Queue()
        cancel = threading.Event()
        params = TrainParams(**spec.get("params", {}))
        photos = [Photo(name, data) for name, data in spec["photos"]]

        def on_progress(p) -> None:  # called from the training thread
            loop.call_soon_threadsafe(events.put_nowait, {
                "event": "progress", "step": p.step, "total_steps": p.total_steps,
                "loss": p.loss, "eta_seconds": p.eta_seconds})

        ckpt = spec.get("checkpoint") or {}
        with tempfile.TemporaryDirectory(prefix="lora-") as tmp:
            sink, every = None, None
            if ckpt:
                sink = CheckpointSink(self.artifacts, ckpt["id"], int(ckpt.get("attempt", 0)))
                every = ckpt.get("every", self.checkpoint_every)
                step = await asyncio.to_thread(restore_checkpoint, self.artifacts, sink.job_id, tmp)
                if step is not None:
                    logger.info("job %s: resuming from its checkpoint at step %d", sink.job_id, step)
            task = asyncio.create_task(atrain(photos, self.components, self.base, tmp, params,
                                              progress=on_progress, cancel=cancel,
                                              checkpoint_every=every, on_checkpoint=sink))
            try:  # from the first yield on: a closed stream must stop the training task
                yield {"event": "stage", "stage": "preprocess+train"}
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
                cancel.set()  # the training thread checkpoints (and stores it) and stops
                with contextlib.suppress(BaseException):  # before the work folder goes
                    await asyncio.wait_for(asyncio.shield(task), self.stop_timeout_s)
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
