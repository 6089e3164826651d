"""Job store: the state and progress of long-running jobs (LoRA training, talking-head videos).

A job is a row in one SQLite file. The HTTP ingress creates jobs and reads them; job runners
(in Ingress replicas or a JobRunner deployment, on the same host) claim them, report progress and
finish them. All processes open the same file, so every state change is a single SQLite write
transaction (``BEGIN IMMEDIATE``) that checks the current state and writes the new one: two
runners can never both take a job, and an illegal transition raises :class:`JobStateError`.

Leases and fencing: a claim makes the claimer the job's lease owner (``runner``), bumps
``attempt`` and sets ``lease_expires_at``; heartbeats and progress renew it. Every write a runner
makes passes its :class:`Lease` (owner + attempt, the fencing token): a write under a lease that
is no longer the job's (re-queued, taken over, finished) raises :class:`LeaseLostError` and
changes nothing, so the loser of a race never writes. A running job whose lease lapsed is
re-queued by :meth:`JobStore.reap_stale` (any runner's housekeeping) and claimed again, attempt
+ 1, until ``max_attempts``; then it fails as ``interrupted``. A runner that stops or whose
trainer dies re-queues its job at once (:meth:`JobStore.requeue`).

Lifecycle::

    queued ──mark_running──> running ──succeed──> succeeded
      │                        │ ├────fail──────> failed
      │                        │ └─mark_cancelled> cancelled
      │<─requeue / reap_stale──┘   (lease lost; attempt < max_attempts, else failed)
      └──request_cancel / fail──────────────────> cancelled / failed

Cancelling a running job only sets ``cancel_requested``; the runner polls
:meth:`JobStore.is_cancel_requested` (or reads it from the job that :meth:`JobStore.update_progress`
returns), stops, and calls :meth:`JobStore.mark_cancelled`. Runners call
:meth:`JobStore.reap_stale` periodically for jobs whose runner died without a word (lapsed
lease). :meth:`JobStore.recover` is for a single-process deployment's start-up only: with several
runners sharing the store, leases do that job.

Methods are blocking but short (one small transaction, well under a millisecond on a local disk);
async callers with heavy traffic can wrap them in ``asyncio.to_thread``. The store is not meant
for a network filesystem: SQLite's WAL mode needs all writers on one host.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field

from facechain.errors import FaceChainError, InvalidInputError, NotFoundError

logger = logging.getLogger(__name__)

__all__ = [
    "TERMINAL_STATES",
    "Job",
    "JobError",
    "JobProgress",
    "JobState",
    "JobStateError",
    "JobStore",
    "Lease",
    "LeaseLostError",
]

INTERRUPTED_MESSAGE = "interrupted: the server restarted"
DEFAULT_LEASE_S = 30.0
DEFAULT_MAX_ATTEMPTS = 3


class JobState(StrEnum):
    """Where a job is: queued -> running -> succeeded, failed or cancelled."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def terminal(self) -> bool:
        return self in TERMINAL_STATES


TERMINAL_STATES = frozenset({JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED})


class JobStateError(FaceChainError):
    """An operation that the job's current state does not allow (e.g. finishing a finished job,
    or claiming a job another runner already took). Serving maps it to 409."""

    def __init__(self, job_id: str, state: JobState | str, action: str):
        super().__init__(f"job {job_id} is {state}: cannot {action}", param="job_id")
        self.job_id = job_id
        self.state = JobState(state)
        self.action = action

    def __reduce__(self):  # keep the three-argument constructor picklable (Ray hops)
        return (type(self), (self.job_id, self.state.value, self.action))


class LeaseLostError(JobStateError):
    """A runner's write under a lease the job no longer has (it was re-queued, taken over by
    another runner, or finished): nothing was written; the runner must drop the job."""

    def __init__(self, job_id: str, state: JobState | str, action: str):
        super().__init__(job_id, state, action)
        self.message = f"job {job_id} is {self.state}, no longer under this lease: cannot {action}"
        self.args = (self.message,)


@dataclass(frozen=True)
class Lease:
    """A runner's claim on a running job: the fencing token of its writes."""

    job_id: str
    owner: str
    attempt: int


class JobProgress(BaseModel):
    """How far a running job is. ``fraction`` is step / total_steps (0..1)."""

    model_config = ConfigDict(extra="forbid")

    step: int = Field(0, ge=0, description="Steps done so far.")
    total_steps: int | None = Field(None, ge=0, description="Steps in total, when known.")
    loss: float | None = Field(None, description="Latest training loss, for training jobs.")
    eta_seconds: float | None = Field(None, ge=0, description="Estimated seconds to completion.")
    fraction: float = Field(0.0, ge=0.0, le=1.0, description="Completed fraction, 0..1.")
    stage: str | None = Field(None, description="Current stage, e.g. 'preprocess' or 'train'; "
                              "for talk jobs 'speech', 'render', 'enhance', 'encode'.")
    frame: int | None = Field(None, ge=0, description="Talk jobs: video frames done so far.")
    frames: int | None = Field(None, ge=0, description="Talk jobs: video frames in total.")


class JobError(BaseModel):
    """Why a job failed: ``type`` is a stable identifier (an error class name or 'interrupted')."""

    model_config = ConfigDict(extra="forbid")

    type: str = Field(description="Stable error identifier, e.g. 'NoUsablePhotosError'.")
    message: str = Field(description="Human-readable explanation.")


class Job(BaseModel):
    """One job, as stored. Timestamps are timezone-aware UTC."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Job id (uuid4 hex).")
    kind: str = Field(description="What the job does, e.g. 'train_lora' or 'talk'.")
    state: JobState = Field(description="queued, running, succeeded, failed or cancelled.")
    progress: JobProgress = Field(default_factory=JobProgress, description="Progress so far.")
    params: dict[str, Any] = Field(default_factory=dict, description="Job parameters (JSON).")
    result: dict[str, Any] | None = Field(None, description="Result, once succeeded.")
    error: JobError | None = Field(None, description="Error, once failed or cancelled.")
    created_at: datetime = Field(description="When the job was queued.")
    started_at: datetime | None = Field(None, description="When a runner started it.")
    finished_at: datetime | None = Field(None, description="When it succeeded, failed or was "
                                         "cancelled.")
    updated_at: datetime = Field(description="Last change of state or progress.")
    heartbeat_at: datetime | None = Field(None, description="Last heartbeat of its runner.")
    cancel_requested: bool = Field(False, description="A cancel was asked while running.")
    runner: str | None = Field(None, description="Who runs (ran) the job: its lease owner.")
    attempt: int = Field(0, ge=0, description="How many times a runner claimed the job (an "
                         "interrupted job is re-queued and claimed again).")
    lease_expires_at: datetime | None = Field(None, description="When the runner's lease lapses "
                                              "unless renewed by a heartbeat.")

    @property
    def terminal(self) -> bool:
        return self.state in TERMINAL_STATES

    @property
    def lease(self) -> Lease | None:
        """The current lease of a running job (None otherwise)."""
        if self.state != JobState.RUNNING:
            return None
        return Lease(self.id, self.runner or "", self.attempt)


_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,
    state            TEXT NOT NULL,
    progress         TEXT NOT NULL,
    params           TEXT NOT NULL,
    result           TEXT,
    error            TEXT,
    created_at       REAL NOT NULL,
    started_at       REAL,
    finished_at      REAL,
    updated_at       REAL NOT NULL,
    heartbeat_at     REAL,
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    runner           TEXT,
    attempt          INTEGER NOT NULL DEFAULT 0,
    lease_expires_at REAL
);
CREATE INDEX IF NOT EXISTS jobs_state_kind_created ON jobs (state, kind, created_at);
CREATE INDEX IF NOT EXISTS jobs_created ON jobs (created_at);
"""
_COLUMNS = ("id, kind, state, progress, params, result, error, created_at, started_at, "
            "finished_at, updated_at, heartbeat_at, cancel_requested, runner, attempt, lease_expires_at")
_ADDED_COLUMNS = {"attempt": "INTEGER NOT NULL DEFAULT 0", "lease_expires_at": "REAL"}


def _dt(ts: float | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(ts, tz=UTC)


class JobStore:
    """Jobs in one SQLite file (WAL). Safe from several threads (one connection behind a lock)
    and from several processes on one host (SQLite file locks; each process opens its own
    connection, re-opened after a fork).

    ``clock`` returns epoch seconds; tests pass a fake one to age heartbeats. ``lease_s``: how
    long a claim or a heartbeat keeps a job's lease when the caller does not say.
    """

    def __init__(self, path: str | Path, *, busy_timeout_s: float = 30.0,
                 clock: Callable[[], float] = time.time, lease_s: float = DEFAULT_LEASE_S):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._busy_timeout_s = busy_timeout_s
        self._clock = clock
        self.lease_s = lease_s
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._pid = -1
        with self._lock:
            conn = self._connection()
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_SCHEMA)
            have = {row[1] for row in conn.execute("PRAGMA table_info(jobs)")}
            for name, decl in _ADDED_COLUMNS.items():  # a store written before leases
                if name not in have:
                    conn.execute(f"ALTER TABLE jobs ADD COLUMN {name} {decl}")

    # -- connection and transactions -------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        # A connection must not cross a fork: the child opens its own.
        if self._conn is None or self._pid != os.getpid():
            conn = sqlite3.connect(self.path, timeout=self._busy_timeout_s,
                                   isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(f"PRAGMA busy_timeout={int(self._busy_timeout_s * 1000)}")
            self._conn, self._pid = conn, os.getpid()
        return self._conn

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: takes SQLite's write lock up front, so read-check-write is atomic
        across processes."""
        with self._lock:
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _read(self, sql: str, args: Iterable[Any] = ()) -> list[tuple]:
        with self._lock:
            return self._connection().execute(sql, tuple(args)).fetchall()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- rows ------------------------------------------------------------------------------

    @staticmethod
    def _to_job(row: tuple) -> Job:
        (id_, kind, state, progress, params, result, error, created_at, started_at, finished_at,
         updated_at, heartbeat_at, cancel_requested, runner, attempt, lease_expires_at) = row
        return Job(
            id=id_, kind=kind, state=JobState(state),
            progress=JobProgress.model_validate_json(progress),
            params=json.loads(params),
            result=json.loads(result) if result is not None else None,
            error=JobError.model_validate_json(error) if error is not None else None,
            created_at=_dt(created_at), started_at=_dt(started_at),
            finished_at=_dt(finished_at), updated_at=_dt(updated_at),
            heartbeat_at=_dt(heartbeat_at), cancel_requested=bool(cancel_requested),
            runner=runner, attempt=attempt, lease_expires_at=_dt(lease_expires_at),
        )

    def _fetch(self, conn: sqlite3.Connection, job_id: str) -> Job:
        row = conn.execute(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"job '{job_id}' not found", param="job_id")
        return self._to_job(row)

    def _set(self, conn: sqlite3.Connection, job_id: str, **fields: Any) -> None:
        fields["updated_at"] = self._clock()
        cols = ", ".join(f"{name} = ?" for name in fields)
        conn.execute(f"UPDATE jobs SET {cols} WHERE id = ?", (*fields.values(), job_id))

    @staticmethod
    def _json(value: Any, param: str) -> str:
        try:
            return json.dumps(value, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise InvalidInputError(f"{param} must be JSON-serialisable: {exc}",
                                    param=param) from exc

    # -- creating and reading --------------------------------------------------------------

    def create(self, kind: str, params: dict[str, Any] | None = None, *,
               job_id: str | None = None) -> Job:
        """A new queued job. ``params`` must be JSON-serialisable."""
        job_id = job_id or uuid.uuid4().hex
        now = self._clock()
        params_json = self._json(params or {}, "params")
        with self._tx() as conn:
            try:
                conn.execute(
                    f"INSERT INTO jobs ({_COLUMNS}) VALUES "
                    "(?, ?, ?, ?, ?, NULL, NULL, ?, NULL, NULL, ?, NULL, 0, NULL, 0, NULL)",
                    (job_id, kind, JobState.QUEUED.value, JobProgress().model_dump_json(),
                     params_json, now, now))
            except sqlite3.IntegrityError as exc:
                raise InvalidInputError(f"job '{job_id}' already exists",
                                        param="job_id") from exc
            return self._fetch(conn, job_id)

    def get(self, job_id: str) -> Job:
        """The job; :class:`NotFoundError` if there is none."""
        with self._lock:
            return self._fetch(self._connection(), job_id)

    def list(self, *, kind: str | None = None,
             state: JobState | str | Iterable[JobState | str] | None = None,
             limit: int = 100) -> list[Job]:
        """Jobs, newest first, filtered by kind and by one state or several."""
        where, args = [], []
        if kind is not None:
            where.append("kind = ?")
            args.append(kind)
        if state is not None:
            states = [state] if isinstance(state, str) else list(state)
            values = [JobState(s).value for s in states]
            where.append(f"state IN ({', '.join('?' * len(values))})")
            args.extend(values)
        sql = f"SELECT {_COLUMNS} FROM jobs"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY created_at DESC, rowid DESC LIMIT ?"
        return [self._to_job(row) for row in self._read(sql, [*args, int(limit)])]

    def next_queued(self, kind: str | None = None) -> Job | None:
        """The oldest queued job (of ``kind``), without claiming it; see :meth:`claim_next`."""
        sql = f"SELECT {_COLUMNS} FROM jobs WHERE state = ?"
        args: list[Any] = [JobState.QUEUED.value]
        if kind is not None:
            sql += " AND kind = ?"
            args.append(kind)
        rows = self._read(sql + " ORDER BY created_at, rowid LIMIT 1", args)
        return self._to_job(rows[0]) if rows else None

    def is_cancel_requested(self, job_id: str) -> bool:
        """True once a cancel was asked for (or the job is already cancelled)."""
        job = self.get(job_id)
        return job.cancel_requested or job.state == JobState.CANCELLED

    def count_by_state(self, kind: str | None = None) -> dict[JobState, int]:
        """Number of jobs (of ``kind``) in each state (every state present, zeros included),
        for metrics."""
        counts = {state: 0 for state in JobState}
        sql, args = "SELECT state, COUNT(*) FROM jobs", ()
        if kind is not None:
            sql, args = sql + " WHERE kind = ?", (kind,)
        for state, n in self._read(sql + " GROUP BY state", args):
            counts[JobState(state)] = n
        return counts

    # -- the runner's side -----------------------------------------------------------------

    def _claim(self, conn: sqlite3.Connection, job: Job, runner: str | None,
               lease_s: float | None) -> Job:
        now = self._clock()
        self._set(conn, job.id, state=JobState.RUNNING.value, heartbeat_at=now, runner=runner,
                  started_at=job.started_at.timestamp() if job.started_at else now,
                  attempt=job.attempt + 1,
                  lease_expires_at=now + (self.lease_s if lease_s is None else lease_s))
        return self._fetch(conn, job.id)

    def _fenced(self, conn: sqlite3.Connection, job_id: str, lease: Lease | None, action: str,
                allowed: Iterable[JobState] = (JobState.RUNNING,)) -> Job:
        """The job, if it is in ``allowed`` and (with a lease) still under ``lease``."""
        job = self._fetch(conn, job_id)
        if lease is not None and (job.state != JobState.RUNNING or (job.runner or "") != lease.owner
                                  or job.attempt != lease.attempt):
            raise LeaseLostError(job_id, job.state, action)
        if job.state not in set(allowed):
            raise JobStateError(job_id, job.state, action)
        return job

    def mark_running(self, job_id: str, runner: str | None = None, *,
                     lease_s: float | None = None) -> Job:
        """Claim a queued job (compare-and-set). :class:`JobStateError` if it is not queued
        any more, e.g. another runner took it first or it was cancelled. The job's
        :attr:`Job.lease` is the claimer's fencing token."""
        with self._tx() as conn:
            job = self._fenced(conn, job_id, None, "start it", [JobState.QUEUED])
            return self._claim(conn, job, runner, lease_s)

    def claim_next(self, kind: str | Iterable[str] | None = None,
                   runner: str | None = None, *, lease_s: float | None = None) -> Job | None:
        """Atomically take the oldest queued job (of ``kind``, or of one of several kinds) and
        mark it running under a new lease (``attempt`` + 1); None if there is none."""
        sql = f"SELECT {_COLUMNS} FROM jobs WHERE state = ?"
        args: list[Any] = [JobState.QUEUED.value]
        if kind is not None:
            kinds = [kind] if isinstance(kind, str) else list(kind)
            if not kinds:
                return None
            sql += f" AND kind IN ({', '.join('?' * len(kinds))})"
            args.extend(kinds)
        with self._tx() as conn:
            row = conn.execute(sql + " ORDER BY created_at, rowid LIMIT 1", args).fetchone()
            if row is None:
                return None
            return self._claim(conn, self._to_job(row), runner, lease_s)

    def update_progress(self, job_id: str, step: int, total_steps: int | None = None, *,
                        loss: float | None = None, eta_seconds: float | None = None,
                        stage: str | None = None, frame: int | None = None,
                        frames: int | None = None, lease: Lease | None = None,
                        lease_s: float | None = None) -> Job:
        """Record progress of a running job and refresh its heartbeat (and, with ``lease``,
        renew the lease).

        ``eta_seconds`` defaults to an estimate from the time since start and the fraction done.
        Returns the job, so the runner can read ``cancel_requested`` without another query.
        :class:`JobStateError` if the job is no longer running (reaped, recovered, finished),
        :class:`LeaseLostError` if it is no longer under ``lease``.
        """
        with self._tx() as conn:
            job = self._fenced(conn, job_id, lease, "update its progress")
            now = self._clock()
            total = total_steps if total_steps is not None else job.progress.total_steps
            fraction = min(1.0, max(0.0, step / total)) if total else 0.0
            if eta_seconds is None and fraction > 0.0 and job.started_at is not None:
                elapsed = max(0.0, now - job.started_at.timestamp())
                eta_seconds = elapsed * (1.0 - fraction) / fraction
            progress = JobProgress(step=step, total_steps=total, loss=loss,
                                   eta_seconds=eta_seconds, fraction=fraction,
                                   stage=stage if stage is not None else job.progress.stage,
                                   frame=frame, frames=frames)
            fields: dict[str, Any] = {"progress": progress.model_dump_json(), "heartbeat_at": now}
            if lease is not None:
                fields["lease_expires_at"] = now + (self.lease_s if lease_s is None else lease_s)
            self._set(conn, job_id, **fields)
            return self._fetch(conn, job_id)

    def heartbeat(self, job_id: str, lease: Lease | None = None, *,
                  lease_s: float | None = None) -> Job:
        """Tell the store the runner of a running job is alive, renewing its lease for
        ``lease_s``. Returns the job (see ``cancel_requested``); :class:`JobStateError` if it is
        no longer running, :class:`LeaseLostError` if no longer under ``lease``."""
        with self._tx() as conn:
            self._fenced(conn, job_id, lease, "heartbeat")
            now = self._clock()
            self._set(conn, job_id, heartbeat_at=now,
                      lease_expires_at=now + (self.lease_s if lease_s is None else lease_s))
            return self._fetch(conn, job_id)

    def succeed(self, job_id: str, result: dict[str, Any] | None = None, *,
                lease: Lease | None = None) -> Job:
        """Finish a running job with its (JSON-serialisable) result."""
        result_json = self._json(result or {}, "result")
        with self._tx() as conn:
            job = self._fenced(conn, job_id, lease, "mark it succeeded")
            progress = job.progress.model_copy(update={"fraction": 1.0, "eta_seconds": 0.0})
            if progress.total_steps:
                progress.step = progress.total_steps
            self._set(conn, job_id, state=JobState.SUCCEEDED.value, result=result_json,
                      progress=progress.model_dump_json(), finished_at=self._clock(),
                      lease_expires_at=None)
            return self._fetch(conn, job_id)

    def fail(self, job_id: str, error_type: str, message: str, *,
             lease: Lease | None = None) -> Job:
        """Finish a queued or running job as failed (with ``lease``: only the lease's run)."""
        error = JobError(type=error_type, message=message).model_dump_json()
        with self._tx() as conn:
            self._fenced(conn, job_id, lease, "mark it failed",
                         [JobState.QUEUED, JobState.RUNNING])
            self._set(conn, job_id, state=JobState.FAILED.value, error=error,
                      finished_at=self._clock(), lease_expires_at=None)
            return self._fetch(conn, job_id)

    def mark_cancelled(self, job_id: str, *, lease: Lease | None = None) -> Job:
        """The runner stopped a job after a cancel request (or never started it)."""
        error = JobError(type="cancelled", message="cancelled by request").model_dump_json()
        with self._tx() as conn:
            self._fenced(conn, job_id, lease, "cancel it", [JobState.QUEUED, JobState.RUNNING])
            self._set(conn, job_id, state=JobState.CANCELLED.value, error=error,
                      cancel_requested=1, finished_at=self._clock(), lease_expires_at=None)
            return self._fetch(conn, job_id)

    def requeue(self, lease: Lease, reason: str, *,
                max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> Job:
        """Give a running job back: its run was interrupted by something other than a cancel
        (the runner is stopping, the trainer replica died). It is queued again for any runner
        (progress kept; the trainer resumes from its checkpoint) unless ``max_attempts`` claims
        are used up (then failed as ``interrupted``, ``reason`` in the message); a pending
        cancel becomes cancelled. :class:`LeaseLostError` if the job is no longer under
        ``lease``."""
        with self._tx() as conn:
            job = self._fenced(conn, lease.job_id, lease, "re-queue it")
            self._requeue_row(conn, job, reason, max_attempts)
            return self._fetch(conn, job.id)

    def _requeue_row(self, conn: sqlite3.Connection, job: Job, reason: str,
                     max_attempts: int) -> JobState:
        now = self._clock()
        if job.cancel_requested:
            error = JobError(type="cancelled", message="cancelled by request")
            state = JobState.CANCELLED
        elif job.attempt >= max_attempts:
            error = JobError(type="interrupted",
                             message=f"interrupted {job.attempt} time(s), giving up; "
                                     f"last: {reason}")
            state = JobState.FAILED
        else:
            logger.warning("job %s re-queued after attempt %d: %s", job.id, job.attempt, reason)
            self._set(conn, job.id, state=JobState.QUEUED.value, runner=None,
                      heartbeat_at=None, lease_expires_at=None)
            return JobState.QUEUED
        self._set(conn, job.id, state=state.value, finished_at=now, lease_expires_at=None,
                  error=error.model_dump_json())
        return state

    # -- the client's side -----------------------------------------------------------------

    def request_cancel(self, job_id: str) -> Job:
        """Cancel a job: a queued one becomes cancelled at once; a running one gets
        ``cancel_requested`` and its runner finishes the cancel. Cancelling a cancelled job
        returns it unchanged; a succeeded or failed job raises :class:`JobStateError`."""
        with self._tx() as conn:
            job = self._fetch(conn, job_id)
            now = self._clock()
            if job.state == JobState.QUEUED:
                error = JobError(type="cancelled", message="cancelled by request")
                self._set(conn, job_id, state=JobState.CANCELLED.value, cancel_requested=1,
                          error=error.model_dump_json(), finished_at=now)
            elif job.state == JobState.RUNNING:
                if not job.cancel_requested:
                    self._set(conn, job_id, cancel_requested=1)
            elif job.state != JobState.CANCELLED:
                raise JobStateError(job_id, job.state, "cancel it")
            return self._fetch(conn, job_id)

    # -- recovery --------------------------------------------------------------------------

    def recover(self, requeue: bool = False) -> list[str]:
        """At start-up of a single-process deployment: no job may stay "running" from a previous
        process. Each running job is queued again (``requeue=True``, progress reset) or failed as
        interrupted; a running job with a pending cancel becomes cancelled either way. Returns
        the ids touched. Not for stores shared by live runners (it ignores their leases)."""
        with self._tx() as conn:
            rows = conn.execute("SELECT id, cancel_requested FROM jobs WHERE state = ?",
                                (JobState.RUNNING.value,)).fetchall()
            now = self._clock()
            for job_id, cancel_requested in rows:
                if cancel_requested:
                    error = JobError(type="cancelled", message="cancelled by request")
                    self._set(conn, job_id, state=JobState.CANCELLED.value, finished_at=now,
                              error=error.model_dump_json(), lease_expires_at=None)
                elif requeue:
                    self._set(conn, job_id, state=JobState.QUEUED.value, started_at=None,
                              heartbeat_at=None, runner=None, lease_expires_at=None,
                              progress=JobProgress().model_dump_json())
                else:
                    error = JobError(type="interrupted", message=INTERRUPTED_MESSAGE)
                    self._set(conn, job_id, state=JobState.FAILED.value, finished_at=now,
                              error=error.model_dump_json(), lease_expires_at=None)
        ids = [row[0] for row in rows]
        if ids:
            logger.warning("recovered %d running job(s) (%s): %s", len(ids),
                           "re-queued" if requeue else "failed", ", ".join(ids))
        return ids

    def reap_stale(self, timeout_s: float | None = None, *,
                   max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> dict[str, JobState]:
        """Running jobs whose runner died: their lease lapsed (or, for a row without a lease,
        no heartbeat for ``timeout_s``, default the store's ``lease_s``). Each is re-queued
        (another runner resumes it) or, after ``max_attempts`` claims, failed as
        ``interrupted``; a pending cancel becomes cancelled. Returns id -> new state."""
        timeout_s = self.lease_s if timeout_s is None else timeout_s
        with self._tx() as conn:
            now = self._clock()
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM jobs WHERE state = ? AND (lease_expires_at < ? OR "
                "(lease_expires_at IS NULL AND COALESCE(heartbeat_at, started_at, updated_at) < ?))",
                (JobState.RUNNING.value, now, now - timeout_s)).fetchall()
            touched = {}
            for row in rows:
                job = self._to_job(row)
                touched[job.id] = self._requeue_row(
                    conn, job, f"the lease of runner '{job.runner}' lapsed (no heartbeat)",
                    max_attempts)
        if touched:
            logger.warning("reaped %d stale job(s): %s", len(touched),
                           ", ".join(f"{k} -> {v}" for k, v in touched.items()))
        return touched
