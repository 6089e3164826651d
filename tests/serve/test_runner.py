"""The job runner over fake LoraTrainer handles: the event loop it shares with the HTTP routes
only awaits (uploads, the job store and housekeeping run in worker threads), a cancel requested
through the store stops the running job; durable jobs: a trainer that dies mid-job or a runner
that stops re-queues the job and a second runner resumes it from its checkpoint, exactly once; a
lapsed lease is taken over and the loser never writes; max duration; unschedulable trainers."""

from __future__ import annotations

import asyncio
import json
import threading
import time

import pytest
import ray.exceptions
from ray.serve._private.common import DeploymentID
from ray.serve.exceptions import DeploymentUnavailableError

from facechain.errors import InvalidInputError, NotFoundError
from serve.jobs import JobState, JobStore, LeaseLostError
from serve.runner import CHECKPOINTS, TRAIN_KIND, JobRunner, public_error, scrub
from servekit.storage import ArtifactStore

from .ingress_fakes import on_loop as _on_loop


class FakeTrainer:
    """``trainer.options(stream=True).train.remote(spec)``: one stage event, then nothing until
    the stream is cancelled."""

    def __init__(self):
        self.specs: list[dict] = []
        self.started = threading.Event()

    def options(self, **_):
        return self

    @property
    def train(self):
        return self

    def remote(self, spec):
        self.specs.append(spec)
        return self._stream()

    async def _stream(self):
        yield {"event": "stage", "stage": "preprocess+train"}
        self.started.set()
        await asyncio.Event().wait()  # training "runs" until cancelled


def test_a_requested_cancel_stops_the_job_and_blocking_work_stays_off_the_loop(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite3")
    artifacts = ArtifactStore(tmp_path / "artifacts")
    job = store.create(TRAIN_KIND, {"lora_id": "lora1", "train": {}})
    artifacts.put_bytes("uploads", job.id, "000_a.jpg", b"jpeg bytes")
    trainer = FakeTrainer()
    runner = JobRunner(store, artifacts, trainer, poll_s=0.01, heartbeat_s=0.01)

    on_loop: dict[str, list[bool]] = {}
    for name in ("path", "delete"):
        real = getattr(artifacts, name)

        def spy(*args, _real=real, _name=name):
            on_loop.setdefault(_name, []).append(_on_loop())
            return _real(*args)

        setattr(artifacts, name, spy)  # this instance only
    heartbeat = store.heartbeat

    def heartbeat_spy(*args, **kwargs):
        on_loop.setdefault("heartbeat", []).append(_on_loop())
        return heartbeat(*args, **kwargs)

    store.heartbeat = heartbeat_spy

    async def run() -> JobState:
        runner.start()
        for _ in range(3000):  # 30 s at most
            if trainer.started.is_set():
                break
            await asyncio.sleep(0.01)
        assert trainer.started.is_set(), "the job never reached the trainer"
        await asyncio.to_thread(store.request_cancel, job.id)
        state = JobState.RUNNING
        for _ in range(3000):
            state = (await asyncio.to_thread(store.get, job.id)).state
            if state != JobState.RUNNING and not runner._running:
                break
            await asyncio.sleep(0.01)
        await runner.stop()
        return state

    assert asyncio.run(run()) == JobState.CANCELLED
    assert trainer.specs[0]["photos"] == [("a.jpg", b"jpeg bytes")]
    assert artifacts.list("uploads") == []  # removed once the job ended
    for name in ("path", "delete", "heartbeat"):
        assert on_loop.get(name), f"{name} was not called"
        assert not any(on_loop[name]), f"{name} ran on the event loop"


# -- durable jobs: leases, re-queue and resume ---------------------------------------------------


class ScriptedTrainer:
    """A LoraTrainer stand-in with a checkpoint: ``train.remote(spec)`` streams ``steps`` progress
    events, resuming after the step stored in the artifact ``checkpoints/<job id>`` (written
    after every step, and when the stream is cancelled, as the real trainer does). ``die_at``:
    the replica "dies" (ActorDiedError) instead of finishing that step; ``hang_at``: the run
    waits there until cancelled; ``silent``: no first event ever (unschedulable)."""

    def __init__(self, artifacts: ArtifactStore, steps: int = 5, *, die_at: int | None = None,
                 hang_at: int | None = None, silent: bool = False):
        self.artifacts, self.steps = artifacts, steps
        self.die_at, self.hang_at, self.silent = die_at, hang_at, silent
        self.calls: list[dict] = []
        self.hanging, self.cancelled = threading.Event(), threading.Event()

    def options(self, **_):
        return self

    @property
    def train(self):
        return self

    def remote(self, spec):
        return self._stream(spec)

    def _stored_step(self, job_id: str) -> int:
        try:
            return json.loads(self.artifacts.read_bytes(CHECKPOINTS, job_id, "state.json"))["step"]
        except NotFoundError:
            return 0

    def _save(self, job_id: str, step: int) -> None:
        self.artifacts.put_bytes(CHECKPOINTS, job_id, "state.json", json.dumps({"step": step}).encode())

    async def _stream(self, spec):
        job_id, attempt = spec["checkpoint"]["id"], spec["checkpoint"]["attempt"]
        if self.silent:
            await asyncio.Event().wait()
        start = step = self._stored_step(job_id)
        self.calls.append({"attempt": attempt, "start": start, "photos": spec["photos"]})
        yield {"event": "stage", "stage": "preprocess+train"}
        try:
            while step < self.steps:
                if step == self.hang_at:
                    self.hanging.set()
                    await asyncio.Event().wait()
                if step + 1 == self.die_at:
                    raise ray.exceptions.ActorDiedError()
                step += 1
                self._save(job_id, step)
                yield {"event": "progress", "step": step, "total_steps": self.steps, "loss": 0.1,
                       "eta_seconds": 1.0}
                await asyncio.sleep(0.001)
        except (asyncio.CancelledError, GeneratorExit):
            self.cancelled.set()
            self._save(job_id, step)
            raise
        yield {"event": "result", "lora_id": spec["lora_id"], "steps": step, "resumed_from": start}


def _job_with_uploads(store: JobStore, artifacts: ArtifactStore) -> str:
    job = store.create(TRAIN_KIND, {"lora_id": "lora1", "train": {}})
    artifacts.put_bytes("uploads", job.id, "000_a.jpg", b"jpeg bytes")
    return job.id


def _runner(store, artifacts, trainer, name: str, **kwargs) -> JobRunner:
    kwargs = {"poll_s": 0.01, "heartbeat_s": 0.05, "stale_after_s": 5.0, **kwargs}
    return JobRunner(store, artifacts, trainer, runner_id=name, **kwargs)


async def _until(predicate, timeout_s: float = 20.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout_s
    while not await asyncio.to_thread(predicate):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.01)


def _stores(tmp_path, name: str):
    """A second runner's own connections, as another replica would open them."""
    return JobStore(tmp_path / "jobs.sqlite3"), ArtifactStore(tmp_path / "artifacts")


def test_a_replica_death_requeues_the_job_and_a_second_runner_resumes_it_once(tmp_path):
    store, artifacts = _stores(tmp_path, "a")
    job_id = _job_with_uploads(store, artifacts)
    dying = ScriptedTrainer(artifacts, die_at=3)  # checkpoints steps 1, 2; dies in step 3
    first = _runner(store, artifacts, dying, "runner-a", poll_s=30)  # no second claim soon
    store_b, artifacts_b = _stores(tmp_path, "b")
    healthy = ScriptedTrainer(artifacts_b)
    second = _runner(store_b, artifacts_b, healthy, "runner-b")
    succeeded = []
    real_succeed = store_b.succeed
    store_b.succeed = lambda *a, **k: succeeded.append(a[0]) or real_succeed(*a, **k)

    async def scenario():
        first.start()
        await _until(lambda: store.get(job_id).state == JobState.QUEUED
                     and store.get(job_id).attempt == 1, what="the re-queue")
        await first.stop()
        queued = store.get(job_id)
        assert queued.error is None and queued.progress.step == 2
        assert artifacts.exists("uploads", job_id)  # kept: the job is not over
        second.start()
        await _until(lambda: store.get(job_id).terminal, what="the resumed run")
        await second.stop()

    asyncio.run(scenario())
    job = store.get(job_id)
    assert job.state == JobState.SUCCEEDED, job.error
    assert job.attempt == 2 and job.runner == "runner-b"
    assert job.result == {"lora_id": "lora1", "steps": 5, "resumed_from": 2}
    assert succeeded == [job_id]  # exactly once
    assert [c["attempt"] for c in dying.calls] == [1] and healthy.calls[0]["start"] == 2
    assert healthy.calls[0]["photos"] == [("a.jpg", b"jpeg bytes")]  # uploads survived the re-queue
    assert artifacts.list("uploads") == [] and artifacts.list(CHECKPOINTS) == []  # gone once terminal


def test_a_runner_stopped_mid_job_leaves_it_resumable(tmp_path):
    store, artifacts = _stores(tmp_path, "a")
    job_id = _job_with_uploads(store, artifacts)
    hanging = ScriptedTrainer(artifacts, hang_at=2)
    first = _runner(store, artifacts, hanging, "runner-a")
    second = _runner(*_stores(tmp_path, "b"), ScriptedTrainer(artifacts), "runner-b")

    async def scenario():
        first.start()
        await _until(hanging.hanging.is_set, what="the trainer")
        await first.stop()  # e.g. the ingress replica scales down
        assert hanging.cancelled.is_set()  # the stream was cancelled: the trainer checkpointed
        job = store.get(job_id)
        assert job.state == JobState.QUEUED and job.attempt == 1 and job.runner is None
        assert artifacts.exists("uploads", job_id) and artifacts.exists(CHECKPOINTS, job_id)
        second.start()
        await _until(lambda: store.get(job_id).terminal, what="the resumed run")
        await second.stop()

    asyncio.run(scenario())
    job = store.get(job_id)
    assert job.state == JobState.SUCCEEDED and job.attempt == 2
    assert job.result["resumed_from"] == 2 and job.result["steps"] == 5


def test_a_lapsed_lease_is_taken_over_and_the_dead_runner_cannot_write(tmp_path):
    store, artifacts = _stores(tmp_path, "a")
    job_id = _job_with_uploads(store, artifacts)
    dead = store.claim_next(TRAIN_KIND, runner="dead-replica", lease_s=0.3).lease  # then silence
    artifacts.put_bytes(CHECKPOINTS, job_id, "state.json", b'{"step": 3}')
    trainer = ScriptedTrainer(artifacts)
    runner = _runner(store, artifacts, trainer, "runner-b", stale_after_s=2.0)

    async def scenario():
        runner.start()
        await _until(lambda: store.get(job_id).terminal, what="the takeover")
        await runner.stop()

    asyncio.run(scenario())
    job = store.get(job_id)
    assert job.state == JobState.SUCCEEDED and job.attempt == 2 and job.runner == "runner-b"
    assert job.result["resumed_from"] == 3
    with pytest.raises(LeaseLostError):
        store.succeed(job_id, {"lora_id": "twice"}, lease=dead)
    assert store.get(job_id).result["resumed_from"] == 3


def test_a_runner_that_lost_its_lease_stops_its_stream_and_writes_nothing(tmp_path):
    store, artifacts = _stores(tmp_path, "a")
    job_id = _job_with_uploads(store, artifacts)
    trainer = ScriptedTrainer(artifacts, hang_at=2)
    runner = _runner(store, artifacts, trainer, "runner-a")

    async def scenario():
        runner.start()
        await _until(trainer.hanging.is_set, what="the trainer")
        # runner-a is paused past its lease (a GC pause, a partition); runner-b takes over
        with store._tx() as conn:
            conn.execute("UPDATE jobs SET lease_expires_at = 0 WHERE id = ?", (job_id,))
        assert store.reap_stale() == {job_id: JobState.QUEUED}
        winner = store.claim_next(TRAIN_KIND, runner="runner-b", lease_s=60)
        await _until(trainer.cancelled.is_set, what="the loser's stream to stop")
        await _until(lambda: not runner._running, what="the loser's task to end")
        await runner.stop()
        return winner

    winner = asyncio.run(scenario())
    job = store.get(job_id)
    assert job.state == JobState.RUNNING and job.runner == "runner-b"
    assert job.attempt == winner.attempt == 2 and job.updated_at == winner.updated_at
    assert artifacts.exists("uploads", job_id)


def test_max_duration_fails_the_job_and_cancels_its_stream(tmp_path):
    store, artifacts = _stores(tmp_path, "a")
    job_id = _job_with_uploads(store, artifacts)
    trainer = ScriptedTrainer(artifacts, hang_at=1)
    runner = _runner(store, artifacts, trainer, "runner-a", max_duration_s=0.5)

    async def scenario():
        runner.start()
        await _until(lambda: store.get(job_id).terminal, what="the time limit")
        await runner.stop()

    asyncio.run(scenario())
    job = store.get(job_id)
    assert job.state == JobState.FAILED and job.error.type == "timeout"
    assert job.error.message == "the job ran longer than the maximum of 0.5 s"
    assert trainer.cancelled.is_set() and artifacts.list("uploads") == []


def test_an_unschedulable_trainer_fails_the_job_with_a_clear_reason(tmp_path):
    store, artifacts = _stores(tmp_path, "a")
    silent_job = _job_with_uploads(store, artifacts)
    runner = _runner(store, artifacts, ScriptedTrainer(artifacts, silent=True), "runner-a",
                     first_event_timeout_s=0.3)

    async def scenario(r):
        r.start()
        await _until(lambda: not store.list(state=[JobState.QUEUED, JobState.RUNNING]),
                     what="the jobs to fail")
        await r.stop()

    asyncio.run(scenario(runner))
    job = store.get(silent_job)
    assert job.state == JobState.FAILED and job.error.type == "service_unavailable"
    assert job.error.message == "the trainer could not be scheduled: no first event within 0.3 s"

    class Unavailable(ScriptedTrainer):
        def remote(self, spec):
            raise DeploymentUnavailableError(DeploymentID(name="LoraTrainer", app_name="facechain"))

    gone_job = _job_with_uploads(store, artifacts)
    asyncio.run(scenario(_runner(store, artifacts, Unavailable(artifacts), "runner-b")))
    job = store.get(gone_job)
    assert job.state == JobState.FAILED and job.error.type == "service_unavailable"
    assert job.error.message == "the trainer deployment is unavailable"
    assert artifacts.list("uploads") == []


def test_repeated_replica_deaths_fail_after_max_attempts_without_ray_internals(tmp_path):
    store, artifacts = _stores(tmp_path, "a")
    job_id = _job_with_uploads(store, artifacts)
    runner = _runner(store, artifacts, ScriptedTrainer(artifacts, die_at=1), "runner-a",
                     max_attempts=2)

    async def scenario():
        runner.start()
        await _until(lambda: store.get(job_id).terminal, what="the job to fail")
        await runner.stop()

    asyncio.run(scenario())
    job = store.get(job_id)
    assert job.state == JobState.FAILED and job.attempt == 2
    assert job.error.type == "interrupted"
    assert job.error.message == "interrupted 2 time(s), giving up; last: the trainer replica died"


def test_public_errors_use_the_api_vocabulary_and_hide_ray_internals():
    assert public_error(ray.exceptions.ActorDiedError(), "trainer") == (
        "service_unavailable", "the trainer replica died")
    assert public_error(InvalidInputError("resolution 63 is not a multiple of 8")) == (
        "invalid_input", "resolution 63 is not a multiple of 8")
    assert public_error(RuntimeError("CUDA error at 10.0.0.7")) == (
        "internal_error", "internal server error")
    text = ("ActorDiedError: The actor died. actor_id=3f2a9c0d1e2b3a4c5d6e7f8091a2b3c4 "
            "ip=10.1.2.3:6379 pid=4242 node_id: 9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc")
    clean = scrub(text)
    for leak in ("3f2a9c0d", "10.1.2.3", "4242", "9f8e7d6c"):
        assert leak not in clean, clean


def test_uploads_of_jobs_cancelled_while_queued_are_swept(tmp_path):
    store, artifacts = _stores(tmp_path, "a")
    cancelled = _job_with_uploads(store, artifacts)
    store.request_cancel(cancelled)
    artifacts.put_bytes("uploads", "notyetajob", "000_a.jpg", b"x")  # the ingress mid-request
    runner = _runner(store, artifacts, ScriptedTrainer(artifacts), "runner-a", sweep_s=0.0)
    runner._housekeeping([])
    assert artifacts.list("uploads") == ["notyetajob"]


def test_concurrency_comes_from_config(tmp_path):
    store, artifacts = _stores(tmp_path, "a")
    ids = [_job_with_uploads(store, artifacts) for _ in range(3)]
    trainer = ScriptedTrainer(artifacts, hang_at=0)
    runner = _runner(store, artifacts, trainer, "runner-a", max_concurrent=2)

    async def scenario():
        runner.start()
        await _until(lambda: store.count_by_state(TRAIN_KIND)[JobState.RUNNING] == 2,
                     what="two trainings")
        await asyncio.sleep(0.2)
        assert store.count_by_state(TRAIN_KIND)[JobState.QUEUED] == 1
        await runner.stop()

    asyncio.run(scenario())
    assert {store.get(i).state for i in ids} == {JobState.QUEUED}  # all handed back


def test_the_runner_deployment_runs_jobs_with_limits_from_its_args(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from serve import runner as runner_module
    from serve.runner import JobRunnerDeployment

    monkeypatch.setattr(runner_module.serve, "get_replica_context",
                        lambda: SimpleNamespace(replica_tag="JobRunner#abc"))
    store, artifacts = _stores(tmp_path, "a")
    job_id = _job_with_uploads(store, artifacts)

    async def scenario():
        deployment = JobRunnerDeployment.func_or_class(
            ScriptedTrainer(artifacts), job_store=str(tmp_path / "jobs.sqlite3"),
            artifacts=str(tmp_path / "artifacts"), max_trainings=3, poll_s=0.01, heartbeat_s=0.05)
        assert deployment.runner.limits == {TRAIN_KIND: 3}
        await _until(lambda: store.get(job_id).terminal, what="the job")
        await deployment.check_health()
        await deployment.runner.stop()

    asyncio.run(scenario())
    job = store.get(job_id)
    assert job.state == JobState.SUCCEEDED and job.runner == "runner-JobRunner#abc"
