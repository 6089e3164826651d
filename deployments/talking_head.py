"""The talking-head deployment: renders talk jobs, one per replica at a time.

``render(spec)`` is a streaming method, like ``LoraTrainer.train``: it runs the library's talk
pipeline (:func:`facechain.pipelines.talk.atalk`) next to the ``talking_head`` animator built
here; TTS and the x2 enhancement are hops to the TextToSpeech and FaceRestoration deployments
(each scaled and CPU-allocated on its own). Frames stream from the animator through the
enhancer to the H.264 encoder chunk by chunk, so a replica's memory stays flat. The checked mp4
and its report go to the artifact store (``outputs/<output_id>/video.mp4``, ``report.json``);
the job runner (``serve/runner.py``) turns the events into job progress and cancels the stream
when the user cancels, which stops the render at its next frame and leaves no file behind.

Events: ``{"event": "progress", "stage", "frame", "frames"}`` (the latest one only, when the
runner reads slower than frames render), ``{"event": "result", "output_id", "video_url",
"report"}`` or ``{"event": "error", "type", "message"}``.

``check(portrait, params)`` validates a portrait before a job is queued (exactly one usable
face: 400 ``no_usable_face`` at submission rather than a failed job).
"""

from __future__ import annotations

import asyncio
import json
import logging
import tempfile
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ray import serve
from ray.serve.config import RequestRouterConfig

from deployments.components import setup_model_process
from facechain.errors import FaceChainError
from facechain.imageio import decode_image
from facechain.pipelines.talk import MAX_SECONDS, Speech, atalk
from facechain.registry import ModelRegistry
from facechain.talk.params import TalkParams
from servekit.adapters import ServedComponents
from servekit.metrics import observe_stage
from servekit.storage import ArtifactStore

logger = logging.getLogger(__name__)

OUTPUTS = "outputs"
VIDEO_NAME = "video.mp4"
REPORT_NAME = "report.json"


class _TalkRuntime(ServedComponents):
    """The served hops plus this replica's own animator (``component("talking_head")``)."""

    def __init__(self, animator: Any, **handles: Any):
        super().__init__(**handles)
        self.animator = animator

    def component(self, role: str) -> Any:
        if role != "talking_head":
            raise KeyError(role)
        return self.animator


# the counting router: the ingress's talk admission gate follows its running replicas
@serve.deployment(name="TalkingHead", request_router_config=RequestRouterConfig(
    request_router_class="servekit.routing:ReplicaCountingRouter"))
class TalkingHead:
    def __init__(self, *, tts, restoration, models: str = "default",
                 artifacts: str = "out/serve/artifacts", threads: int = 1,
                 encoder_threads: int = 1, max_seconds: float = MAX_SECONDS,
                 max_pixels: int = 40_000_000, options: dict[str, Any] | None = None):
        setup_model_process(threads)
        self.animator = ModelRegistry.load(models).build("talking_head", **(options or {}))
        self.runtime = _TalkRuntime(self.animator, tts=tts, restoration=restoration)
        self.artifacts = ArtifactStore(artifacts)
        self.encoder_threads = encoder_threads
        self.max_seconds = max_seconds
        self.max_pixels = max_pixels

    async def check(self, portrait, params: dict[str, Any]) -> dict:
        """The animator's portrait check (raises NoUsableFaceError)."""
        return await asyncio.to_thread(self.animator.check_portrait, portrait,
                                       TalkParams(**params))

    async def render(self, spec: dict[str, Any]) -> AsyncIterator[dict[str, Any]]:
        """``spec``: output_id, talk (TalkParams fields), portrait (image bytes), audio (bytes
        or None), text, voice."""
        loop = asyncio.get_running_loop()
        latest: dict[str, Any] = {}
        changed = asyncio.Event()
        cancel = threading.Event()

        def on_progress(stage: str, frame: int, frames: int) -> None:  # any thread
            def put():
                latest.update(event="progress", stage=stage, frame=frame, frames=frames)
                changed.set()
            loop.call_soon_threadsafe(put)

        try:
            params = TalkParams(**spec.get("talk", {}))
            portrait = await asyncio.to_thread(decode_image, spec["portrait"],
                                               max_pixels=self.max_pixels)
            speech = Speech(audio=spec.get("audio"), text=spec.get("text"),
                            voice=spec.get("voice"))
        except FaceChainError as exc:
            yield {"event": "error", "type": type(exc).__name__, "message": exc.message}
            return
        except ValidationError as exc:  # the ingress validates first; a direct caller may not
            yield {"event": "error", "type": "ValidationError", "message": str(exc)[:2000]}
            return
        output_id = spec["output_id"]
        with tempfile.TemporaryDirectory(prefix="talk-") as tmp:
            path = Path(tmp) / VIDEO_NAME
            task = asyncio.create_task(atalk(
                portrait, speech, params, self.runtime, path, progress=on_progress,
                cancel=cancel, max_seconds=self.max_seconds, encoder_threads=self.encoder_threads))
            try:
                while not task.done():
                    waiter = asyncio.ensure_future(changed.wait())
                    await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
                    waiter.cancel()
                    if changed.is_set():
                        changed.clear()
                        yield dict(latest)
                out = task.result()
            except FaceChainError as exc:
                yield {"event": "error", "type": type(exc).__name__, "message": exc.message}
                return
            except (asyncio.CancelledError, GeneratorExit):
                cancel.set()  # the render stops at its next frame; the writer removes its files
                task.cancel()
                raise
            for stage, seconds in out.timings.items():
                observe_stage(f"talk_{stage}", seconds)
            report = out.report()
            (Path(tmp) / REPORT_NAME).write_text(json.dumps(report, indent=2) + "\n")
            await asyncio.to_thread(self.artifacts.put_dir, OUTPUTS, output_id, tmp,
                                    overwrite=True)
        yield {"event": "result", "output_id": output_id, "video_url": f"/v1/outputs/{output_id}",
               "report": report}
