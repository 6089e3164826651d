"""The job runner: drains the job store's queue into the deployments that run jobs.

It runs as a task in an Ingress replica, or as its own deployment (:class:`JobRunnerDeployment`),
on the host of the SQLite job store; several runners may share one store. Each claimed job (an
atomic compare-and-set in the store that gives the runner a lease, see :mod:`serve.jobs`) becomes
one streaming call: ``LoraTrainer.train`` for ``train_lora`` jobs, ``TalkingHead.render`` for
``talk`` jobs (each kind has its own concurrency limit from config, so a long video never holds
back a training); its events become job progress, its last event the result or the error.

Durability. Every write is fenced by the job's lease, so a runner that lost its lease never
writes. Every ``heartbeat_s`` the runner renews the leases of its jobs (a lost lease: the stream
is cancelled, nothing written), cancels the streams of jobs whose cancel was requested or that
ran past ``max_duration_s``, and re-queues other runners' jobs whose lease lapsed (their runner
died). A job interrupted by anything but a user's cancel — the trainer replica died, the runner is
stopping — is re-queued (up to ``max_attempts`` claims) and resumes from its checkpoint
(artifact ``checkpoints/<job_id>``, written by the trainer every ``checkpoint_every`` steps and
when stopped). A stream without a first event within ``first_event_timeout_s`` (the deployment
cannot be scheduled) fails the job. Uploads and checkpoints are deleted once the job is terminal.

Talk jobs have no checkpoint: a re-queued render starts again from its first frame.

Stored errors use the API's error vocabulary (:func:`serve.errors.map_exception`) and never carry
Ray internals (actor ids, addresses): see :func:`public_error`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from dataclasses import dataclass
from typing import Any

from ray import serve

from facechain.errors import NotFoundError
from serve.errors import map_exception, unwrap
from serve.jobs import (
    DEFAULT_MAX_ATTEMPTS,
    Job,
    JobState,
    JobStateError,
    JobStore,
    Lease,
)
from servekit.metrics import set_job_counts
from servekit.storage import ArtifactStore

logger = logging.getLogger(__name__)

__all__ = ["CHECKPOINTS", "TALK_KIND", "TRAIN_KIND", "JobRunner", "JobRunnerDeployment",
           "public_error"]

TRAIN_KIND = "train_lora"
TALK_KIND = "talk"
CHECKPOINTS = "checkpoints"  # artifact kind: checkpoints/<job_id>, the trainer's resumable state

# Exceptions (by class name along the MRO, after unwrapping RayTaskError) that mean the run was
# cut short by the platform, not by the job: re-queue and resume.
_INTERRUPTIONS = {
    "ActorUnavailableError": "the {who} replica became unreachable",
    "RayActorError": "the {who} replica died",
    "WorkerCrashedError": "the {who} replica's worker process crashed",
    "NodeDiedError": "the node of the {who} replica died",
    "LocalRayletDiedError": "the node of the {who} replica died",
    "ObjectLostError": "a result of the {who} replica was lost",
    "RequestCancelledError": "the {who} request was cancelled by the platform",
}
_SCRUB = [
    (re.compile(r"\b(actor|node|worker|job|task|replica|object)[ _-]?id[=: ]+\S+", re.I),
     r"\1 id <hidden>"),
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"), "<address>"),
    (re.compile(r"\[[0-9a-fA-F:]{3,}\](?::\d+)?"), "<address>"),
    (re.compile(r"\bpid[=: ]+\d+", re.I), "pid <hidden>"),
    (re.compile(r"\b[0-9a-f]{24,}\b"), "<id>"),
]


def scrub(message: str, limit: int = 500) -> str:
    """A message without actor/node ids, addresses or pids, cut to ``limit`` characters."""
    for pattern, repl in _SCRUB:
        message = pattern.sub(repl, message)
    return message[:limit]


def _interruption(exc: BaseException, who: str) -> str | None:
    """Why ``exc`` cut the run short, if it is the platform's doing (else None)."""
    names = [c.__name__ for c in type(unwrap(exc)).__mro__]
    for name, reason in _INTERRUPTIONS.items():
        if name in names:
            return reason.format(who=who)
    return None


def public_error(exc: BaseException, who: str = "worker") -> tuple[str, str]:
    """(type, message) to store for a job failed by ``exc``: the API's error type (as the HTTP
    error would carry it), its public message for 5xx, and nothing of Ray's internals."""
    base = unwrap(exc)
    names = {c.__name__ for c in type(base).__mro__}
    if "DeploymentUnavailableError" in names:
        return "service_unavailable", f"the {who} deployment is unavailable"
    reason = _interruption(base, who)
    if reason is not None:
        return "service_unavailable", reason
    mapped = map_exception(base)
    return mapped.type, scrub(mapped.message)


class _Unscheduled(Exception):
    """The deployment sent no first event in time: it cannot be scheduled."""


@dataclass
class _Active:
    lease: Lease
    kind: str
    task: asyncio.Task | None = None
    stop: str | None = None  # why the runner cancels the task: cancel, lost, overdue


class JobRunner:
    def __init__(self, store: JobStore, artifacts: ArtifactStore, trainer: Any, *,
                 talker: Any = None, runner_id: str = "runner", max_concurrent: int = 2,
                 max_talks: int = 1, poll_s: float = 0.5, heartbeat_s: float = 2.0,
                 stale_after_s: float = 30.0, max_attempts: int = DEFAULT_MAX_ATTEMPTS,
                 max_duration_s: float | None = 6 * 3600.0,
                 first_event_timeout_s: float = 300.0, checkpoint_every: int | None = None,
                 sweep_s: float = 60.0):
        """``max_concurrent`` trainings and ``max_talks`` talk renders at a time; ``talker``
        (the TalkingHead handle) None: talk jobs are left queued for a runner that has one.
        ``stale_after_s``: the lease length (a runner silent that long loses its jobs to
        another runner); ``max_attempts``: claims per job before an interrupted job fails;
        ``max_duration_s``: from the job's first start, across attempts (None: no limit);
        ``checkpoint_every``: training steps between checkpoints (None: the trainer's
        default); ``sweep_s``: how often uploads and checkpoints of terminal jobs are swept."""
        if heartbeat_s >= stale_after_s:
            raise ValueError(f"heartbeat_s ({heartbeat_s}) must be shorter than the lease "
                             f"(stale_after_s={stale_after_s})")
        self.store, self.artifacts, self.trainer, self.talker = store, artifacts, trainer, talker
        self.runner_id = runner_id
        self.limits = {TRAIN_KIND: max_concurrent}
        if talker is not None:
            self.limits[TALK_KIND] = max_talks
        self.max_concurrent = max_concurrent
        self.poll_s, self.heartbeat_s, self.stale_after_s = poll_s, heartbeat_s, stale_after_s
        self.max_attempts, self.max_duration_s = max_attempts, max_duration_s
        self.first_event_timeout_s, self.checkpoint_every = first_event_timeout_s, checkpoint_every
        self.sweep_s = sweep_s
        self._active: dict[str, _Active] = {}
        self._kinds: dict[str, str] = {}  # running job id -> kind (the slots in use)
        self._main: asyncio.Task | None = None
        self._last_sweep = float("-inf")

    @property
    def _running(self) -> dict[str, asyncio.Task]:
        """Running job id -> its task."""
        return {job_id: a.task for job_id, a in self._active.items() if a.task is not None}

    def start(self) -> None:
        self._main = asyncio.get_running_loop().create_task(self._loop())

    async def stop(self, timeout_s: float = 10.0) -> None:
        """Stop claiming and hand running jobs back (re-queued; the trainers checkpoint)."""
        if self._main is not None:
            self._main.cancel()
        tasks = [a.task for a in self._active.values() if a.task is not None]
        for task in tasks:
            task.cancel()
        if tasks:  # let them write their re-queue
            await asyncio.wait(tasks, timeout=timeout_s)

    async def _loop(self) -> None:
        last_beat = float("-inf")
        loop = asyncio.get_running_loop()
        while True:
            try:
                now = loop.time()
                if now - last_beat >= self.heartbeat_s:
                    last_beat = now
                    leases = [a.lease for a in self._active.values()]
                    for job_id, why in (await asyncio.to_thread(self._housekeeping, leases)).items():
                        active = self._active.get(job_id)
                        if active is not None and active.task is not None and active.stop is None:
                            active.stop = why  # asyncio tasks are cancelled on their own loop
                            active.task.cancel()
                while True:
                    free = self._free_kinds()
                    if not free:
                        break
                    job = await asyncio.to_thread(self.store.claim_next, free, self.runner_id,
                                                  lease_s=self.stale_after_s)
                    if job is None:
                        break
                    active = self._active[job.id] = _Active(job.lease, job.kind)
                    self._kinds[job.id] = job.kind
                    run = self._run if job.kind == TRAIN_KIND else self._run_talk
                    active.task = loop.create_task(run(job))
                    active.task.add_done_callback(lambda _t, jid=job.id: self._forget(jid))
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
        self._active.pop(job_id, None)
        self._kinds.pop(job_id, None)

    # -- housekeeping (a worker thread) ------------------------------------------------------

    def _housekeeping(self, leases: list[Lease]) -> dict[str, str]:
        """Renew leases, re-queue lapsed jobs, sweep, job metrics. Returns job id -> why its
        task must stop: ``cancel`` (requested), ``lost`` (lease gone), ``overdue``."""
        stop: dict[str, str] = {}
        now = time.time()
        for lease in leases:
            try:
                job = self.store.heartbeat(lease.job_id, lease, lease_s=self.stale_after_s)
            except JobStateError:  # LeaseLostError included: re-queued, taken over, finished
                stop[lease.job_id] = "lost"
                continue
            if job.cancel_requested:
                stop[lease.job_id] = "cancel"
            elif self._overdue(job, now):
                stop[lease.job_id] = "overdue"
        for job_id, state in self.store.reap_stale(self.stale_after_s,
                                                   max_attempts=self.max_attempts).items():
            if state.terminal:
                self._cleanup(job_id)
        if time.monotonic() - self._last_sweep >= self.sweep_s:
            self._last_sweep = time.monotonic()
            self._sweep()
        for kind in (TRAIN_KIND, TALK_KIND):
            counts = self.store.count_by_state(kind)
            set_job_counts(kind, {s.value: n for s, n in counts.items()},
                           states=[s.value for s in JobState])
        return stop

    def _overdue(self, job: Job, now: float) -> bool:
        return (self.max_duration_s is not None and job.started_at is not None
                and now - job.started_at.timestamp() > self.max_duration_s)

    def _cleanup(self, job_id: str) -> None:
        """A terminal job's uploads and checkpoint are no longer needed."""
        for kind in ("uploads", CHECKPOINTS):
            with contextlib.suppress(NotFoundError, ValueError, OSError):
                self.artifacts.delete(kind, job_id)

    def _sweep(self) -> None:
        """Uploads and checkpoints of terminal jobs (e.g. cancelled while queued, or failed by
        another runner). A folder without a job row is left alone (the ingress writes uploads
        before it creates the job)."""
        for kind in ("uploads", CHECKPOINTS):
            try:
                ids = self.artifacts.list(kind)
            except (ValueError, OSError):
                continue
            for job_id in ids:
                try:
                    terminal = self.store.get(job_id).terminal
                except NotFoundError:
                    continue
                if terminal:
                    with contextlib.suppress(NotFoundError, OSError):
                        self.artifacts.delete(kind, job_id)

    # -- one job -----------------------------------------------------------------------------

    async def _write(self, fn, *args, **kwargs) -> Job | None:
        """A fenced store write in a thread; None if the lease (or the job's state) refused it."""
        try:
            return await asyncio.shield(asyncio.to_thread(fn, *args, **kwargs))
        except JobStateError as exc:
            logger.info("job write refused: %s", exc.message)
            return None

    async def _finish(self, job_id: str, fn, *args, **kwargs) -> None:
        job = await self._write(fn, *args, **kwargs)
        if job is not None and job.terminal:
            await asyncio.shield(asyncio.to_thread(self._cleanup, job_id))

    async def _drive(self, job: Job, start, on_progress, on_result, who: str) -> None:
        """Run one job's stream under its lease: ``start()`` opens it (a streaming handle call);
        each ``progress`` / ``stage`` event goes to ``on_progress(event)``, the ``result`` event
        to ``on_result(event) -> result dict``, an ``error`` event fails the job."""
        store, lease = self.store, job.lease
        active = self._active.get(job.id) or _Active(lease, job.kind)
        stream = None
        try:
            stream = await start()
            events = stream.__aiter__()
            try:
                first = await asyncio.wait_for(events.__anext__(), self.first_event_timeout_s)
            except StopAsyncIteration:
                first = None
            except TimeoutError as exc:
                raise _Unscheduled() from exc
            event = first
            while event is not None:
                kind = event.get("event")
                if kind in ("progress", "stage"):
                    await on_progress(event, lease)
                elif kind == "result":
                    await self._finish(job.id, store.succeed, job.id, on_result(event),
                                       lease=lease)
                    return
                elif kind == "error":
                    await self._finish(job.id, store.fail, job.id, str(event["type"]),
                                       scrub(str(event["message"]), 2000), lease=lease)
                    return
                try:
                    event = await events.__anext__()
                except StopAsyncIteration:
                    event = None
            await self._finish(job.id, store.fail, job.id, "internal_error",
                               f"{who} ended without a result", lease=lease)
        except asyncio.CancelledError:
            await _close(stream)
            if active.stop == "cancel" or (active.stop is None and await asyncio.shield(
                    asyncio.to_thread(store.is_cancel_requested, job.id))):
                await self._finish(job.id, store.mark_cancelled, job.id, lease=lease)
            elif active.stop == "overdue":
                await self._finish(job.id, store.fail, job.id, "timeout",
                                   f"the job ran longer than the maximum of "
                                   f"{self.max_duration_s:g} s", lease=lease)
            elif active.stop == "lost":
                logger.warning("job %s: lease lost (attempt %d); dropped without writing",
                               job.id, lease.attempt)
            else:  # the runner is stopping: hand the job back, resumable
                await self._finish(job.id, store.requeue, lease, "the job runner stopped",
                                   max_attempts=self.max_attempts)
                raise
        except _Unscheduled:
            await _close(stream)
            await self._finish(job.id, store.fail, job.id, "service_unavailable",
                               f"the {who} could not be scheduled: no first event within "
                               f"{self.first_event_timeout_s:g} s", lease=lease)
        except JobStateError as exc:  # a progress write refused: the lease is gone
            await _close(stream)
            logger.warning("job %s dropped without writing: %s", job.id, exc.message)
        except Exception as exc:
            await _close(stream)
            reason = _interruption(exc, who)
            if reason is not None:
                logger.warning("job %s interrupted (attempt %d): %s: %s", job.id, lease.attempt,
                               type(exc).__name__, exc)
                await self._finish(job.id, store.requeue, lease, reason,
                                   max_attempts=self.max_attempts)
            else:
                logger.exception("job %s failed", job.id)
                error_type, message = public_error(exc, who)
                await self._finish(job.id, store.fail, job.id, error_type, message, lease=lease)

    async def _run(self, job: Job) -> None:
        """One training job: ``LoraTrainer.train`` streams stage / step events and the LoRA;
        it resumes from (and writes) the job's checkpoint."""
        store, params = self.store, job.params

        async def start():
            photos = await asyncio.to_thread(self._read_uploads, job.id)  # up to max_photos
            checkpoint: dict[str, Any] = {"id": job.id, "attempt": job.attempt}
            if self.checkpoint_every is not None:
                checkpoint["every"] = self.checkpoint_every
            spec = {"lora_id": params["lora_id"], "photos": photos,
                    "params": params.get("train", {}), "checkpoint": checkpoint}
            return self.trainer.options(stream=True).train.remote(spec)

        async def on_progress(event, lease):
            if event["event"] == "progress":
                await asyncio.to_thread(
                    store.update_progress, job.id, event["step"], event["total_steps"],
                    loss=event["loss"], eta_seconds=event["eta_seconds"], stage="train",
                    lease=lease, lease_s=self.stale_after_s)
            else:
                await asyncio.to_thread(store.update_progress, job.id, 0, stage=event["stage"],
                                        lease=lease, lease_s=self.stale_after_s)

        def on_result(event):
            result = {k: v for k, v in event.items() if k != "event"}
            if params.get("rejected") and isinstance(result.get("report"), dict):
                # photos the ingress could not decode never reached the trainer
                report = result["report"]
                report["rejected"] = [*params["rejected"], *report.get("rejected", [])]
            return result

        await self._drive(job, start, on_progress, on_result, "trainer")

    def _read_uploads(self, job_id: str) -> list[tuple[str, bytes]]:
        upload_dir = self.artifacts.path("uploads", job_id)
        return [(p.name.split("_", 1)[1], p.read_bytes())
                for p in sorted(upload_dir.iterdir()) if p.is_file()]

    def _read_talk_uploads(self, job_id: str, params: dict[str, Any]) -> dict[str, bytes | None]:
        upload_dir = self.artifacts.path("uploads", job_id)
        audio = params.get("audio_file")
        return {"portrait": (upload_dir / params["portrait_file"]).read_bytes(),
                "audio": (upload_dir / audio).read_bytes() if audio else None}

    async def _run_talk(self, job: Job) -> None:
        """One talk job: ``TalkingHead.render`` streams progress (stage, frame, frames) and
        ends with the result (the output id of the stored video) or an error."""
        store, params = self.store, job.params

        async def start():
            uploads = await asyncio.to_thread(self._read_talk_uploads, job.id, params)
            spec = {"output_id": params["output_id"], "talk": params.get("talk", {}),
                    "text": params.get("text"), "voice": params.get("voice"), **uploads}
            return self.talker.options(stream=True).render.remote(spec)

        async def on_progress(event, lease):
            frame, frames = int(event.get("frame", 0)), int(event.get("frames", 0))
            await asyncio.to_thread(store.update_progress, job.id, frame, frames or None,
                                    stage=event["stage"], frame=frame, frames=frames,
                                    lease=lease, lease_s=self.stale_after_s)

        await self._drive(job, start, on_progress,
                          lambda event: {k: v for k, v in event.items() if k != "event"},
                          "talking-head renderer")


async def _close(stream: Any) -> None:
    """Stop a stream we no longer read: a Serve response generator is cancelled (the replica
    sees the cancel and checkpoints), a plain async generator closed."""
    if stream is None:
        return
    with contextlib.suppress(Exception):
        if hasattr(stream, "cancel"):
            stream.cancel()
        elif hasattr(stream, "aclose"):
            await asyncio.shield(stream.aclose())


@serve.deployment(name="JobRunner")
class JobRunnerDeployment:
    """The job runner as its own deployment, so jobs do not depend on an Ingress replica's life
    (several replicas may run: leases keep each job on one). Same host as the job store."""

    def __init__(self, trainer, talker=None, *, job_store: str = "out/serve/jobs.sqlite3",
                 artifacts: str = "out/serve/artifacts", max_trainings: int = 2,
                 max_talks: int = 1, **runner_args: Any):
        """``runner_args``: the other :class:`JobRunner` settings (stale_after_s,
        max_attempts, max_duration_s, first_event_timeout_s, checkpoint_every ...)."""
        replica = serve.get_replica_context().replica_tag
        self.runner = JobRunner(JobStore(job_store), ArtifactStore(artifacts), trainer,
                                talker=talker, runner_id=f"runner-{replica}",
                                max_concurrent=max_trainings, max_talks=max_talks, **runner_args)
        self.runner.start()

    async def check_health(self) -> None:
        main = self.runner._main
        if main is not None and main.done():
            raise RuntimeError("the job runner loop stopped")

    async def __del__(self):
        await self.runner.stop()
