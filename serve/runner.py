"""The job runner: drains the job store's queue into the deployments that run jobs.

It runs as a task in the Ingress replica, on the host of the SQLite job store. Each claimed job
(an atomic compare-and-set in the store, so several runners never take the same job) becomes one
streaming call: ``LoraTrainer.train`` for ``train_lora`` jobs, ``TalkingHead.render`` for
``talk`` jobs (each kind has its own concurrency limit, so a long video never holds back a
training); its events become job progress, its last event the result or the error. Every ``heartbeat_s`` the runner refreshes the heartbeat of its running jobs
and cancels the streams of jobs whose cancel was requested; running jobs whose heartbeat is older
than ``stale_after_s`` (their runner died with its process) are failed, so a restart never leaves
a job "running".
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from serve.jobs import JobState, JobStateError, JobStore
from servekit.metrics import set_job_counts
from servekit.storage import ArtifactStore

logger = logging.getLogger(__name__)

TRAIN_KIND = "train_lora"
TALK_KIND = "talk"


class JobRunner:
    def __init__(self, store: JobStore, artifacts: ArtifactStore, trainer: Any, *,
                 talker: Any = None, runner_id: str = "runner", max_concurrent: int = 2,
                 max_talks: int = 1, poll_s: float = 0.5, heartbeat_s: float = 2.0,
                 stale_after_s: float = 30.0):
        """``max_concurrent`` trainings and ``max_talks`` talk renders at a time; ``talker``
        (the TalkingHead handle) None: talk jobs are left queued for a runner that has one."""
        self.store, self.artifacts, self.trainer, self.talker = store, artifacts, trainer, talker
        self.runner_id = runner_id
        self.limits = {TRAIN_KIND: max_concurrent}
        if talker is not None:
            self.limits[TALK_KIND] = max_talks
        self.max_concurrent = max_concurrent
        self.poll_s, self.heartbeat_s, self.stale_after_s = poll_s, heartbeat_s, stale_after_s
        self._running: dict[str, asyncio.Task] = {}
        self._kinds: dict[str, str] = {}  # running job id -> kind
        self._main: asyncio.Task | None = None

    def start(self) -> None:
        self._main = asyncio.get_running_loop().create_task(self._loop())

    async def stop(self) -> None:
        for task in [self._main, *self._running.values()]:
            if task is not None:
                task.cancel()

    async def _loop(self) -> None:
        last_beat = 0.0
        loop = asyncio.get_running_loop()
        while True:
            try:
                now = loop.time()
                if now - last_beat >= self.heartbeat_s:
                    last_beat = now
                    running = list(self._running)
                    for job_id in await asyncio.to_thread(self._housekeeping, running):
                        task = self._running.get(job_id)
                        if task is not None:  # asyncio tasks are cancelled on their own loop
                            task.cancel()
                while True:
                    free = self._free_kinds()
                    if not free:
                        break
                    job = await asyncio.to_thread(self.store.claim_next, free, self.runner_id)
                    if job is None:
                        break
                    run = self._run if job.kind == TRAIN_KIND else self._run_talk
                    task = loop.create_task(run(job.id, job.params))
                    self._running[job.id] = task
                    self._kinds[job.id] = job.kind
                    task.add_done_callback(lambda _t, jid=job.id: self._forget(jid))
            except asyncio.CancelledError:
                raise
            except Exception:  # the loop must survive a bad row or a busy database
                logger.exception("job runner iteration failed")
            await asyncio.sleep(self.poll_s)

    def _free_kinds(self) -> list[str]:
        """Job kinds with a free slot."""
        busy: dict[str, int] = {}
        for kind in self._kinds.values():
            busy[kind] = busy.get(kind, 0) + 1
        return [k for k, limit in self.limits.items() if busy.get(k, 0) < limit]

    def _forget(self, job_id: str) -> None:
        self._running.pop(job_id, None)
        self._kinds.pop(job_id, None)

    def _housekeeping(self, running: list[str]) -> list[str]:
        """Heartbeats, stale jobs and job metrics (blocking: a worker thread). Returns the jobs
        of ``running`` whose cancel was requested; the loop cancels their tasks."""
        cancel = []
        for job_id in running:
            try:
                job = self.store.heartbeat(job_id)
            except JobStateError:
                continue
            if job.cancel_requested:
                cancel.append(job_id)
        self.store.reap_stale(self.stale_after_s)
        for kind in (TRAIN_KIND, TALK_KIND):
            counts = self.store.count_by_state(kind)
            set_job_counts(kind, {s.value: n for s, n in counts.items()},
                           states=[s.value for s in JobState])
        return cancel

    def _settle_cancel(self, job_id: str) -> bool:
        """A running job's task was cancelled: mark it cancelled if its cancel was requested.
        False: it was not (its runner is stopping)."""
        job = self.store.get(job_id)
        if job.state == JobState.RUNNING and not job.cancel_requested:
            return False
        if job.state == JobState.RUNNING:
            self.store.mark_cancelled(job_id)
        return True

    def _read_uploads(self, job_id: str) -> list[tuple[str, bytes]]:
        upload_dir = self.artifacts.path("uploads", job_id)
        return [(p.name.split("_", 1)[1], p.read_bytes())
                for p in sorted(upload_dir.iterdir()) if p.is_file()]

    def _delete_uploads(self, job_id: str) -> None:
        try:
            self.artifacts.delete("uploads", job_id)
        except Exception:
            pass

    async def _drive(self, job_id: str, start, on_progress, on_result, who: str) -> None:
        """Run one job's stream: ``start()`` opens it (a streaming handle call); each
        ``progress`` / ``stage`` event goes to ``on_progress(event)``, the ``result`` event to
        ``on_result(event) -> result dict``, an ``error`` event fails the job. A cancelled
        task settles the cancel; the job's uploads are deleted when it ends."""
        store = self.store
        try:
            stream = await start()
            async for event in stream:
                kind = event.get("event")
                if kind in ("progress", "stage"):
                    await on_progress(event)
                elif kind == "result":
                    await asyncio.to_thread(store.succeed, job_id, on_result(event))
                    return
                elif kind == "error":
                    await asyncio.to_thread(store.fail, job_id, event["type"], event["message"])
                    return
            await asyncio.to_thread(store.fail, job_id, "internal", f"{who} ended without a result")
        except asyncio.CancelledError:
            if not await asyncio.to_thread(self._settle_cancel, job_id):
                raise  # the runner itself is stopping: let a restart reap it
        except Exception as exc:
            logger.exception("job %s failed", job_id)
            try:
                await asyncio.to_thread(store.fail, job_id, type(exc).__name__, str(exc)[:2000])
            except JobStateError:
                pass
        finally:
            # in a thread, and shielded: a second cancel while it runs still deletes the uploads
            await asyncio.shield(asyncio.to_thread(self._delete_uploads, job_id))

    async def _run(self, job_id: str, params: dict[str, Any]) -> None:
        """One training job: ``LoraTrainer.train`` streams stage / step events and the LoRA."""
        store = self.store

        async def start():
            photos = await asyncio.to_thread(self._read_uploads, job_id)  # up to max_photos files
            spec = {"lora_id": params["lora_id"], "photos": photos,
                    "params": params.get("train", {})}
            return self.trainer.options(stream=True).train.remote(spec)

        async def on_progress(event):
            if event["event"] == "progress":
                await asyncio.to_thread(
                    store.update_progress, job_id, event["step"], event["total_steps"],
                    loss=event["loss"], eta_seconds=event["eta_seconds"], stage="train")
            else:
                await asyncio.to_thread(store.update_progress, job_id, 0, stage=event["stage"])

        def on_result(event):
            result = {k: v for k, v in event.items() if k != "event"}
            if params.get("rejected") and isinstance(result.get("report"), dict):
                # photos the ingress could not decode never reached the trainer
                report = result["report"]
                report["rejected"] = [*params["rejected"], *report.get("rejected", [])]
            return result

        await self._drive(job_id, start, on_progress, on_result, "the trainer")

    def _read_talk_uploads(self, job_id: str, params: dict[str, Any]) -> dict[str, bytes | None]:
        upload_dir = self.artifacts.path("uploads", job_id)
        audio = params.get("audio_file")
        return {"portrait": (upload_dir / params["portrait_file"]).read_bytes(),
                "audio": (upload_dir / audio).read_bytes() if audio else None}

    async def _run_talk(self, job_id: str, params: dict[str, Any]) -> None:
        """One talk job: ``TalkingHead.render`` streams progress (stage, frame, frames) and
        ends with the result (the output id of the stored video) or an error."""
        store = self.store

        async def start():
            uploads = await asyncio.to_thread(self._read_talk_uploads, job_id, params)
            spec = {"output_id": params["output_id"], "talk": params.get("talk", {}),
                    "text": params.get("text"), "voice": params.get("voice"), **uploads}
            return self.talker.options(stream=True).render.remote(spec)

        async def on_progress(event):
            frame, frames = int(event.get("frame", 0)), int(event.get("frames", 0))
            await asyncio.to_thread(store.update_progress, job_id, frame, frames or None,
                                    stage=event["stage"], frame=frame, frames=frames)

        await self._drive(job_id, start, on_progress,
                          lambda event: {k: v for k, v in event.items() if k != "event"},
                          "the talking-head renderer")
